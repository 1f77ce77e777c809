import { createHash } from 'node:crypto';
import { buildCorpus } from '../../../../scripts/bench/corpus.ts';
import { MailStore, type StoredMessage } from '../../../store/index.ts';
import { parseCommand } from '../../protocol/parser.ts';
import { untaggedLine } from '../../protocol/writer.ts';
import { parseFetchItems } from '../fetch-items.ts';
import { fetchResponse } from '../fetch-response.ts';
import { TRICKY_MESSAGES } from './tricky-messages.ts';

/**
 * Renders `* n FETCH (...)` lines, exactly as the server writes them, for every message of a
 * corpus and every item list below. The golden test compares them with octets recorded once,
 * so any change to what goes on the wire shows up, however the rendering is built.
 */
export const ITEM_LISTS: readonly string[] = [
  '(UID FLAGS ENVELOPE)',
  'FULL',
  '(BODYSTRUCTURE RFC822.SIZE)',
  '(BODY.PEEK[HEADER] BODY.PEEK[TEXT]<0.64> BODY.PEEK[1] BODY.PEEK[1.MIME] BODY.PEEK[2] BODY.PEEK[1.1] BODY.PEEK[2.HEADER] BODY.PEEK[2.TEXT] BODY.PEEK[2.1.2] BODY.PEEK[3.1.MIME])',
  '(BODY.PEEK[HEADER.FIELDS (From Subject DATE x-empty)] BODY.PEEK[HEADER.FIELDS.NOT (Received DKIM-Signature)] BODY.PEEK[2.HEADER.FIELDS (Subject)])',
  '(BODY[] RFC822.HEADER)',
  '(RFC822 RFC822.TEXT BODY.PEEK[]<10.20> BODY.PEEK[]<100000000.5> BODY.PEEK[1]<2>)',
];

export interface RenderedCase {
  /** `<message name> | <item list> | by UID or not`. */
  readonly name: string;
  /** The input message's SHA-256, so a changed input is told apart from a changed output. */
  readonly input: string;
  readonly output: Buffer;
}

/** The hand-written tricky messages and a slice of the benchmark's business mail. */
export function goldenMessages(): Array<readonly [string, Buffer]> {
  const corpus = buildCorpus({ count: 24, seed: 11 });
  return [...TRICKY_MESSAGES, ...corpus.messages.map((message, index) => [`bench corpus #${index}`, message.raw] as const)];
}

export function renderCases(): RenderedCase[] {
  const store = new MailStore({ clock: () => new Date('2026-03-02T10:00:00Z'), firstUidValidity: 7 });
  const account = store.createAccount({ address: 'golden@acme.test', password: 'x' });
  const inbox = account.requireFolderByRole('inbox');
  const cases: RenderedCase[] = [];
  goldenMessages().forEach(([name, raw], index) => {
    // Every third message is already \Seen, so BODY[] sometimes adds FLAGS and sometimes not.
    const message = store.deliver(account, inbox, raw, { flags: index % 3 === 0 ? ['\\Seen', 'custom'] : [] });
    // UID FETCH for every other message: it only adds UID where the items lack it.
    const byUid = index % 2 === 1;
    for (const itemList of ITEM_LISTS) {
      cases.push({ name: `${name} | ${itemList} | ${byUid ? 'UID FETCH' : 'FETCH'}`, input: sha256(raw), output: render(index + 1, message, itemList, byUid) });
    }
  });
  return cases;
}

function render(seq: number, message: StoredMessage, itemList: string, byUid: boolean): Buffer {
  const parsed = parseCommand(Buffer.from(`t FETCH 1 ${itemList}`));
  if (!parsed.ok || !parsed.command.args[1]) throw new Error(`Cannot parse ${itemList}`);
  const items = parseFetchItems(parsed.command.args[1]);
  if (!items.ok) throw new Error(items.message);
  // \Seen as the session would show it once set, without touching the stored message.
  let seen = false;
  const flags = () => [...message.flags, ...(seen ? ['\\Seen'] : []), ...(seq % 2 === 0 ? ['\\Recent'] : [])];
  return untaggedLine(fetchResponse(seq, message, items.items, { byUid, flags, markSeen: () => (seen = true) }));
}

export function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}
