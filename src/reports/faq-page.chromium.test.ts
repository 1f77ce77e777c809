import { mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FAQ_QUESTIONS } from './faq-questions.ts';
import { STORY_MEDIA_TYPE } from './faq-page/story-html.ts';
import { writeFaqPage } from './write-faq-page.ts';
import { findChromium, headlessChromium } from './testing/chromium.ts';
import { fakeRun, toNdjson } from './testing/fake-run.ts';

/**
 * The FAQ page in a real browser: built from a small synthetic run (not the project's own run),
 * rendered by headless Chromium, which must show every question with the right verdict. No
 * Chromium is a failure with the way to install it, never a skip.
 */
/** Q1 fails, Q2 passes, Q10 passes only on a retry; the rest have no scenarios. */
function syntheticRun(): string {
  const story = { version: 1, at: '2026-03-02T10:00:00.000Z', emails: [{ at: '2026-03-02T09:30:00.000Z', from: 'jan@client.test', to: ['sales@acme.test'], subject: 'Quote', mailbox: 'sales@acme.test', folder: 'INBOX' }], intake: [], activities: [], items: [] };
  return toNdjson(fakeRun([
    { uri: 'features/faq/q01.feature', name: 'Q1', tags: ['@Q1'], scenarios: [
      { name: 'Spam in Inbox', steps: [{ text: 'a', status: 'PASSED' }], attachments: [{ mediaType: STORY_MEDIA_TYPE, body: JSON.stringify(story) }] },
      { name: 'Manual save', steps: [{ text: 'b', status: 'FAILED', message: 'AssertionError: expected a lead' }] },
    ] },
    { uri: 'features/faq/q02.feature', name: 'Q2', tags: ['@Q2'], scenarios: [{ name: 'Integration on', steps: [{ text: 'a', status: 'PASSED' }] }] },
    { uri: 'features/faq/q10.feature', name: 'Q10', tags: ['@Q10'], scenarios: [{ name: 'Repeat lead', steps: [{ text: 'a', status: 'PASSED' }], earlierAttempts: ['FAILED'] }] },
  ]));
}

const EXPECTED: Readonly<Record<string, string>> = { Q1: 'failing', Q2: 'passing', Q10: 'passing' };

describe('the FAQ page in headless Chromium', () => {
  it('renders and shows every question with the right verdict', async () => {
    const binary = findChromium();
    const directory = await mkdtemp(join(tmpdir(), 'faq-page-'));
    await writeFile(join(directory, 'messages.ndjson'), syntheticRun(), 'utf8');
    const page = join(directory, 'faq.html');
    await writeFaqPage(join(directory, 'messages.ndjson'), page, new Date('2026-03-02T12:00:00Z'));
    const url = pathToFileURL(page).href;

    const dom = await headlessChromium(binary, join(directory, 'profile-dom'), ['--dump-dom', url]);
    expect(dom).toContain('E-mail in the CRM: does the product do what the FAQ says?');
    for (const question of FAQ_QUESTIONS) {
      const verdict = EXPECTED[question.id] ?? 'not-specified';
      const section = new RegExp(`<section class="question ${verdict}" id="${question.id}"[^>]*>([\\s\\S]*?)</section>`).exec(dom);
      expect(section, `${question.id} is shown as ${verdict}`).not.toBeNull();
      expect(section![1]).toContain(question.polish);
      expect(section![1]).toContain(`<p class="verdict ${verdict}">`);
    }
    expect(dom).toContain('✘ The answer does not hold: some scenarios fail (1 of 2 pass)');
    expect(dom).toContain('⚠ flaky: it passed only on a retry');
    expect(dom).toContain('<summary>What happened: 1 e-mail, 0 activities, 0 items</summary>');

    const screenshot = join(directory, 'faq.png');
    await headlessChromium(binary, join(directory, 'profile-png'), ['--hide-scrollbars', '--window-size=1024,2000', `--screenshot=${screenshot}`, url]);
    const png = await readFile(screenshot);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1024, 2000]);
    expect((await stat(screenshot)).size).toBeGreaterThan(20_000);
  }, 120_000);

  it('fails, saying how to install Chromium, when there is none', () => {
    expect(() => findChromium(['/nonexistent/chromium', undefined])).toThrow(/none was found \(looked for \/nonexistent\/chromium\)\. Install it: apt-get install chromium/);
  });
});
