import { describe, expect, it } from 'vitest';
import { WireLog } from './wire-log.ts';

describe('WireLog', () => {
  it('writes IMAP lines, SMTP deliveries and notes one per line', () => {
    const log = new WireLog();
    log.note('sales@acme.test: synchronisation 1 starts');
    log.record({ protocol: 'imap', entry: { connectionId: 3, direction: 'client', line: 'A1 LOGIN a@x.test ***' } });
    log.record({ protocol: 'smtp', delivery: { mailFrom: 'j@c.test', recipients: ['a@x.test', 'b@o.test'], local: [{ account: 'a@x.test', folder: 'Spam', uid: 4 }], remote: ['b@o.test'] } });
    log.record({ protocol: 'imap', entry: { connectionId: 3, direction: 'server', line: 'A1 OK' } });
    expect(log.toString()).toBe([
      '── sales@acme.test: synchronisation 1 starts',
      'IMAP#3 C: A1 LOGIN a@x.test ***',
      'SMTP MAIL FROM:<j@c.test> RCPT TO:<a@x.test>,<b@o.test> → a@x.test/Spam UID 4, outbox b@o.test',
      'IMAP#3 S: A1 OK',
    ].join('\n'));
  });

  it('past its limit keeps the first lines and the latest ones, and says how many it left out', () => {
    const log = new WireLog(4);
    for (let n = 1; n <= 9; n++) log.note(`line ${n}`);
    expect(log.toString()).toBe(['── line 1', '── line 2', '… 5 lines left out …', '── line 8', '── line 9'].join('\n'));
  });

  it('shortens very long lines', () => {
    const log = new WireLog();
    log.record({ protocol: 'imap', entry: { connectionId: 1, direction: 'server', line: 'x'.repeat(1000) } });
    expect(log.toString()).toMatch(/^IMAP#1 S: x{300}… \(1000 chars\)$/);
  });
});
