// Cucumber configuration shared by `npm test` (features part) and `npm start`.
// Every run writes the reports (Cucumber's three, and the project's summary, history and FAQ page); `strict` makes undefined or pending steps fail the run.
export default {
  // No `paths`: Cucumber's default is features/**/*.feature, and a path given on the command
  // line (npm run test:features -- features/faq/q01-….feature) then replaces it instead of adding to it.
  // Step files and their support code; unit tests of the support code (*.test.ts) belong to vitest.
  import: ['steps/**/!(*.test).ts'],
  // Registered with module.register(), so Node prints no loader warning.
  loader: ['ts-node/esm'],
  format: [
    'progress',
    'html:reports/cucumber.html',
    'junit:reports/junit.xml',
    'message:reports/messages.ndjson',
    // This project's reports: summary.md (its output), and beside it history.json and faq.html.
    ['./src/reports/reports-formatter.ts', 'reports/summary.md'],
  ],
  formatOptions: {
    junit: { suiteName: 'CRM e-mail FAQ' },
  },
  strict: true,
};
