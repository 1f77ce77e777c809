import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parseEnvelopes } from './run/envelopes.ts';

const root = join(import.meta.dirname, '..', '..');

const FIXTURE = `@Q1
Feature: Reporting fixture

  Scenario: An e-mail is saved
    Given the employee "Anna Nowak"
    And "Anna Nowak" has connected the mailbox "sales@acme.test" to the CRM
    When "Jan Kowalski <jan@client.test>" sends an e-mail to "sales@acme.test" with the subject "Zapytanie o ofertę"
    And the CRM synchronises the mailbox "sales@acme.test"
    Then the e-mail "Zapytanie o ofertę" is saved to the CRM once

  Scenario: A wrong expectation
    Given the employee "Anna Nowak"
    And "Anna Nowak" has connected the mailbox "sales@acme.test" to the CRM
    Then the CRM has 3 leads

  Scenario: A step with a typo
    Given the employee "Anna Nowak"
    And "Anna Nowak" connected the mailbox "sales@acme.test" to the CRM
`;

/**
 * The whole chain, as `npm start` runs it: real scenarios on the project's steps and simulation,
 * then the reports. The feature and the reports live in a temporary directory (REPORTS_DIR), so
 * the project's own reports and history are left alone.
 */
describe('a feature run writes every report', () => {
  it('with the summary, the FAQ page with stories, the history, and failure attachments', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'feature-run-'));
    const reports = join(directory, 'reports');
    await writeFile(join(directory, 'fixture.feature'), FIXTURE, 'utf8');
    const run = await promisify(execFile)(process.execPath, ['--import', './scripts/register-ts.mjs', 'src/cli.ts', 'run', join(directory, 'fixture.feature')], {
      cwd: root,
      env: { ...process.env, REPORTS_DIR: reports },
      maxBuffer: 16 * 1024 * 1024,
    }).then(() => ({ code: 0, output: '' }), (error: { code?: number; stdout?: string; stderr?: string }) => ({ code: error.code, output: `${error.stdout}${error.stderr}` }));

    expect(run.code, run.output).toBe(1);
    expect(run.output).toContain(`${join(reports, 'summary.md')}  (the run in short, for a CI job summary)`);
    expect(run.output).toMatch(/Undefined step at .*fixture\.feature:18: And "Anna Nowak" connected the mailbox "sales@acme\.test" to the CRM\n {2}Closest existing steps:\n {4}\{employee\} has connected the mailbox \{mailbox\} to the CRM/);

    const summary = await readFile(join(reports, 'summary.md'), 'utf8');
    expect(summary).toContain('| **Q1** Why e-mails are not saved to the CRM automatically | ❌ does not hold | 1 passed, 1 failed, 1 undefined |');
    expect(summary).toMatch(/- \*\*A wrong expectation\*\* \(`.*fixture\.feature:11`\): ❌ failed at `the CRM has 3 leads` \(`.*fixture\.feature:14`\): AssertionError/);
    expect(summary).toContain('  - `{employee} has connected the mailbox {mailbox} to the CRM`');

    const page = await readFile(join(reports, 'faq.html'), 'utf8');
    expect(page).toContain('<section class="question failing" id="Q1"');
    expect(page).toContain('<td>Jan Kowalski &lt;jan@client.test&gt;</td><td>sales@acme.test</td><td>Zapytanie o ofertę</td><td>sales@acme.test / INBOX</td>');
    expect(page).toContain('New e-mail &quot;Zapytanie o ofertę&quot; (entry by Anna Nowak)');

    const history = JSON.parse(await readFile(join(reports, 'history.json'), 'utf8'));
    expect(history.runs).toHaveLength(1);
    expect(Object.values(history.runs[0].scenarios).map((s) => (s as { status: string }).status)).toEqual(['passed', 'failed', 'undefined']);

    const attachments = parseEnvelopes(await readFile(join(reports, 'messages.ndjson'), 'utf8')).flatMap((e) => (e.attachment ? [e.attachment] : []));
    expect(attachments.filter((a) => a.mediaType === 'application/vnd.crm-email.story+json')).toHaveLength(3);
    const crmState = attachments.find((a) => a.fileName === 'crm-state.txt');
    expect(crmState?.body).toContain('E-mails on the mail server:');
    expect(attachments.find((a) => a.fileName === 'mail-traffic.txt')?.body).toContain('IMAP#1 C:');
  }, 90_000);
});
