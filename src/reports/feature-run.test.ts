import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseEnvelopes } from './run/envelopes.ts';

const root = join(import.meta.dirname, '..', '..');

// A passing scenario, a wrong expectation (the product disagrees), a misspelt employee and a
// misspelt step (both: the scenario could not run).
const FIXTURE = `@Q1
Feature: Reporting fixture

  Scenario: An e-mail is saved
    Given the employee "Anna Nowak"
    And "Anna Nowak" has connected the mailbox "sales@acme.test" to the CRM
    When "Jan Kowalski <jan@client.test>" sends an e-mail to "sales@acme.test" with the subject "Zapytanie o ofertę"
    And the CRM synchronises the mailbox "sales@acme.test"
    Then the e-mail "Zapytanie o ofertę" is saved to the CRM once

  @problem
  Scenario: A wrong expectation
    Given the employee "Anna Nowak"
    And "Anna Nowak" has connected the mailbox "sales@acme.test" to the CRM
    And "Anna Nowak" sets "Move spam to folder" of the mailbox "sales@acme.test" to "INBOX"
    When "Jan Kowalski <jan@client.test>" sends an e-mail to "sales@acme.test" with the subject "Request for a quote"
    And the CRM synchronises the mailbox "sales@acme.test"
    Then the lead "Request for a quote" has the status "In progress" now

  Scenario: A misspelt employee
    Given the employee "Anna Nowak"
    Then "Ana Nowak" sees the e-mail "Hello" in the form of the lead "Hello"

  Scenario: A step with a typo
    Given the employee "Anna Nowak"
    And "Anna Nowak" connected the mailbox "sales@acme.test" to the CRM
`;

interface Run { code: number | undefined; stdout: string; stderr: string; reports: string }

async function run(directory: string, name: string, target: string): Promise<Run> {
  const reports = join(directory, name);
  return promisify(execFile)(process.execPath, ['--import', './scripts/register-ts.mjs', 'src/cli.ts', 'run', target], {
    cwd: root,
    env: { ...process.env, REPORTS_DIR: reports },
    maxBuffer: 16 * 1024 * 1024,
  }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr, reports }),
    (error: { code?: number; stdout?: string; stderr?: string }) => ({ code: error.code, stdout: error.stdout ?? '', stderr: error.stderr ?? '', reports }),
  );
}

/**
 * The whole chain, as `npm start` runs it: real scenarios on the project's steps and simulation,
 * then the reports. The feature and the reports live in a temporary directory (REPORTS_DIR), so
 * the project's own reports and history are left alone.
 */
describe('a feature run with a typo, an undefined step, a wrong expectation and a passing scenario', () => {
  let full: Run;
  let oneLine: Run;
  let feature: string;

  beforeAll(async () => {
    const directory = await mkdtemp(join(tmpdir(), 'feature-run-'));
    feature = join(directory, 'fixture.feature');
    await writeFile(feature, FIXTURE, 'utf8');
    full = await run(directory, 'reports', feature);
    oneLine = await run(directory, 'one-line', `${feature}:4`);
  }, 120_000);

  it('prints a short block per scenario that did not pass, then one line naming the reports', () => {
    expect(full.code, full.stdout + full.stderr).toBe(1);
    const blocks = full.stdout.split('\n\n').filter((b) => /^(✘|!) /.test(b));
    expect(blocks.map((b) => b.split('\n')[0])).toEqual([
      expect.stringMatching(/^✘ the product disagrees with the FAQ: A wrong expectation \(.*fixture\.feature:12\)$/),
      expect.stringMatching(/^! could not run: A misspelt employee \(.*fixture\.feature:20\)$/),
      expect.stringMatching(/^! could not run: A step with a typo \(.*fixture\.feature:24\)$/),
    ]);
    for (const block of blocks) expect(block.split('\n').length).toBeLessThanOrEqual(10);
    expect(blocks[0]).toContain('Expected a lead "Request for a quote"; the CRM has no such lead: the message is in the folder chosen in "Move spam to folder", so it is not saved automatically (R1.2, R1.3).');
    expect(blocks[0]).toMatch(/files: .*scenarios\/s-[0-9a-f]{10}\/mail-traffic\.txt, .*mail-transcripts\.txt, .*crm-state\.txt/);
    expect(blocks[2]).toMatch(/Undefined step at .*fixture\.feature:26: And "Anna Nowak" connected the mailbox "sales@acme\.test" to the CRM\n {2}Closest existing steps:\n {4}\{employee\} has connected the mailbox \{mailbox\} to the CRM/);
    // The attachments are files, not printed; nothing is said twice.
    expect(full.stdout).not.toContain('IMAP#1 C:');
    expect(full.stdout).not.toContain('Implement with the following snippet');
    expect(full.stdout.match(/Closest existing steps/g)).toHaveLength(1);
    expect(full.stdout.trimEnd().split('\n').at(-1)).toBe(`Reports in ${full.reports}: faq.html (for product owners), summary.md, cucumber.html, junit.xml, messages.ndjson, history.json.`);
    expect(full.stdout).toContain('4 scenarios: 1 passed, 1 disagree with the FAQ, 2 could not run');
    expect(full.stderr).not.toContain('Closest existing steps');
    expect(full.stderr).not.toContain('faq.html');
  });

  it('writes the attachments of what did not pass as files under the reports folder', async () => {
    const path = /files: (\S+mail-traffic\.txt)/.exec(full.stdout)![1]!;
    expect(await readFile(join(root, path), 'utf8').catch(() => readFile(path, 'utf8'))).toContain('IMAP#1 C:');
  });

  it('gives three verdicts in summary.md, the FAQ page and JUnit XML', async () => {
    const summary = await readFile(join(full.reports, 'summary.md'), 'utf8');
    expect(summary).toMatch(/^# CRM e-mail FAQ: ❌ the product disagrees with the FAQ in 1 scenario/);
    expect(summary).toContain('| **Q1** Why e-mails are not saved to the CRM automatically | ❌ the product disagrees | 1 of ');
    const page = await readFile(join(full.reports, 'faq.html'), 'utf8');
    expect(page).toContain('<section class="question disagrees" id="Q1"');
    expect(page).toMatch(/<li class="scenario could-not-run" id="s-[0-9a-f]{10}" data-verdict="could-not-run"><span class="badge">[^]*?<span class="name">A misspelt employee<\/span>/);
    expect(page).toContain('<td>Jan Kowalski &lt;jan@client.test&gt;</td><td>sales@acme.test</td><td>Zapytanie o ofertę</td><td>sales@acme.test / INBOX</td>');
    expect(page).toContain('<li class="step passed"><span class="kw">And</span> &quot;Anna Nowak&quot; sets &quot;Move spam to folder&quot; of the mailbox &quot;sales@acme.test&quot; to &quot;INBOX&quot;');
    expect(page).toContain('<span class="origin created"><span class="en">created in this scenario</span>');
    expect(page).toContain('<span class="en">Read the e-mail</span>');
    expect(page).not.toContain(root);
    const junit = await readFile(join(full.reports, 'junit.xml'), 'utf8');
    expect(junit).toMatch(/<testcase classname="Reporting fixture" name="A wrong expectation" file="[^"]*fixture\.feature" line="12" time="[\d.]+"><failure type="NothingFoundFailure"/);
    expect(junit).toMatch(/name="A misspelt employee" file="[^"]*fixture\.feature" line="20" time="[\d.]+"><error type="feature-wording"/);
    expect(junit).toMatch(/name="A step with a typo"[^>]*><error type="undefined-step"/);

    const history = JSON.parse(await readFile(join(full.reports, 'history.json'), 'utf8'));
    expect(Object.values(history.runs[0].scenarios).map((s) => (s as { verdict: string }).verdict)).toEqual(['agrees', 'disagrees', 'could-not-run', 'could-not-run']);
    const attachments = parseEnvelopes(await readFile(join(full.reports, 'messages.ndjson'), 'utf8')).flatMap((e) => (e.attachment ? [e.attachment] : []));
    expect(attachments.filter((a) => a.mediaType === 'application/vnd.crm-email.story+json')).toHaveLength(4);
  });

  it('a one-line run says it is partial and claims no verdict for the question', async () => {
    expect(oneLine.code, oneLine.stdout + oneLine.stderr).toBe(0);
    const summary = await readFile(join(oneLine.reports, 'summary.md'), 'utf8');
    expect(summary).toContain(`> **Partial run**: 1 of `);
    expect(summary).toContain(`(selection: ${feature}:4)`);
    expect(summary).not.toContain('| **Q1** Why e-mails are not saved to the CRM automatically | ✅ holds');
    const page = await readFile(join(oneLine.reports, 'faq.html'), 'utf8');
    expect(page).toContain('<strong><span class="en">Partial run</span>');
    expect(page).toContain('<section class="question incomplete" id="Q1"');
    expect(JSON.parse(await readFile(join(oneLine.reports, 'run.json'), 'utf8')).selection).toEqual([`${feature}:4`]);
  });
});
