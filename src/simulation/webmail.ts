import type { ImapFlow } from 'imapflow';
import type { ImapAccount } from '../mail-sync/index.ts';
import { withImapClient } from './imap-client.ts';

/** What an employee does to one e-mail in Mail; each is one IMAP command on the server. */
export type MailAction =
  | { readonly kind: 'read' }
  | { readonly kind: 'unread' }
  | { readonly kind: 'flag' }
  | { readonly kind: 'unflag' }
  | { readonly kind: 'move'; readonly to: string }
  | { readonly kind: 'delete' };

/**
 * Finds the one message whose subject is exactly `subject` in the selected folder. IMAP SEARCH
 * SUBJECT matches a substring (RFC 3501 §6.4.4), so "Read one" would also find "Unread one": the
 * candidates' envelopes are fetched and compared whole. None or several is an error that lists
 * what the folder holds, so a scenario's typo or a duplicate subject reads plainly.
 */
export async function findBySubject(client: ImapFlow, where: string, subject: string): Promise<number> {
  const candidates = (await client.search({ subject }, { uid: true })) || [];
  const envelopes = candidates.length ? await client.fetchAll(candidates, { uid: true, envelope: true }, { uid: true }) : [];
  const exact = envelopes.filter((m) => m.envelope?.subject === subject);
  if (exact.length === 1) return exact[0]!.uid;
  const all = client.mailbox && client.mailbox.exists > 0 ? await client.fetchAll('1:*', { uid: true, envelope: true }) : [];
  const listed = all.map((m) => `"${m.envelope?.subject ?? ''}" (UID ${m.uid})`).join(', ') || 'nothing';
  const found = exact.length === 0 ? 'found none' : `found ${exact.length}: ${exact.map((m) => `UID ${m.uid}`).join(', ')}`;
  throw new Error(`Expected one e-mail with the subject "${subject}" in ${where}, ${found}. The folder holds: ${listed}`);
}

/**
 * Acts on the e-mail with exactly this subject in a folder, as Mail does: reading sets \Seen,
 * "Mark as unread" clears it, a flag is \Flagged (RFC 3501 §6.4.6 STORE); moving is UID MOVE
 * (RFC 6851), so the message keeps its bytes and gets a new UID; deleting is STORE \Deleted then
 * UID EXPUNGE (RFC 4315), gone for good, as emptying it from Trash is.
 */
export async function actOnMail(imap: ImapAccount, folder: string, subject: string, action: MailAction): Promise<void> {
  await withImapClient(imap, async (client) => {
    const lock = await client.getMailboxLock(folder);
    try {
      const uid = await findBySubject(client, `${imap.user}/${folder}`, subject);
      const done = await perform(client, uid, action);
      if (!done) throw new Error(`The mail server did not ${action.kind} "${subject}" in ${imap.user}/${folder}`);
    } finally {
      lock.release();
    }
  });
}

async function perform(client: ImapFlow, uid: number, action: MailAction): Promise<boolean> {
  const one = [uid];
  switch (action.kind) {
    case 'read':
      return client.messageFlagsAdd(one, ['\\Seen'], { uid: true });
    case 'unread':
      return client.messageFlagsRemove(one, ['\\Seen'], { uid: true });
    case 'flag':
      return client.messageFlagsAdd(one, ['\\Flagged'], { uid: true });
    case 'unflag':
      return client.messageFlagsRemove(one, ['\\Flagged'], { uid: true });
    case 'move':
      return Boolean(await client.messageMove(one, action.to, { uid: true }));
    case 'delete':
      return client.messageDelete(one, { uid: true });
  }
}
