import { afterEach, describe, expect, it } from 'vitest';
import { decodeMimeWords } from './mime-words.ts';
import { buildScenarioStory, itemKeysOf, renderCrmState } from './scenario-story.ts';
import { Simulation } from './simulation.ts';

describe('the scenario story', () => {
  let sim: Simulation | undefined;
  afterEach(async () => {
    await sim?.stop();
    sim = undefined;
  });

  it('tells which e-mails arrived where, what the CRM did with them, and the timelines afterwards', async () => {
    sim = await Simulation.start();
    sim.addEmployee('Anna Nowak');
    await sim.connectMailbox('sales@acme.test', 'Anna Nowak');
    sim.configureMailbox('sales@acme.test', { spamFolder: 'INBOX' });
    sim.clock.set(new Date('2026-03-02T10:15:00Z'));
    await sim.sendFromOutside({ from: 'Jan Kowalski <jan@client.test>', to: 'sales@acme.test', subject: 'Zapytanie o ofertę' });
    await sim.sendFromOutside({ from: 'sales@acme.test', to: 'buyer@elsewhere.test', subject: 'Our offer' });
    await sim.synchronise('sales@acme.test');
    sim.clock.set(new Date('2026-03-02T10:20:00Z'));
    sim.saveToCrm('Anna Nowak', 'Zapytanie o ofertę');

    // Nothing existed before the scenario's first action, so the lead is marked as made by it.
    const story = buildScenarioStory(sim, { existedBefore: new Set() });
    expect(story.at).toBe('2026-03-02T10:20:00.000Z');
    expect(story.emails).toEqual([
      { at: '2026-03-02T10:15:00.000Z', from: 'Jan Kowalski <jan@client.test>', to: ['sales@acme.test'], subject: 'Zapytanie o ofertę', mailbox: 'sales@acme.test', folder: 'INBOX', raw: expect.stringContaining('Subject: =?UTF-8?') },
      { at: '2026-03-02T10:15:00.000Z', from: 'sales@acme.test', to: ['buyer@elsewhere.test'], subject: 'Our offer', mailbox: 'outbox', folder: 'other domains', raw: expect.stringContaining('Subject: Our offer') },
    ]);
    expect(story.intake).toEqual([
      { mailbox: 'sales@acme.test', folder: 'INBOX', subject: 'Zapytanie o ofertę', saved: false, outcome: expect.stringContaining('"Move spam to folder"'), reason: 'spam-folder' },
    ]);
    expect(story.activities).toEqual([expect.objectContaining({ direction: 'incoming', subject: 'Zapytanie o ofertę', boundTo: ['lead "Zapytanie o ofertę"'], responsible: 'Anna Nowak', savedBy: 'Anna Nowak', completed: false, enteredCrm: '2026-03-02T10:20:00.000Z', received: '2026-03-02T10:15:00.000Z' })]);
    expect(story.items).toEqual([{
      ref: 'lead 1',
      title: 'Zapytanie o ofertę',
      responsible: 'Anna Nowak',
      details: 'status Unassigned, source E-Mail, jan@client.test (WORK)',
      origin: 'created',
      timeline: [
        { at: '2026-03-02T10:20:00.000Z', entry: 'E-mail "Zapytanie o ofertę", incoming, planned, responsible Anna Nowak', kind: 'email', subject: 'Zapytanie o ofertę', direction: 'incoming', completed: false, responsible: 'Anna Nowak' },
        { at: '2026-03-02T10:20:00.000Z', entry: 'New e-mail "Zapytanie o ofertę" (entry by Anna Nowak)', kind: 'system', subject: 'Zapytanie o ofertę', title: 'New e-mail', author: 'Anna Nowak' },
      ],
    }]);
    expect(JSON.parse(JSON.stringify(story))).toEqual(story);

    expect(buildScenarioStory(sim, { existedBefore: itemKeysOf(sim.crm) }).items[0]?.origin).toBe('existed-before');

    const text = renderCrmState(story);
    expect(text).toContain('10:15:00  sales@acme.test/INBOX  "Zapytanie o ofertę"  from Jan Kowalski <jan@client.test> to sales@acme.test');
    expect(text).toContain('saved by hand by Anna Nowak, bound to lead "Zapytanie o ofertę"; responsible Anna Nowak; planned; entered CRM 10:20:00, received 10:15:00');
    expect(text).toContain('lead 1 "Zapytanie o ofertę" (responsible Anna Nowak; status Unassigned');
  });

  it('names the items an e-mail is saved to by title, and says which lead is a repeat lead', async () => {
    sim = await Simulation.start();
    sim.addEmployee('Anna Nowak');
    await sim.connectMailbox('sales@acme.test', 'Anna Nowak');
    sim.addContact({ name: 'Jan Kowalski', emails: ['jan@client.test'], responsible: 'Anna Nowak' });
    await sim.sendFromOutside({ from: 'Jan Kowalski <jan@client.test>', to: 'sales@acme.test', subject: 'New order' });
    await sim.synchronise('sales@acme.test');

    const story = buildScenarioStory(sim);
    expect(story.intake.map((i) => i.outcome)).toEqual(['saved to lead "New order", contact "Jan Kowalski"']);
    expect(story.activities[0]?.boundTo).toEqual(['lead "New order"', 'contact "Jan Kowalski"']);
    expect(story.items.find((i) => i.title === 'New order')?.details).toMatch(/^repeat lead, status Unassigned/);
  });

  it('says "none" for an empty world', async () => {
    sim = await Simulation.start();
    const text = renderCrmState(buildScenarioStory(sim));
    expect(text.match(/ {2}none|nothing synchronised/g)).toHaveLength(4);
  });
});

describe('decodeMimeWords', () => {
  it('decodes base64 and quoted-printable words and joins adjacent ones', () => {
    expect(decodeMimeWords('=?UTF-8?B?WmFweXRhbmllIG8gb2ZlcnTEmQ==?=')).toBe('Zapytanie o ofertę');
    expect(decodeMimeWords('=?ISO-8859-2?Q?Oferta_na_=B1?= =?UTF-8?Q?_i_=C4=99?= end')).toBe('Oferta na ą i ę end');
    expect(decodeMimeWords('plain text')).toBe('plain text');
  });

  it('leaves a word in an unknown charset as it was', () => {
    expect(decodeMimeWords('=?x-unknown?B?YQ==?=')).toBe('=?x-unknown?B?YQ==?=');
  });
});
