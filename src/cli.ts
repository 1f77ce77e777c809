/**
 * The command line behind `npm start`, `npm run ci` and `npm run steps`:
 *
 *   run [cucumber options]                 every feature (or those named), then where the reports are
 *   ci [--shard i/n] [cucumber options]    the `ci` profile of cucumber.mjs: parallel workers, JUnit,
 *                                          a rerun file, and the job summary on GitHub Actions
 *   steps [--write | --check [features]]   the step catalogue (features/STEPS.md); --check names undefined
 *                                          and ambiguous steps
 *   report <messages.ndjson>...            every report again from messages files, e.g. those of
 *                                          every shard of a CI run (each with its run.json beside
 *                                          it); adds no history; exits 1 when a shard is missing,
 *                                          repeated or unfinished, still writing the reports
 *
 * Exits non-zero when any scenario does not pass. The run's own lines (a short block per scenario
 * that did not pass, one line naming the reports) come from src/reports/terminal-formatter.ts.
 */
import { join, resolve } from 'node:path';

// Each command loads only what it needs, so `npm run steps -- --check` does not pay for the
// report writers and the feature runner.
const reportCommands = () => Promise.all([import('./reports/cli/shard.ts'), import('./reports/cli/merge-reports.ts'), import('./reports/cli/run-features.ts')]);

/** As in cucumber.mjs: reports/ unless REPORTS_DIR names another directory. */
const DIR = process.env.REPORTS_DIR ?? 'reports';

const USAGE = 'Usage: npm start [-- cucumber options] | npm run report -- <messages.ndjson>... | npm run ci [-- --shard i/n] | npm run steps [-- --write | --check [feature files]]\n';
const out = (text: string) => process.stdout.write(text);

async function main(argv: readonly string[]): Promise<number> {
  const [command = 'run', ...args] = argv;
  if (command === 'steps') return (await import('./reports/steps/steps-command.ts')).runStepsCommand(args, process.cwd(), out);
  const [{ takeShard }, { mergeReports }, { publishJobSummary, runFeatures }] = await reportCommands();
  if (command === 'report') {
    const { summaryFile, scenarios, suite, problems } = await mergeReports(args, DIR);
    for (const problem of problems) process.stderr.write(`${problem}\n`);
    if (await publishJobSummary(summaryFile)) out('The summary was added to the GitHub Actions job summary.\n');
    out(`${scenarios} of ${suite} scenario${suite === 1 ? '' : 's'} from ${args.length} messages file${args.length === 1 ? '' : 's'}${problems.length || scenarios < suite ? ' (a partial run)' : ''}. `
      + `Reports in ${resolve(DIR)}: faq.html, summary.md, junit.xml, cucumber.html, messages.ndjson.\n`);
    return problems.length ? 1 : 0;
  }
  if (command !== 'run' && command !== 'ci') {
    process.stderr.write(`Unknown command "${command}". ${USAGE}`);
    return 2;
  }
  const { shard, rest } = command === 'ci' ? takeShard(args) : { rest: [...args] };
  const success = await runFeatures({ ...(command === 'ci' && { profiles: ['ci'] }), cucumberArgs: rest, ...(shard && { shard }), out });
  if (command === 'ci' && (await publishJobSummary(join(DIR, 'summary.md')))) out('The summary was added to the GitHub Actions job summary.\n');
  return success ? 0 : 1;
}

process.exitCode = await main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  return 2;
});
