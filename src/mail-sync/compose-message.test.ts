import { describe, expect, it } from 'vitest';
import { composeMessage } from './compose-message.ts';
import { parseMessage } from './parse-message.ts';

describe('composeMessage', () => {
  it('R8.6 keeps the ids a reply needs (Message-ID, In-Reply-To, References) and the date given', async () => {
    const raw = await composeMessage({
      from: '"Anna Nowak" <sales@acme.test>',
      to: ['"Jan Kowalski" <jan@client.test>'],
      subject: 'Re: Zapytanie o ofertę',
      text: 'Dzień dobry',
      messageId: '<crm.activity.7@acme.test>',
      inReplyTo: '<q1@client.test>',
      references: ['<q0@client.test>', '<q1@client.test>'],
      date: new Date('2026-03-02T10:15:00Z'),
    });
    const parsed = await parseMessage(raw);
    expect(parsed).toMatchObject({
      messageId: '<crm.activity.7@acme.test>',
      inReplyTo: '<q1@client.test>',
      references: ['<q0@client.test>', '<q1@client.test>'],
      subject: 'Re: Zapytanie o ofertę',
      from: [{ name: 'Anna Nowak', address: 'sales@acme.test' }],
      to: [{ name: 'Jan Kowalski', address: 'jan@client.test' }],
      text: expect.stringMatching(/^Dzień dobry\s*$/),
    });
    expect(parsed.date?.toISOString()).toBe('2026-03-02T10:15:00.000Z');
  });
});
