import { expectedOne } from './scenario-errors.ts';
import { ImapFlow } from 'imapflow';
import type { ImapAccount } from '../mail-sync/index.ts';

/**
 * An employee working in Webmail, as a mail client does it: log in over IMAP, find the message by
 * subject in a folder, act on it, log out. The CRM's connector then sees the result on its next
 * sync, as it would see a colleague's work in the real product.
 */
async function withMessage<T>(imap: ImapAccount, folder: string, subject: string, act: (client: ImapFlow, uid: number) => Promise<T>): Promise<T> {
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
      if (uids.length !== 1) throw expectedOne(`e-mail in ${imap.user}/${folder}`, subject, uids.length, []);
      return await act(client, uids[0]!);
    } finally {
      lock.release();
    }
  } finally {
    await client.logout().catch(() => client.close());
  }
}

/** Opens the message, so it is read: \Seen is set (RFC 3501 §6.4.6 STORE). Used for R5.4. */
export async function markReadInMail(imap: ImapAccount, folder: string, subject: string): Promise<number> {
  return withMessage(imap, folder, subject, async (client, uid) => {
    await client.messageFlagsAdd([uid], ['\\Seen'], { uid: true });
    return uid;
  });
}

/**
 * Moves the message to another folder, as dragging it in Webmail does: UID MOVE (RFC 6851), so
 * it keeps its bytes and gets a new UID there. Used to put mail in Trash, Drafts or Spam (R1.2).
 */
export async function moveInMail(imap: ImapAccount, folder: string, subject: string, destination: string): Promise<void> {
  await withMessage(imap, folder, subject, async (client, uid) => {
    const moved = await client.messageMove([uid], destination, { uid: true });
    if (!moved) throw new Error(`The mail server did not move "${subject}" to ${destination}`);
  });
}
