// Cucumber configuration shared by `npm test` (features part) and `npm start`.
// Every run writes the three reports; `strict` makes undefined or pending steps fail the run.
export default {
  paths: ['features/**/*.feature'],
  import: ['steps/**/*.ts'],
  // Registered with module.register(), so Node prints no loader warning.
  loader: ['ts-node/esm'],
  format: [
    'progress',
    'summary',
    'html:reports/cucumber.html',
    'junit:reports/junit.xml',
    'message:reports/messages.ndjson',
  ],
  formatOptions: {
    junit: { suiteName: 'CRM e-mail FAQ' },
  },
  strict: true,
};
