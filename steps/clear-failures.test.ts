import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseEnvelopes } from '../src/reports/run/envelopes.ts';

const root = join(import.meta.dirname, '..');

// Scenarios with the mistakes a QA engineer makes, and one where the product is not as expected.
const FIXTURE = `Feature: Mistakes in scenarios

  Background:
    Given the employee "Anna Nowak"
    And "Anna Nowak" has connected the mailbox "sales@acme.test" to the CRM

  Scenario: A misspelt employee
    Then "Ana Nowak" sees the e-mail "Hello" in the form of the lead "Hello"

  Scenario: A CRM setting that does not exist
    Given the CRM setting "Enable repeat sale mode" is off

  Scenario: A mailbox setting that does not exist
    When "Anna Nowak" sets "Move spam to the folder" of the mailbox "sales@acme.test" to "INBOX"

  Scenario: A failed check about an e-mail
    Given "Jan Kowalski <jan@client.test>" has sent an e-mail to "sales@acme.test" with the subject "Hello"
    Then the e-mail "Hello" is saved to the CRM and bound to:
      | deal | Hello |

  Scenario: A failed check about an item
    Given "Jan Kowalski <jan@client.test>" has sent an e-mail to "sales@acme.test" with the subject "Hello"
    Then the lead "Hello" has the status "In progress" now

  Scenario: An undefined step
    When "Anna Nowak" presses "Save to CRM" next to the e-mail "Hello"
`;

interface Outcome {
  output: string;
  /** Each scenario's failed step message, by scenario name. */
  errors: Map<string, string>;
  summary: string;
}

/**
 * "Clear failures": a misspelt employee or setting names what exists, a failed check about an item
 * shows its timeline, an undefined step shows the closest existing steps. Runs the real command on
 * a temporary feature, with the reports in a temporary directory.
 */
describe('failures in scenarios say what is wrong', () => {
  let outcome: Outcome;

  beforeAll(async () => {
    const directory = await mkdtemp(join(tmpdir(), 'clear-failures-'));
    const reports = join(directory, 'reports');
    await writeFile(join(directory, 'mistakes.feature'), FIXTURE, 'utf8');
    const output = await promisify(execFile)(process.execPath, ['--import', './scripts/register-ts.mjs', 'src/cli.ts', 'run', join(directory, 'mistakes.feature')], {
      cwd: root,
      env: { ...process.env, REPORTS_DIR: reports },
      maxBuffer: 16 * 1024 * 1024,
    }).then(({ stdout, stderr }) => `${stdout}${stderr}`, (error: { stdout?: string; stderr?: string }) => `${error.stdout ?? ''}${error.stderr ?? ''}`);
    const envelopes = parseEnvelopes(await readFile(join(reports, 'messages.ndjson'), 'utf8'));
    const pickleNames = new Map(envelopes.flatMap((e) => (e.pickle ? [[e.pickle.id, e.pickle.name] as const] : [])));
    const caseToPickle = new Map(envelopes.flatMap((e) => (e.testCase ? [[e.testCase.id, e.testCase.pickleId] as const] : [])));
    const startedToCase = new Map(envelopes.flatMap((e) => (e.testCaseStarted ? [[e.testCaseStarted.id, e.testCaseStarted.testCaseId] as const] : [])));
    const errors = new Map<string, string>();
    for (const e of envelopes) {
      const finished = e.testStepFinished;
      if (finished?.testStepResult.status !== 'FAILED') continue;
      const name = pickleNames.get(caseToPickle.get(startedToCase.get(finished.testCaseStartedId) ?? '') ?? '') ?? '?';
      errors.set(name, finished.testStepResult.message ?? '');
    }
    outcome = { output, errors, summary: await readFile(join(reports, 'summary.md'), 'utf8') };
  }, 120_000);

  it('a misspelt employee names the employees there are', () => {
    expect(outcome.errors.get('A misspelt employee')).toContain('There is no employee named "Ana Nowak". The employees are: "Anna Nowak".');
  });

  it('a CRM setting that does not exist names the settings', () => {
    expect(outcome.errors.get('A CRM setting that does not exist')).toContain('Unknown CRM setting "Enable repeat sale mode". Known settings: "CRM mode", "Enable repeat sales mode"');
  });

  it('a mailbox setting that does not exist names the settings', () => {
    expect(outcome.errors.get('A mailbox setting that does not exist')).toContain('Unknown mailbox setting "Move spam to the folder". Known settings: "Move spam to folder", "Integration with CRM"');
  });

  it('an item that does not exist names the items of its type', () => {
    expect(outcome.errors.get('A failed check about an e-mail')).toContain('Expected a deal "Hello"; the CRM has no such deal');
  });

  it('a failed check about an item ends with its timeline', () => {
    const message = outcome.errors.get('A failed check about an item') ?? '';
    expect(message).toMatch(/'Unassigned'/);
    expect(message).toContain('Timeline of the lead "Hello" (responsible Anna Nowak; status Unassigned, source E-Mail, jan@client.test (WORK)):');
    expect(message).toMatch(/09:00:00 {2}E-mail "Hello", incoming, planned, responsible Anna Nowak\n.*09:00:00 {2}New e-mail "Hello" \(entry by Anna Nowak\)/);
  });

  it('an undefined step shows the closest existing steps, in the output and in the summary', () => {
    expect(outcome.output).toMatch(/Undefined step at .*mistakes\.feature:\d+: When "Anna Nowak" presses "Save to CRM" next to the e-mail "Hello"\n {2}Closest existing steps:\n {4}\{employee\} clicks "Save to CRM" next to the e-mail \{string\}/);
    expect(outcome.summary).toContain('`{employee} clicks "Save to CRM" next to the e-mail {string}`');
  });
});
