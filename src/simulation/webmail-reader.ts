import { ImapFlow } from 'imapflow';
import type { ImapAccount } from '../mail-sync/index.ts';

/**
 * An employee reading mail in Webmail, as a mail client does it: log in over IMAP, find the
 * message by subject and set \Seen (RFC 3501 §6.4.6 STORE). Used to have a message read before
 * the CRM's next sync sees it (R5.4).
 */
export async function markReadInMail(imap: ImapAccount, folder: string, subject: string): Promise<number> {
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
    const lock = await client.getMailboxLock(folder);
    try {
      const found = await client.search({ subject }, { uid: true });
      const uids = found || [];
      if (uids.length !== 1) throw new Error(`Expected one e-mail "${subject}" in ${imap.user}/${folder}, found ${uids.length}`);
      await client.messageFlagsAdd(uids, ['\\Seen'], { uid: true });
      return uids[0]!;
    } finally {
      lock.release();
    }
  } finally {
    await client.logout().catch(() => client.close());
  }
}
