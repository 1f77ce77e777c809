/**
 * Folder roles. IMAP names them with RFC 6154 special-use attributes (\Sent, \Junk, \Trash,
 * \Drafts); INBOX needs none because RFC 3501 §5.1 reserves its name.
 */
export const FOLDER_ROLES = ['inbox', 'sent', 'junk', 'trash', 'drafts'] as const;
export type FolderRole = (typeof FOLDER_ROLES)[number];

/** The RFC 6154 attribute a LIST response carries for each role (INBOX has none). */
export const SPECIAL_USE_ATTRIBUTE: Readonly<Record<FolderRole, string | undefined>> = {
  inbox: undefined,
  sent: '\\Sent',
  junk: '\\Junk',
  trash: '\\Trash',
  drafts: '\\Drafts',
};

/** The folders every new account gets, as most providers create them. */
export const DEFAULT_FOLDERS: ReadonlyArray<{ name: string; role: FolderRole }> = [
  { name: 'INBOX', role: 'inbox' },
  { name: 'Sent', role: 'sent' },
  { name: 'Spam', role: 'junk' },
  { name: 'Trash', role: 'trash' },
  { name: 'Drafts', role: 'drafts' },
];

export function isFolderRole(value: string): value is FolderRole {
  return (FOLDER_ROLES as readonly string[]).includes(value);
}
