import { SYSTEM_FLAGS, type Folder } from '../../store/index.ts';

/** The flags a mailbox knows (RFC 3501 §7.2.6): the system flags, then keywords in use. */
export function definedFlags(folder: Folder): string[] {
  const keywords = new Set<string>();
  for (const message of folder.messages) {
    for (const flag of message.flags) if (!isSystemFlag(flag)) keywords.add(flag);
  }
  return [...SYSTEM_FLAGS, ...[...keywords].sort()];
}

export function isSystemFlag(flag: string): boolean {
  return (SYSTEM_FLAGS as readonly string[]).some((system) => system.toUpperCase() === flag.toUpperCase());
}

/** The sequence number of the first message without \Seen, if any. */
export function firstUnseen(folder: Folder): number | undefined {
  const index = folder.messages.findIndex((message) => !message.flags.has('\\Seen'));
  return index < 0 ? undefined : index + 1;
}
