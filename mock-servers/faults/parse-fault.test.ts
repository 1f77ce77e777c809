import { describe, expect, it } from 'vitest';
import { parseFault } from './index.ts';

describe('parseFault', () => {
  it.each([
    ['refuse-recipient:nth=2,code=550', { kind: 'refuse-recipient', nth: 2, code: 550 }],
    ['refuse-recipient:address=bob@acme.test,code=450', { kind: 'refuse-recipient', address: 'bob@acme.test', code: 450 }],
    ['greylist:retry-after=5m', { kind: 'greylist', retryAfterMs: 300_000 }],
    ['greylist', { kind: 'greylist', retryAfterMs: 0 }],
    ['throttle:after=3', { kind: 'throttle', afterMessages: 3 }],
    ['slow:protocol=IMAP,delay=1.5s', { kind: 'slow', protocol: 'imap', delayMs: 1500 }],
    ['drop-after-commands:protocol=smtp,commands=2', { kind: 'drop-after-commands', protocol: 'smtp', commands: 2 }],
    ['drop-mid-fetch:after=5,nth=1', { kind: 'drop-mid-fetch', afterResponses: 5, nth: 1 }],
    ['fail-command:command=SELECT,status=bad', { kind: 'fail-command', command: 'SELECT', status: 'BAD' }],
  ])('reads %s', (spec, rule) => {
    expect(parseFault(spec)).toEqual(rule);
  });

  it.each([
    ['explode', /Unknown fault "explode".*known faults: refuse-recipient, greylist/],
    ['throttle', /needs after=/],
    ['throttle:after=3,colour=red', /unknown option "colour" for throttle/],
    ['slow:protocol=pop3', /protocol must be smtp or imap/],
    ['greylist:retry-after=soon', /duration like 200ms/],
    ['refuse-recipient:nth', /"nth" should look like key=value/],
    ['refuse-recipient:code=abc', /code must be a number/],
    ['fail-command:command=NOOP,status=MAYBE', /status must be NO or BAD/],
  ])('explains what is wrong with %s', (spec, message) => {
    expect(() => parseFault(spec)).toThrow(message);
  });
});
