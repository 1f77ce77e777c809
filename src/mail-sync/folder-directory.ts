import type { ImapFlow, ListResponse } from 'imapflow';
import type { RemoteFolder } from './sync-types.ts';

/** The attributes that give a folder its role (RFC 6154 §2), and those that say it holds no mail. */
const MEANINGFUL_FLAGS = new Set(['\\All', '\\Archive', '\\Drafts', '\\Flagged', '\\Junk', '\\Sent', '\\Trash', '\\Noselect', '\\NonExistent']);

/**
 * The server's folders as the connector last listed them. Every sync asks the server again with
 * one LIST, so new, renamed and deleted folders are noticed; only when that listing differs from
 * the last one (a path, or an attribute that gives a role) does it list in full, with LSUB, to
 * let imapflow settle special use (RFC 6154) as it always does. Subscriptions themselves do not
 * matter to the connector, so an unchanged listing costs one round trip instead of two.
 */
export class FolderDirectory {
  private known: RemoteFolder[] | undefined;
  private signature = '';

  /** The folders as last listed, if they were. */
  get current(): readonly RemoteFolder[] | undefined {
    return this.known;
  }

  /** Lists the folders over this connection; imapflow also needs the listing to open one. */
  async refresh(client: ImapFlow): Promise<readonly RemoteFolder[]> {
    if (this.known) {
      const signature = signatureOf(await client.list({ listOnly: true }));
      if (signature === this.signature) return this.known;
    }
    const full = await client.list();
    this.signature = signatureOf(full);
    // A \Noselect name is only a level above other folders ("Clients" of "Clients/Acme"): it holds
    // no mail and cannot be opened (RFC 3501 §7.2.2), so it is no folder to sync.
    this.known = full
      .filter((f) => !f.flags.has('\\Noselect'))
      .map((f) => (f.specialUse ? { path: f.path, specialUse: f.specialUse } : { path: f.path }));
    return this.known;
  }
}

function signatureOf(folders: readonly ListResponse[]): string {
  return folders
    .map((f) => [f.path, ...[...f.flags].filter((flag) => MEANINGFUL_FLAGS.has(flag)).sort()].join('\u0000'))
    .sort()
    .join('\n');
}
