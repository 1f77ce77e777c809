import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ScenarioStory } from '../simulation/scenario-story.ts';
import { scenarioAnchor } from './faq-page.ts';
import { STORY_MEDIA_TYPE, emailAnchor } from './faq-page/story-html.ts';
import { FAQ_QUESTIONS } from './faq-questions.ts';
import { writeRunReports } from './run-reports.ts';
import { findChromium, headlessChromium } from './testing/chromium.ts';
import { fakeRun } from './testing/fake-run.ts';

/**
 * The FAQ page in a real browser: built from a small synthetic run (not the project's own run),
 * rendered by headless Chromium. Its script applies the state an address gives (language,
 * filter, an anchor to open), the same state its buttons set. No Chromium is a failure with the
 * way to install it, never a skip.
 */
function htmlEmail(port: number): string {
  return [
    'From: Jan Kowalski <jan@client.test>', 'To: sales@acme.test', 'Subject: Quote', 'MIME-Version: 1.0',
    'Content-Type: multipart/mixed; boundary="b1"', '', '--b1', 'Content-Type: multipart/alternative; boundary="b2"', '',
    '--b2', 'Content-Type: text/plain; charset=utf-8', '', 'Please send a quote for 12 printers.', '',
    '--b2', 'Content-Type: text/html; charset=utf-8', '',
    `<p id="body">Please send a <b>quote</b>.</p><img src="http://127.0.0.1:${port}/pixel.png"><link rel="stylesheet" href="http://127.0.0.1:${port}/style.css">`
      + `<script src="http://127.0.0.1:${port}/tracker.js"></script><script>parent.document.title = 'pwned'; fetch('http://127.0.0.1:${port}/fetch');</script>`,
    '--b2--', '', '--b1', 'Content-Type: application/pdf; name="spec.pdf"', 'Content-Disposition: attachment; filename="spec.pdf"', 'Content-Transfer-Encoding: base64', '',
    Buffer.alloc(300, 7).toString('base64'), '--b1--', '',
  ].join('\r\n');
}

function story(raw: string): ScenarioStory {
  return { version: 1, at: '2026-03-02T10:00:00.000Z', emails: [{ at: '2026-03-02T09:30:00.000Z', from: 'Jan Kowalski <jan@client.test>', to: ['sales@acme.test'], subject: 'Quote', mailbox: 'sales@acme.test', folder: 'INBOX', raw }], intake: [], activities: [], items: [] };
}

/** Q1: one disagrees (with an e-mail), one could not run (a misspelt name), one passes; Q10 passes only on a retry; Q2 has a scenario not run. */
function syntheticRun(raw: string) {
  return fakeRun([
    { uri: 'features/faq/q01.feature', name: 'Q1', tags: ['@Q1'], scenarios: [
      { name: 'Spam in Inbox', tags: ['@problem'], steps: [{ text: 'a', status: 'PASSED' }, { keyword: 'Then', text: 'the lead "Quote" exists', status: 'FAILED', message: 'Expected a lead "Quote"; the CRM has no such lead', errorType: 'NothingFoundFailure' }],
        attachments: [{ mediaType: STORY_MEDIA_TYPE, body: JSON.stringify(story(raw)) }] },
      { name: 'Misspelt employee', steps: [{ keyword: 'Then', text: '"Ana" sees it', status: 'FAILED', message: 'There is no employee named "Ana"', errorType: 'FeatureWordingError' }] },
      { name: 'Manual save', steps: [{ text: 'b', status: 'PASSED' }] },
    ] },
    { uri: 'features/faq/q10.feature', name: 'Q10', tags: ['@Q10'], scenarios: [{ name: 'Repeat lead', steps: [{ text: 'a', status: 'PASSED' }], earlierAttempts: ['FAILED'] }] },
  ]);
}

const SUITE = [
  ...['features/faq/q01.feature:3', 'features/faq/q01.feature:7', 'features/faq/q01.feature:10'].map((place, i) => ({ uri: 'features/faq/q01.feature', name: ['Spam in Inbox', 'Misspelt employee', 'Manual save'][i]!, feature: 'Q1', line: Number(place.split(':')[1]), place, tags: ['@Q1'] })),
  { uri: 'features/faq/q02.feature', name: 'Integration off', feature: 'Q2', line: 3, place: 'features/faq/q02.feature:3', tags: ['@Q2'] },
  { uri: 'features/faq/q10.feature', name: 'Repeat lead', feature: 'Q10', line: 3, place: 'features/faq/q10.feature:3', tags: ['@Q10'] },
];

const VERDICTS: Readonly<Record<string, string>> = { Q1: 'disagrees', Q2: 'not-run', Q10: 'holds' };

describe('the FAQ page in headless Chromium', () => {
  it('shows verdicts, the Partial run banner, filters, anchors, the language switch and an opened e-mail that loads nothing', async () => {
    const binary = findChromium();
    const requests: string[] = [];
    const server = createServer((request, response) => {
      requests.push(request.url ?? '');
      response.end('');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const port = (server.address() as AddressInfo).port;
      const directory = await mkdtemp(join(tmpdir(), 'faq-page-'));
      await writeRunReports(syntheticRun(htmlEmail(port)), { directory, recordHistory: false, suite: SUITE, details: { node: 'v20.19.0', selection: ['--tags', '@Q1 or @Q10'] } });
      const page = pathToFileURL(join(directory, 'faq.html')).href;
      const dump = (name: string, address: string) => headlessChromium(binary, join(directory, `profile-${name}`), ['--virtual-time-budget=3000', '--dump-dom', address]);

      // As it opens: English, every question with its verdict, the banner, every scenario shown.
      const dom = await dump('plain', page);
      expect(dom).toContain('<html lang="en" data-filter="all">');
      expect(dom).toContain('<title>E-mail in the CRM: FAQ status</title>');
      for (const question of FAQ_QUESTIONS) {
        const verdict = VERDICTS[question.id] ?? 'no-scenarios';
        expect(dom, `${question.id} is shown as ${verdict}`).toMatch(new RegExp(`<section class="question ${verdict}" id="${question.id}"`));
      }
      expect(dom).toContain('<strong><span class="en">Partial run</span>');
      expect(dom).toContain('4 of 5 scenarios ran (selection: --tags @Q1 or @Q10)');
      expect(dom).toMatch(/<li class="scenario could-not-run" id="s-[0-9a-f]{10}" data-verdict="could-not-run">/);
      expect(dom).toContain('⚠ flaky: it passed only on a retry');
      expect(dom).not.toMatch(/<li class="scenario[^"]*"[^>]* hidden/);

      // A shared address: Polish, only what disagrees, and the e-mail of that scenario opened.
      const anchor = scenarioAnchor('features/faq/q01.feature › Spam in Inbox');
      const mail = emailAnchor(anchor, 0);
      const shared = await dump('shared', `${page}?lang=pl&filter=disagrees#${mail}`);
      expect(shared).toContain('<html lang="pl" data-filter="disagrees">');
      expect(shared).toContain('<button type="button" data-filter="disagrees" aria-pressed="true">');
      expect(shared).toMatch(new RegExp(`<li class="scenario disagrees" id="${anchor}" data-verdict="disagrees">`));
      expect(shared).toMatch(/<li class="scenario could-not-run" id="s-[0-9a-f]{10}" data-verdict="could-not-run" hidden="">/);
      expect(shared).toMatch(/<section class="question no-scenarios" id="Q0"[^>]*hidden="">/);
      expect(shared).toMatch(new RegExp(`<details class="story" open="">[\\s\\S]*<details class="email" id="${mail}" open="">`));
      expect(shared).toContain('Please send a quote for 12 printers.');
      expect(shared).toContain('spec.pdf <span class="details">(application/pdf, 300 B)</span>');
      // The HTML body is in a sandboxed frame whose own policy forbids every load (without both, the same body fetches).
      expect(shared).toMatch(/<iframe class="html-body" sandbox="" referrerpolicy="no-referrer" title="HTML" srcdoc="[^"]*Content-Security-Policy[^"]*default-src 'none'/);
      // The e-mail's script never ran and nothing was fetched from elsewhere.
      expect(shared).toContain('<title>E-mail in the CRM: FAQ status</title>');
      expect(requests).toEqual([]);

      // Expand all from the address, in English again.
      const expanded = await dump('expanded', `${page}?lang=en&expand=all`);
      expect(expanded.match(/<details class="story" open="">/g)?.length).toBe(4);

      const screenshot = join(directory, 'faq.png');
      await headlessChromium(binary, join(directory, 'profile-png'), ['--hide-scrollbars', '--window-size=1024,2000', '--virtual-time-budget=3000', `--screenshot=${screenshot}`, `${page}?lang=pl#${mail}`]);
      const png = await readFile(screenshot);
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1024, 2000]);
      expect((await stat(screenshot)).size).toBeGreaterThan(20_000);
      expect(requests).toEqual([]);
    } finally {
      server.close();
    }
  }, 180_000);

  it('fails, saying how to install Chromium, when there is none', () => {
    expect(() => findChromium(['/nonexistent/chromium', undefined])).toThrow(/none was found \(looked for \/nonexistent\/chromium\)\. Install it: apt-get install chromium/);
  });
});
