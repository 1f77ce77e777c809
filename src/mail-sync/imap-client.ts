import { ImapFlow } from 'imapflow';
import type { ImapAccount } from './sync-types.ts';

/**
 * How the connector names itself to the server in the ID command (RFC 2971): servers log it, and
 * the scenario's traffic log shows which connection is the CRM's and for which mailbox.
 */
export function connectorIdentity(account: ImapAccount, role: string): Record<string, string> {
  // Empty values leave out what imapflow would otherwise send about itself.
  return { name: 'CRM mail connector', version: '', vendor: '', 'support-url': '', role, mailbox: account.user };
}

/**
 * Opens one authenticated IMAP connection as the CRM's connector does: plaintext on loopback, no
 * compression, and no automatic IDLE, so no timer of imapflow's outlives the scenario. The caller
 * owns the connection and ends it with logout() or close().
 */
export async function openImapClient(account: ImapAccount, role: string): Promise<ImapFlow> {
  const client = new ImapFlow({
    host: account.host,
    port: account.port,
    secure: false,
    doSTARTTLS: false,
    auth: { user: account.user, pass: account.password },
    clientInfo: connectorIdentity(account, role),
    logger: false,
    disableAutoIdle: true,
    disableCompression: true,
  });
  // imapflow emits 'error' for socket trouble; the awaited command rejects as well, which is
  // where it is handled, so the event needs no action beyond not being unhandled.
  client.on('error', () => undefined);
  await client.connect();
  return client;
}

/** LOGOUT (RFC 3501 §6.1.3) when the server still listens; otherwise just the socket is closed. */
export async function endImapClient(client: ImapFlow): Promise<void> {
  if (!client.usable) {
    client.close();
    return;
  }
  await client.logout().catch(() => client.close());
}
