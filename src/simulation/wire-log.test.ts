import { describe, expect, it } from 'vitest';
import { WireLog } from './wire-log.ts';

describe('WireLog', () => {
  it('writes IMAP lines and SMTP deliveries one per line, and says what it did not keep', () => {
    const log = new WireLog(2);
    log.record({ protocol: 'imap', entry: { connectionId: 3, direction: 'client', line: 'A1 LOGIN a@x.test ***' } });
    log.record({ protocol: 'smtp', delivery: { mailFrom: 'j@c.test', recipients: ['a@x.test', 'b@o.test'], local: [{ account: 'a@x.test', folder: 'Spam', uid: 4 }], remote: ['b@o.test'] } });
    log.record({ protocol: 'imap', entry: { connectionId: 3, direction: 'server', line: 'A1 OK' } });
    expect(log.toString()).toBe([
      'IMAP#3 C: A1 LOGIN a@x.test ***',
      'SMTP MAIL FROM:<j@c.test> RCPT TO:<a@x.test>,<b@o.test> → a@x.test/Spam UID 4, outbox b@o.test',
      '… 1 more lines not kept',
    ].join('\n'));
  });

  it('shortens very long lines', () => {
    const log = new WireLog();
    log.record({ protocol: 'imap', entry: { connectionId: 1, direction: 'server', line: 'x'.repeat(1000) } });
    expect(log.toString()).toMatch(/^IMAP#1 S: x{300}… \(1000 chars\)$/);
  });
});
