import { sameFolder, type MailboxFolder } from './folder-path.ts';

/** The settings that give a folder a role: "Move spam to folder" and the roles of "Configure folders for synchronization". */
export const FOLDER_ROLE_SETTINGS = ['spamFolder', 'inboxFolder', 'sentFolder', 'trashFolder', 'draftsFolder'] as const;

/** Chosen mailbox settings, as far as this file needs them (mailbox-settings.ts imports this one). */
type FolderChoices = { readonly [role in (typeof FOLDER_ROLE_SETTINGS)[number]]?: string };

/**
 * A role is kept with the folder it was given to: when the connector's last list of the server's
 * folders no longer has that folder (deleted, or renamed by another mail client, RFC 3501 §6.3.4,
 * §6.3.5), the choice goes and the role falls back to its default, the folder the server marks for
 * it (RFC 6154). A renamed folder is a new folder to the CRM; it can be chosen again. Before the
 * first list (no folders known yet), choices are kept as made.
 */
export function withoutVanishedFolders<Chosen extends FolderChoices>(chosen: Chosen, folders: readonly MailboxFolder[]): Chosen {
  if (folders.length === 0) return chosen;
  const kept: Record<string, unknown> = { ...chosen };
  for (const role of FOLDER_ROLE_SETTINGS) {
    const path = chosen[role];
    if (path !== undefined && !folders.some((f) => sameFolder(f.path, path))) delete kept[role];
  }
  return kept as Chosen;
}
