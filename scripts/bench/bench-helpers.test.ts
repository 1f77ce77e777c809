/**
 * The benchmark's pieces run end to end on a tiny scale (one round, a handful of messages), to
 * prove they work and clean up. Times are not asserted: performance belongs to `npm run bench`.
 */
import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { compareBuildingBlocks } from './building-blocks.ts';
import { compareCrmSync } from './crm-sync.ts';
import { isTimed } from './comparison.ts';
import { buildCorpus } from './corpus.ts';
import { BODY_WORKLOAD, compareImapFetch, ENVELOPE_WORKLOAD, openInbox } from './imap-fetch.ts';
import { startInChildProcess } from './imap-servers/child-process-server.ts';
import { DOVECOT_MISSING } from './imap-servers/dovecot.ts';
import { startHoodiecrow } from './imap-servers/hoodiecrow.ts';
import { startOurImap } from './imap-servers/ours.ts';
import { Resources, withResources } from './resources.ts';
import { compareSmtpThroughput } from './smtp-throughput.ts';

const ONE_ROUND = { warmup: 0, rounds: 1 };

describe('benchmark helpers', () => {
  it('time SMTP throughput against the bare server and check every message arrived', async () => {
    let held: Resources | undefined;
    const row = await withResources(async (resources) => {
      held = resources;
      return compareSmtpThroughput(buildCorpus({ count: 5 }).messages, ONE_ROUND, resources);
    });
    expect(row).toMatchObject({ section: 'SMTP throughput', messages: 5, ours: { name: 'mock mail server' }, baseline: { name: 'bare smtp-server' } });
    expect(row.ours.samples.times).toHaveLength(1);
    expect(held!.held).toBe(0);
  });

  it('fetch the same folder from our server and hoodiecrow, with a row saying Dovecot is missing', async () => {
    const corpus = buildCorpus({ count: 20 });
    const rows = await withResources(async (resources) =>
      compareImapFetch({
        corpus,
        ours: await startOurImap(corpus, resources),
        baselines: [await startHoodiecrow(corpus, resources), { name: 'Dovecot', unavailable: DOVECOT_MISSING }],
        workloads: [ENVELOPE_WORKLOAD, BODY_WORKLOAD],
        plan: ONE_ROUND,
        resources,
      }),
    );
    expect(rows.map((r) => [r.measurement.split(',')[0], r.baseline.name])).toEqual([
      ['FETCH 1:* (UID FLAGS ENVELOPE)', 'hoodiecrow-imap 2.1.0'],
      ['FETCH 1:* (UID FLAGS ENVELOPE)', 'Dovecot'],
      ['FETCH 1:* (UID BODY.PEEK[])', 'hoodiecrow-imap 2.1.0'],
      ['FETCH 1:* (UID BODY.PEEK[])', 'Dovecot'],
    ]);
    expect(isTimed(rows[0]!.baseline)).toBe(true);
    expect(isTimed(rows[1]!.baseline)).toBe(false);
  });

  it('refuse a fetch that returns less than the folder holds', async () => {
    const corpus = buildCorpus({ count: 3 });
    const larger = buildCorpus({ count: 4 });
    await withResources(async (resources) => {
      const client = await openInbox(await startHoodiecrow(corpus, resources), resources);
      await expect(BODY_WORKLOAD.run(client, larger, 'hoodiecrow')).rejects.toThrow(/returned 3 messages/);
      await expect(ENVELOPE_WORKLOAD.run(client, larger, 'hoodiecrow')).rejects.toThrow(/returned 3 envelopes/);
    });
  });

  it('serve the corpus from a child process that stops when released', async () => {
    const corpus = buildCorpus({ count: 3, seed: 5 });
    const port = await withResources(async (resources) => {
      const target = await startInChildProcess('ours', { count: 3, seed: 5, totalBytes: corpus.totalBytes }, resources);
      await ENVELOPE_WORKLOAD.run(await openInbox(target, resources), corpus, target.name);
      return target.port;
    });
    const refused = await new Promise<string>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve('connected');
      });
      socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
    });
    expect(refused).toBe('ECONNREFUSED');
  });

  it('time the building blocks against starting and stopping the server', async () => {
    const rows = await withResources((resources) => compareBuildingBlocks(buildCorpus({ count: 5 }), ONE_ROUND, resources));
    expect(rows.map((r) => r.measurement)).toEqual([
      '10 SMTP sends, a new connection each',
      '10 SMTP sends over one pooled connection',
      'CRM connector sync of 5 new messages (imapflow + mailparser)',
    ]);
    for (const row of rows) expect(row.baseline.name).toBe('start and stop the mock mail server');
  });

  it("sync mailboxes of two sizes into the CRM's own process, every message handed over", async () => {
    let held: Resources | undefined;
    const { comparisons, figures } = await withResources(async (resources) => {
      held = resources;
      return compareCrmSync([6, 3], ONE_ROUND, resources);
    });
    expect(comparisons).toHaveLength(2);
    expect(comparisons[0]).toMatchObject({ section: 'CRM sync', measurement: '6 messages ÷ 3 (linear: 2×)', ours: { name: '6 messages' }, baseline: { name: '3 messages' } });
    expect(comparisons[0]!.ours.cpu?.median).toBeGreaterThan(0);
    expect(comparisons[1]).toMatchObject({ measurement: '6 messages synced ÷ mailparser alone reading them', baseline: { name: 'mailparser alone' } });
    expect((comparisons[1]!.baseline as { cpu?: { median: number } }).cpu?.median).toBeGreaterThan(0);
    expect(figures.map((f) => [f.unit, f.atMost])).toEqual([['ms', undefined], ['ms', undefined], ['MB', undefined], ['MB', undefined], ['MB', undefined]]);
    const [, , peak, rest, bodies] = figures.map((f) => f.samples.median);
    expect(rest).toBeGreaterThan(10);
    expect(peak).toBeGreaterThanOrEqual(rest!);
    expect(bodies).toBeGreaterThan(0);
    expect(held!.held).toBe(0);
  }, 60_000);
});
