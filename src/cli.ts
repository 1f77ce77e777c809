/**
 * The command line behind `npm start`, `npm run ci` and `npm run steps`:
 *
 *   run [cucumber options]                 every feature (or those named), then where the reports are
 *   ci [--shard i/n] [cucumber options]    the `ci` profile of cucumber.mjs: parallel workers, JUnit,
 *                                          a rerun file, and the job summary on GitHub Actions
 *   steps [--write | --check [features]]   the step catalogue (features/STEPS.md); --check names undefined
 *                                          and ambiguous steps
 *   report <messages.ndjson>...            summary.md and faq.html again from messages files, e.g.
 *                                          those of every shard of a CI run; adds no history
 *
 * Exits non-zero when any scenario fails.
 */
import { join, resolve } from 'node:path';

// Each command loads only what it needs, so `npm run steps -- --check` does not pay for the
// report writers and the feature runner.
const reportCommands = () => Promise.all([import('./reports/cli/shard.ts'), import('./reports/cli/merge-reports.ts'), import('./reports/cli/run-features.ts')]);

/** As in cucumber.mjs: reports/ unless REPORTS_DIR names another directory. */
const DIR = process.env.REPORTS_DIR ?? 'reports';

const REPORTS = [
  ['summary.md', 'the run in short, for a CI job summary'],
  ['faq.html', 'the FAQ question by question, for product owners'],
  ['cucumber.html', 'every feature, scenario and step'],
  ['junit.xml', 'JUnit XML for CI'],
  ['messages.ndjson', 'Cucumber messages for tools'],
  ['history.json', 'the last runs, for flaky scenarios'],
] as const;

const USAGE = 'Usage: npm start [-- cucumber options] | npm run report -- <messages.ndjson>... | npm run ci [-- --shard i/n] | npm run steps [-- --write | --check [feature files]]\n';
const out = (text: string) => process.stdout.write(text);

async function main(argv: readonly string[]): Promise<number> {
  const [command = 'run', ...args] = argv;
  if (command === 'steps') return (await import('./reports/steps/steps-command.ts')).runStepsCommand(args, process.cwd(), out);
  const [{ takeShard }, { mergeReports }, { publishJobSummary, runFeatures }] = await reportCommands();
  if (command === 'report') {
    const { summaryFile, scenarios } = await mergeReports(args, DIR);
    out(`${scenarios} scenarios from ${args.length} messages file(s):\n  ${resolve(summaryFile)}\n  ${resolve(DIR, 'faq.html')}\n`);
    if (await publishJobSummary(summaryFile)) out('The summary was added to the GitHub Actions job summary.\n');
    return 0;
  }
  if (command !== 'run' && command !== 'ci') {
    process.stderr.write(`Unknown command "${command}". ${USAGE}`);
    return 2;
  }
  const { shard, rest } = command === 'ci' ? takeShard(args) : { rest: [...args] };
  const success = await runFeatures({ ...(command === 'ci' && { profiles: ['ci'] }), cucumberArgs: rest, ...(shard && { shard }), out });
  out('\nReports:\n');
  for (const [file, what] of REPORTS) out(`  ${resolve(DIR, file)}  (${what})\n`);
  if (command === 'ci') {
    out(`  ${resolve(DIR, '@rerun.txt')}  (failed scenarios; run them again with: npm run ci -- @${join(DIR, '@rerun.txt')})\n`);
    if (await publishJobSummary(join(DIR, 'summary.md'))) out('The summary was added to the GitHub Actions job summary.\n');
  }
  out(success ? '\nAll scenarios passed.\n' : '\nSome scenarios failed: see the reports above.\n');
  return success ? 0 : 1;
}

process.exitCode = await main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  return 2;
});
