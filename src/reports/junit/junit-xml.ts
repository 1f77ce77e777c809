import type { ScenarioResult } from '../run/run-model.ts';
import { plainMessage, projectRelative } from '../run/failure-sentence.ts';

/**
 * JUnit XML for CI dashboards, from the run's results (one run, or every shard read together).
 * JUnit's own three outcomes carry the verdicts: a <failure> is the product disagreeing with the
 * FAQ, an <error> a scenario that could not run, <skipped> one not run. Each test case names its
 * feature file (`file`, which GitLab links) and line; outline rows carry their example values.
 */
const xml = (text: string) => text
  // Characters XML 1.0 does not allow are dropped.
  // eslint-disable-next-line no-control-regex
  .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '')
  .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const cdata = (text: string) => `<![CDATA[${text.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;

export function renderJunitXml(results: readonly ScenarioResult[], options: { suiteName?: string; timestamp?: Date; root?: string } = {}): string {
  const seconds = (ms: number) => (ms / 1000).toFixed(3);
  const count = (v: ScenarioResult['verdict']) => results.filter((r) => r.verdict === v).length;
  const time = results.reduce((n, r) => n + r.durationMs, 0);
  const names = new Map<string, number>();
  const cases = results.map((r) => {
    const rowValues = r.id.split(' › ').slice(2).join(' › ');
    let name = rowValues ? `${r.name} (${rowValues})` : r.name;
    const seen = names.get(`${r.feature}\n${name}`) ?? 0;
    names.set(`${r.feature}\n${name}`, seen + 1);
    if (seen) name = `${name} [${r.uri}:${r.line}]`;
    const steps = r.steps.map((s) => `${s.keyword} ${s.text} ... ${s.status}`).join('\n');
    const message = r.failure ? plainMessage(r.failure.message) : r.cause ?? '';
    const detail = r.failure ? projectRelative(r.failure.message, options.root) : '';
    const outcome = r.verdict === 'disagrees'
      ? `<failure type="${xml(r.failure?.errorType ?? 'failed')}" message="${xml(message)}">${cdata(detail)}</failure>`
      : r.verdict === 'could-not-run'
        ? `<error type="${xml(r.cause ?? 'could-not-run')}" message="${xml(message || `could not run: ${r.cause}`)}">${cdata(detail)}</error>`
        : r.verdict === 'not-run' ? '<skipped message="not run: outside this run\'s selection"/>' : '';
    return `  <testcase classname="${xml(r.feature)}" name="${xml(name)}" file="${xml(r.uri)}" line="${r.line}" time="${seconds(r.durationMs)}">`
      + `${outcome}${steps ? `<system-out>${cdata(steps)}</system-out>` : ''}</testcase>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n`
    + `<testsuite name="${xml(options.suiteName ?? 'CRM e-mail FAQ')}" tests="${results.length}" failures="${count('disagrees')}" errors="${count('could-not-run')}" skipped="${count('not-run')}" time="${seconds(time)}"${options.timestamp ? ` timestamp="${options.timestamp.toISOString().slice(0, 19)}"` : ''}>\n`
    + `${cases.join('\n')}\n</testsuite>\n`;
}
