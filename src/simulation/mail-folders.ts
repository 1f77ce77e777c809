import type { ImapAccount } from '../mail-sync/index.ts';
import { withImapClient } from './imap-client.ts';

/**
 * Folders of the user's own, made on the mail server by a mail client over IMAP, as anyone does
 * from a phone or a desktop client: CREATE, RENAME and DELETE (RFC 3501 §6.3.3–§6.3.5). A nested
 * folder is written with the server's separator, "/": "Clients/Acme". The CRM learns of them as it
 * learns of every folder, from the list its connector takes at each synchronisation.
 */
export type FolderChange =
  | { readonly kind: 'create'; readonly path: string }
  | { readonly kind: 'rename'; readonly path: string; readonly to: string }
  | { readonly kind: 'delete'; readonly path: string };

export async function changeFolder(imap: ImapAccount, change: FolderChange): Promise<void> {
  await withImapClient(imap, async (client) => {
    try {
      if (change.kind === 'create') await client.mailboxCreate(change.path);
      else if (change.kind === 'rename') await client.mailboxRename(change.path, change.to);
      else await client.mailboxDelete(change.path);
    } catch (error) {
      // imapflow puts the server's NO text in responseText; that is what a user would be shown.
      const said = (error as { responseText?: string }).responseText ?? (error instanceof Error ? error.message : String(error));
      const folders = (await client.list()).map((f) => f.path).join(', ');
      throw new Error(`The mail server refused to ${change.kind} the folder "${change.path}" of ${imap.user}: ${said}. Its folders: ${folders}`);
    }
  });
}
