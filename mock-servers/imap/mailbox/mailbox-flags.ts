import { SYSTEM_FLAGS, type Folder } from '../../store/index.ts';
import { untaggedStatus, type Untagged } from '../protocol/untagged.ts';
import { list, raw } from '../protocol/writer.ts';

/** The flags a mailbox knows (RFC 3501 §7.2.6): the system flags, then keywords in use. */
export function definedFlags(folder: Folder): string[] {
  const keywords = new Set<string>();
  for (const message of folder.messages) {
    for (const flag of message.flags) if (!isSystemFlag(flag)) keywords.add(flag);
  }
  return [...SYSTEM_FLAGS, ...[...keywords].sort()];
}

export function isSystemFlag(flag: string): boolean {
  return SYSTEM_FLAGS_UPPER.has(flag.toUpperCase());
}

/** Looked up once per flag of every message whenever a session is brought up to date. */
const SYSTEM_FLAGS_UPPER: ReadonlySet<string> = new Set(SYSTEM_FLAGS.map((flag) => flag.toUpperCase()));

/** The sequence number of the first message without \Seen, if any. */
export function firstUnseen(folder: Folder): number | undefined {
  const index = folder.messages.findIndex((message) => !message.flags.has('\\Seen'));
  return index < 0 ? undefined : index + 1;
}

/**
 * `* FLAGS (...)` and the PERMANENTFLAGS that go with it (RFC 3501 §7.2.6, §7.1): sent at
 * selection, and again whenever a keyword comes into use, before any FETCH that shows it.
 */
export function flagsResponses(flags: readonly string[], readOnly: boolean): Untagged[] {
  return [
    [raw('FLAGS'), list(flags.map(raw))],
    readOnly
      ? untaggedStatus('OK', 'No permanent flags permitted', 'PERMANENTFLAGS ()')
      : untaggedStatus('OK', 'Flags permitted', `PERMANENTFLAGS (${[...flags, '\\*'].join(' ')})`),
  ];
}
