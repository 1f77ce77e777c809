import { describe, expect, it } from 'vitest';
import { MailStore } from '../../store/index.ts';
import { encodeValue } from '../protocol/writer.ts';
import { bodyStructureItem, envelopeItem, internalDateItem } from './fixed-items.ts';

const RAW = Buffer.from('Subject: Hi\r\nFrom: Ann <ann@x.test>\r\nContent-Type: text/plain\r\n\r\nHello\r\n');

function inbox() {
  const store = new MailStore({ clock: () => new Date('2026-03-02T10:00:00Z') });
  const account = store.createAccount({ address: 'sales@acme.test', password: 'x' });
  return { store, account, folder: account.requireFolderByRole('inbox') };
}

describe('FETCH items rendered once', () => {
  it('renders a message source once, whichever copy of it is fetched', () => {
    const { store, account, folder } = inbox();
    const message = store.deliver(account, folder, RAW);
    const [copy] = store.copyMessages(account, folder, [message], account.requireFolderByRole('sent'));
    expect(envelopeItem(copy!.copy)).toBe(envelopeItem(message));
    expect(bodyStructureItem(copy!.copy)).toBe(bodyStructureItem(message));
    expect(encodeValue(envelopeItem(message)).toString()).toBe('(NIL "Hi" (("Ann" NIL "ann" "x.test")) (("Ann" NIL "ann" "x.test")) (("Ann" NIL "ann" "x.test")) NIL NIL NIL NIL NIL)');
  });

  it('takes INTERNALDATE from each message, not from its octets', () => {
    const { store, account, folder } = inbox();
    const first = store.deliver(account, folder, RAW, { internalDate: new Date('2026-03-02T10:00:00Z') });
    const second = store.deliver(account, folder, RAW, { internalDate: new Date('2026-03-05T23:59:59Z') });
    expect(encodeValue(internalDateItem(first.internalDate)).toString()).toBe('"02-Mar-2026 10:00:00 +0000"');
    expect(encodeValue(internalDateItem(second.internalDate)).toString()).toBe('"05-Mar-2026 23:59:59 +0000"');
  });

  it('never answers from a stale entry when a date changes in place', () => {
    const date = new Date('2026-03-02T10:00:00Z');
    expect(encodeValue(internalDateItem(date)).toString()).toBe('"02-Mar-2026 10:00:00 +0000"');
    date.setUTCFullYear(2027);
    expect(encodeValue(internalDateItem(date)).toString()).toBe('"02-Mar-2027 10:00:00 +0000"');
  });
});
