import { join } from 'node:path';
import type { Envelope } from '@cucumber/messages';
import { writeRunReports } from './run-reports.ts';

interface ReportsOptions {
  keepRuns?: number;
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
 * when the run ends, records the history and writes summary.md and faq.html beside it. It runs
 * in the coordinating process, so it sees every scenario of a parallel run.
 */
export default {
  type: 'formatter' as const,
  optionsKey: 'crmReports',
  formatter({ on, write, directory, options, logger }: FormatterContext) {
    const envelopes: Envelope[] = [];
    on('message', (envelope) => envelopes.push(envelope));
    return async () => {
      const { summary, notices } = await writeRunReports(envelopes, {
        directory: directory ?? 'reports',
        ...(options.keepRuns !== undefined && { keepRuns: options.keepRuns }),
      });
      write(summary);
      for (const notice of notices) logger.warn(notice);
      logger.info(`Run summary: ${join(directory ?? 'reports', 'summary.md')}; FAQ page: ${join(directory ?? 'reports', 'faq.html')}`);
    };
  },
};
