import { availableParallelism } from 'node:os';

// Cucumber configuration shared by `npm test` (features part) and `npm start`.
// Every run writes the reports (Cucumber's HTML and messages, and the project's summary, FAQ page, JUnit XML, run details and history); `strict` makes undefined or pending steps fail the run.
// Where the reports go: reports/ unless REPORTS_DIR names another directory (a test's temporary one).
const reports = process.env.REPORTS_DIR ?? 'reports';

const base = {
  // No `paths`: Cucumber's default is features/**/*.feature, and a path given on the command
  // line (npm run test:features -- features/faq/q01-….feature) then replaces it instead of adding to it.
  // Step files and their support code; unit tests of the support code (*.test.ts) belong to vitest.
  // The first file loads TypeScript (scripts/register-ts.mjs) in a process that does not yet, such as a parallel
  // worker or a plain `npx cucumber-js`; the npm scripts load it already (--import).
  import: ['scripts/register-ts.mjs', 'steps/**/!(*.test).ts'],
  format: [
    // The terminal: a character per scenario, a short block per scenario that did not pass, where the reports are.
    './src/reports/terminal-formatter.ts',
    `html:${reports}/cucumber.html`,
    `message:${reports}/messages.ndjson`,
    // This project's reports: summary.md (its output), and beside it faq.html, junit.xml, run.json and history.json.
    ['./src/reports/reports-formatter.ts', `${reports}/summary.md`],
  ],
  formatOptions: {
    crmReports: { suiteName: 'CRM e-mail FAQ' },
    crmTerminal: { reports },
  },
  strict: true,
};

export default base;

// `npm run ci`: the same run on CI machines. Scenarios run in parallel worker processes (each
// scenario already has its own mail server on ports the system picks); failed scenarios are
// listed in reports/@rerun.txt, to run again with `npm run ci -- @reports/@rerun.txt`.
// `npm run ci -- --shard 2/3` runs one part of the scenarios (src/reports/cli/shard.ts).
export const ci = {
  ...base,
  format: [...base.format, `rerun:${reports}/@rerun.txt`],
  formatOptions: { ...base.formatOptions, crmTerminal: { reports, rerun: `${reports}/@rerun.txt` } },
  parallel: Math.max(2, availableParallelism()),
};
