/**
 * The command line behind `npm start`: runs every feature with the project's Cucumber
 * configuration and says where the reports are. Exits non-zero when any scenario fails.
 */
import { resolve } from 'node:path';
import { loadConfiguration, runCucumber } from '@cucumber/cucumber/api';
import { runStepsCommand } from './reports/steps/steps-command.ts';
import { writeFaqPage } from './reports/write-faq-page.ts';

const REPORTS = [
  ['reports/faq.html', 'the FAQ question by question, for product owners'],
  ['reports/cucumber.html', 'HTML report for people'],
  ['reports/junit.xml', 'JUnit XML for CI'],
  ['reports/messages.ndjson', 'Cucumber messages for tools'],
] as const;

async function runFeatures(): Promise<boolean> {
  // This process already runs TypeScript through scripts/register-ts.mjs, so the loader named in
  // the configuration file must not be registered a second time.
  const { runConfiguration } = await loadConfiguration({ provided: { loader: [] } });
  const { success } = await runCucumber(runConfiguration);
  return success;
}

async function main(argv: readonly string[]): Promise<number> {
  const command = argv[0] ?? 'run';
  if (command === 'steps') return runStepsCommand(argv.slice(1), process.cwd(), (text) => process.stdout.write(text));
  if (command !== 'run') {
    process.stderr.write(`Unknown command "${command}". Usage: npm start (runs every feature and writes reports/)\n`);
    return 2;
  }
  const success = await runFeatures();
  await writeFaqPage('reports/messages.ndjson', 'reports/faq.html');
  process.stdout.write('\nReports:\n');
  for (const [file, what] of REPORTS) process.stdout.write(`  ${resolve(file)}  (${what})\n`);
  process.stdout.write(success ? '\nAll scenarios passed.\n' : '\nSome scenarios failed: see the reports above.\n');
  return success ? 0 : 1;
}

process.exitCode = await main(process.argv.slice(2));
