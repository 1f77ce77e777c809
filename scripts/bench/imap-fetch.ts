/**
 * IMAP fetch of a large folder with imapflow: the whole INBOX as a CRM connector's first look
 * (FETCH 1:* (UID FLAGS ENVELOPE)) and as a full download (FETCH 1:* (UID BODY.PEEK[])). Each
 * server gets one logged-in client with INBOX open read-only (EXAMINE); the servers take turns
 * within each round, and every run checks it got every message (and every octet), so a baseline
 * that returns less cannot look fast.
 */
import { ImapFlow } from 'imapflow';
import { timed, type Comparison, type Unavailable } from './comparison.ts';
import { processTreeCpuMs } from './cpu-time.ts';
import type { Corpus } from './corpus.ts';
import type { ImapTarget } from './imap-servers/imap-target.ts';
import type { Resources } from './resources.ts';
import { measureInterleaved, type Contender, type SamplingPlan } from './sampling.ts';

export interface FetchWorkload {
  readonly label: string;
  /** Runs the fetch once; throws if the answer is not the whole corpus. */
  run(client: ImapFlow, corpus: Corpus, server: string): Promise<void>;
}

export const ENVELOPE_WORKLOAD: FetchWorkload = {
  label: 'FETCH 1:* (UID FLAGS ENVELOPE)',
  async run(client, corpus, server) {
    let count = 0;
    for await (const message of client.fetch('1:*', { uid: true, flags: true, envelope: true })) {
      if (message.envelope?.messageId) count++;
    }
    if (count !== corpus.messages.length) throw new Error(`${server} returned ${count} envelopes with a Message-ID for ${corpus.messages.length} messages`);
  },
};

export const BODY_WORKLOAD: FetchWorkload = {
  label: 'FETCH 1:* (UID BODY.PEEK[])',
  async run(client, corpus, server) {
    let count = 0;
    let bytes = 0;
    for await (const message of client.fetch('1:*', { uid: true, source: true })) {
      count++;
      bytes += message.source?.length ?? 0;
    }
    if (count !== corpus.messages.length || bytes !== corpus.totalBytes) {
      throw new Error(`${server} returned ${count} messages of ${bytes} octets; the folder holds ${corpus.messages.length} of ${corpus.totalBytes}`);
    }
  },
};

/** A logged-in imapflow client with INBOX examined, released with the run's resources. */
export async function openInbox(target: ImapTarget, resources: Resources): Promise<ImapFlow> {
  const client = new ImapFlow({ host: target.host, port: target.port, secure: false, auth: { user: target.user, pass: target.password }, logger: false });
  // An 'error' event without a listener would end the process; the failing command reports it anyway.
  client.on('error', () => undefined);
  resources.add(`IMAP client of ${target.name}`, async () => {
    // LOGOUT is polite; a client interrupted mid-FETCH cannot log out and is just closed.
    try {
      if (client.usable) await client.logout();
    } finally {
      client.close();
    }
  });
  await client.connect();
  await client.mailboxOpen('INBOX', { readOnly: true });
  return client;
}

export interface FetchComparisonInput {
  readonly corpus: Corpus;
  readonly ours: ImapTarget;
  readonly baselines: ReadonlyArray<ImapTarget | Unavailable>;
  readonly workloads: readonly FetchWorkload[];
  readonly plan: SamplingPlan;
  readonly resources: Resources;
}

function isTarget(value: ImapTarget | Unavailable): value is ImapTarget {
  return 'port' in value;
}

/** One row per workload and baseline; our samples are shared by the rows of a workload. */
export async function compareImapFetch(input: FetchComparisonInput): Promise<Comparison[]> {
  const targets = [input.ours, ...input.baselines.filter(isTarget)];
  const clients = new Map<string, ImapFlow>();
  for (const target of targets) clients.set(target.name, await openInbox(target, input.resources));
  const mib = (input.corpus.totalBytes / 2 ** 20).toFixed(1);
  const rows: Comparison[] = [];
  for (const workload of input.workloads) {
    const contenders: Contender[] = targets.map((target) => ({
      name: target.name,
      run: () => workload.run(clients.get(target.name)!, input.corpus, target.name),
      // A server in this process has no CPU time of its own to read; the client's would count.
      ...(target.pid === undefined ? {} : { cpuMs: () => processTreeCpuMs(target.pid!) }),
    }));
    const samples = await measureInterleaved(contenders, input.plan);
    for (const baseline of input.baselines) {
      rows.push({
        section: 'IMAP fetch',
        measurement: `${workload.label}, ${input.corpus.messages.length} messages (${mib} MiB)`,
        ours: timed(input.ours.name, samples.get(input.ours.name)!),
        baseline: isTarget(baseline) ? timed(baseline.name, samples.get(baseline.name)!) : baseline,
        messages: input.corpus.messages.length,
        cpuCovers: "the server's processes",
      });
    }
  }
  return rows;
}
