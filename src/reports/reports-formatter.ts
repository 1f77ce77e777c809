import type { Envelope } from '@cucumber/messages';
import { writeRunReports } from './run-reports.ts';
import { codeOrigin, collectRunDetails, type ShardRecord } from './run/run-details.ts';
import { buildRunModel } from './run/run-model.ts';

interface ReportsOptions {
  keepRuns?: number;
  /** Cucumber's arguments as the command line gave them, set by src/cli.ts. */
  selection?: string[];
  /** The shard this run is, set by src/cli.ts for `npm run ci -- --shard i/n`. */
  shard?: ShardRecord;
  suiteName?: string;
}

interface FormatterContext {
  on: (key: 'message', handler: (value: Envelope) => void) => void;
  write: (text: string) => void;
  directory?: string;
  options: ReportsOptions;
  logger: { info: (message: string) => void; warn: (message: string) => void };
}

/**
 * A Cucumber formatter (plugin form), named in cucumber.mjs with summary.md as its output:
 * `'./src/reports/reports-formatter.ts': 'reports/summary.md'`. It keeps the run's messages and,
 * when the run ends, records the history and writes summary.md and, beside it, faq.html,
 * junit.xml, run.json and the files of scenarios that did not pass. It runs in the coordinating
 * process, so it sees every scenario of a parallel run. The terminal's own lines come from
 * terminal-formatter.ts; this one only warns of what is said nowhere else.
 */
export default {
  type: 'formatter' as const,
  optionsKey: 'crmReports',
  formatter({ on, write, directory, options, logger }: FormatterContext) {
    const envelopes: Envelope[] = [];
    on('message', (envelope) => envelopes.push(envelope));
    // git answers while the scenarios run, not after them.
    const origin = codeOrigin(process.cwd());
    return async () => {
      const model = buildRunModel(envelopes);
      const details = await collectRunDetails({
        cwd: process.cwd(),
        origin,
        ...(options.selection && { selection: options.selection }),
        ...(options.shard && { shard: options.shard }),
        ...(model.startedAt && { startedAt: model.startedAt }),
        wallMs: model.durationMs,
      });
      const { summary, notices } = await writeRunReports(envelopes, {
        directory: directory ?? 'reports',
        details,
        ...(options.keepRuns !== undefined && { keepRuns: options.keepRuns }),
        ...(options.suiteName && { suiteName: options.suiteName }),
      });
      write(summary);
      for (const notice of notices) logger.warn(notice);
    };
  },
};
