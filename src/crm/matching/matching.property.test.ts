import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sequentialIds } from '../ids.ts';
import { workEmails } from '../items/email-value.ts';
import { ItemStore } from '../items/item-store.ts';
import { manualClock } from '../testing.ts';
import { findMatches } from './find-matches.ts';
import { normaliseEmail } from './normalise.ts';

const address = fc
  .tuple(fc.stringMatching(/^[a-z0-9][a-z0-9._+-]{0,11}$/), fc.stringMatching(/^[a-z0-9-]{1,10}\.[a-z]{2,4}$/))
  .map(([local, domain]) => `${local}@${domain}`);

const space = fc.constantFrom('', ' ', '  ', '\t', ' \n');

/** The same address as someone might type it: any letters upper-cased, white space around. */
const writtenDifferently = (value: string) =>
  fc
    .tuple(fc.array(fc.boolean(), { minLength: value.length, maxLength: value.length }), space, space)
    .map(([upper, before, after]) => before + [...value].map((c, i) => (upper[i] ? c.toUpperCase() : c)).join('') + after);

function contactWith(stored: string) {
  const items = new ItemStore(sequentialIds(), manualClock().now);
  items.add('contact', { responsibleId: 1, availableToEveryone: true, name: 'C', emails: workEmails([stored]) });
  return items;
}

describe('address matching properties (R8.3)', () => {
  it('R8.3: matching is invariant under case and surrounding white space, on either side', () => {
    fc.assert(
      fc.property(
        address.chain((a) => fc.tuple(writtenDifferently(a), writtenDifferently(a))),
        ([stored, incoming]) => {
          expect(findMatches(contactWith(stored), [incoming]).kind).toBe('client');
        },
      ),
    );
  });

  it('R8.3: any other difference makes it another address', () => {
    fc.assert(
      fc.property(address, address, (stored, incoming) => {
        fc.pre(normaliseEmail(stored) !== normaliseEmail(incoming));
        expect(findMatches(contactWith(stored), [incoming]).kind).toBe('none');
      }),
    );
  });

  it('normalising is idempotent', () => {
    fc.assert(fc.property(fc.string(), (s) => normaliseEmail(normaliseEmail(s)) === normaliseEmail(s)));
  });
});
