import { relative, resolve } from 'node:path';
import type { Envelope } from '@cucumber/messages';
import { scenarioAnchor } from './faq-page.ts';
import { storyOf } from './faq-page/story-html.ts';
import { attachmentPaths } from './run/attachment-files.ts';
import { failureSentence } from './run/failure-sentence.ts';
import { buildRunModel, type ScenarioResult } from './run/run-model.ts';
import { closestSteps } from './steps/closest-steps.ts';

interface TerminalOptions {
  /** Where the reports go (as in cucumber.mjs). */
  reports?: string;
  /** The rerun file, when the run writes one (the `ci` profile). */
  rerun?: string;
}

interface FormatterContext {
  on: (key: 'message', handler: (value: Envelope) => void) => void;
  write: (text: string) => void;
  options: TerminalOptions;
}

const CHAR: Readonly<Record<string, string>> = { PASSED: '.', FAILED: 'F', UNDEFINED: 'U', PENDING: 'P', AMBIGUOUS: 'A', SKIPPED: '-' };
const SEVERITY = ['PASSED', 'SKIPPED', 'PENDING', 'UNDEFINED', 'AMBIGUOUS', 'FAILED'];

const VERDICT_LINE: Readonly<Record<string, string>> = {
  disagrees: '✘ the product disagrees with the FAQ',
  'could-not-run': '! could not run',
};

/** At most about ten lines for a scenario that did not pass: verdict, sentence, step and place, then closest steps or files. */
export function scenarioBlock(result: ScenarioResult, reports: string, expressions: Parameters<typeof closestSteps>[1]): string[] {
  const lines = [`${VERDICT_LINE[result.verdict] ?? result.verdict}: ${result.name} (${result.uri}:${result.line})`];
  const sentence = failureSentence(result, storyOf(result.attachments));
  if (sentence) lines.push(`  ${sentence.en}`);
  const undefinedStep = result.undefinedSteps[0];
  if (undefinedStep) {
    lines.push(`  Undefined step at ${result.uri}:${undefinedStep.line}: ${undefinedStep.keyword} ${undefinedStep.text}`);
    const closest = closestSteps(undefinedStep.text, expressions).slice(0, 3);
    lines.push('  Closest existing steps:', ...(closest.length ? closest.map((s) => `    ${s.expression}`) : ['    (none)']));
  } else if (result.failure) {
    lines.push(`  at ${result.failure.keyword} ${result.failure.step} (${result.uri}:${result.failure.line || result.line})`);
  }
  const shown = (path: string) => {
    const near = relative(process.cwd(), path);
    return near.startsWith('..') ? resolve(path) : near;
  };
  const files = attachmentPaths(reports, scenarioAnchor(result.id), result).map((f) => shown(f.path));
  if (files.length) lines.push(`  files: ${files.join(', ')}`);
  return lines;
}

/**
 * The terminal's view of a run (cucumber.mjs names it in place of Cucumber's progress
 * formatter): one character per scenario while it runs, then a short block per scenario that did
 * not pass (its attachments are files under the reports folder, named, not printed), the totals
 * by verdict, and one closing line that names the reports.
 */
export default {
  type: 'formatter' as const,
  optionsKey: 'crmTerminal',
  formatter({ on, write, options }: FormatterContext) {
    const envelopes: Envelope[] = [];
    const worst = new Map<string, string>();
    let column = 0;
    on('message', (envelope) => {
      envelopes.push(envelope);
      const step = envelope.testStepFinished;
      if (step) {
        const status = String(step.testStepResult.status);
        const before = worst.get(step.testCaseStartedId) ?? 'PASSED';
        if (SEVERITY.indexOf(status) > SEVERITY.indexOf(before)) worst.set(step.testCaseStartedId, status);
      }
      const finished = envelope.testCaseFinished;
      if (finished && !finished.willBeRetried) {
        write(CHAR[worst.get(finished.testCaseStartedId) ?? 'PASSED'] ?? '?');
        if (++column % 80 === 0) write('\n');
      }
    });
    return async () => {
      const reports = options.reports ?? 'reports';
      const model = buildRunModel(envelopes);
      const out: string[] = [''];
      const notPassing = model.scenarios.filter((s) => s.verdict === 'disagrees' || s.verdict === 'could-not-run');
      for (const result of notPassing) out.push('', ...scenarioBlock(result, reports, model.stepExpressions));
      const n = (v: ScenarioResult['verdict']) => model.scenarios.filter((s) => s.verdict === v).length;
      const count = model.scenarios.length;
      out.push('', `${count} scenario${count === 1 ? '' : 's'}: ${n('agrees')} passed, ${n('disagrees')} disagree with the FAQ, ${n('could-not-run')} could not run (${(model.durationMs / 1000).toFixed(1)} s).`);
      const rerun = options.rerun
        ? notPassing.length ? `; failed scenarios in ${options.rerun} (run them again: npm run ci -- @${options.rerun})` : `; ${options.rerun} is empty: nothing to run again`
        : '';
      out.push(`Reports in ${resolve(reports)}: faq.html (for product owners), summary.md, cucumber.html, junit.xml, messages.ndjson, history.json${rerun}.`);
      write(`${out.join('\n')}\n`);
    };
  },
};
