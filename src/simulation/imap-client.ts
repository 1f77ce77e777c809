import { ImapFlow } from 'imapflow';
import type { ImapAccount } from '../mail-sync/index.ts';

/**
 * A mail client of the user's own (Webmail, a phone, a desktop client) on the mail server, over
 * IMAP: it logs in, does one thing, logs out. The CRM's connector sees the result on its next
 * sync, as it would see a colleague's work in the real product.
 */
export async function withImapClient<T>(imap: ImapAccount, work: (client: ImapFlow) => Promise<T>): Promise<T> {
  const client = new ImapFlow({
    host: imap.host,
    port: imap.port,
    secure: false,
    doSTARTTLS: false,
    auth: { user: imap.user, pass: imap.password },
    logger: false,
    disableAutoIdle: true,
  });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.logout().catch(() => client.close());
  }
}
