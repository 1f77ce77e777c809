/**
 * The IMAP servers of the fetch comparison, all holding the same corpus, each in a process of its
 * own: ours and hoodiecrow in child Node processes, Dovecot when installed. A Dovecot that is
 * missing, fails to start or cannot open the mailbox becomes a row saying so; the others must start.
 */
import type { Unavailable } from '../comparison.ts';
import type { Corpus } from '../corpus.ts';
import { openInbox } from '../imap-fetch.ts';
import { InterruptedError, Resources } from '../resources.ts';
import { startInChildProcess } from './child-process-server.ts';
import { DOVECOT_MISSING, findDovecot, startDovecot } from './dovecot.ts';
import type { ImapTarget } from './imap-target.ts';

export interface ImapServers {
  readonly ours: ImapTarget;
  readonly baselines: ReadonlyArray<ImapTarget | Unavailable>;
}

/** `corpus` must be buildCorpus({ count, seed }) of the same count and seed: the children rebuild it. */
export async function startImapServers(corpus: Corpus, seed: number, resources: Resources, progress: (text: string) => void): Promise<ImapServers> {
  const spec = { count: corpus.messages.length, seed, totalBytes: corpus.totalBytes };
  const ours = await startInChildProcess('ours', spec, resources);
  const baselines: Array<ImapTarget | Unavailable> = [await startInChildProcess('hoodiecrow', spec, resources)];
  const dovecot = await findDovecot();
  if (!dovecot) {
    progress(`Dovecot: ${DOVECOT_MISSING}`);
    baselines.push({ name: 'Dovecot', unavailable: DOVECOT_MISSING });
    return { ours, baselines };
  }
  try {
    const target = await startDovecot(dovecot, corpus, resources);
    // A Dovecot without its IMAP part (dovecot-core alone) starts but cannot serve a login.
    const probe = new Resources();
    try {
      await openInbox(target, probe);
    } finally {
      await probe.release();
    }
    baselines.push(target);
  } catch (error) {
    if (error instanceof InterruptedError) throw error;
    const reason = `failed to start: ${error instanceof Error ? error.message.split('\n').slice(0, 3).join(' ') : String(error)}`;
    progress(`Dovecot ${dovecot.version}: ${reason}`);
    baselines.push({ name: `Dovecot ${dovecot.version}`, unavailable: reason });
  }
  return { ours, baselines };
}
