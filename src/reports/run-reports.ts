import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Envelope } from '@cucumber/messages';
import { readableMessage, type ReadableMessage } from './email/readable-message.ts';
import { renderFaqPage, scenarioAnchor } from './faq-page.ts';
import { emailAnchor, storyOf } from './faq-page/story-html.ts';
import { readFeatureFilesKept } from './features/kept-feature-files.ts';
import { rulesOf } from './features/rule-catalogue.ts';
import { recordRun } from './history/history-file.ts';
import { FLAKY_WINDOW, KEEP_RUNS, flakyScenarios, historyRunOf, isRealRun, type History } from './history/run-history.ts';
import { renderJunitXml } from './junit/junit-xml.ts';
import { attachmentPaths } from './run/attachment-files.ts';
import { coverageOf, suiteOf, type SuiteScenario } from './run/coverage.ts';
import type { RunDetails } from './run/run-details.ts';
import { buildRunModel, type RunModel, type ScenarioResult } from './run/run-model.ts';
import { renderRunSummary } from './summary/run-summary.ts';

export interface RunReportOptions {
  /** Where the reports go (summary.md is also returned, for the caller's stream). */
  readonly directory: string;
  readonly keepRuns?: number;
  readonly cwd?: string;
  readonly now?: Date;
  /** Reading a finished run again (e.g. from messages.ndjson) must not count it twice. */
  readonly recordHistory?: boolean;
  /** The run's details (commit, branch, selection, shard, CI build); run.json keeps them for `npm run report`. */
  readonly details?: RunDetails;
  /** Every scenario of the project; by default read from the features folder of cwd. */
  readonly suite?: readonly SuiteScenario[];
  /** What is wrong with a set of shards read together. */
  readonly problems?: readonly string[];
  /** For shards read together: the slowest one's wall time (the model's time is every shard's added up). */
  readonly wallMs?: number;
  readonly machineMs?: number;
  readonly suiteName?: string;
}

export interface RunReports {
  readonly summary: string;
  /** Lines for the terminal's standard error: a damaged history set aside, flaky scenarios. */
  readonly notices: readonly string[];
  /** Every scenario of the suite: those of the run, then those it did not run. */
  readonly results: readonly ScenarioResult[];
  readonly model: RunModel;
  readonly partial: boolean;
}

/** The suite from the project's feature files; none when there is no features folder. */
export function projectSuite(cwd: string): SuiteScenario[] {
  return existsSync(join(cwd, 'features')) ? suiteOf(readFeatureFilesKept(cwd, 'features')) : [];
}

async function readableEmails(results: readonly ScenarioResult[]): Promise<Map<string, ReadableMessage>> {
  const emails = new Map<string, ReadableMessage>();
  for (const result of results) {
    const story = storyOf(result.attachments);
    const anchor = scenarioAnchor(result.id);
    for (const [i, email] of (story?.emails ?? []).entries()) {
      const raw = email.raw ?? (email.rawBase64 !== undefined ? Buffer.from(email.rawBase64, 'base64') : undefined);
      if (raw === undefined) continue;
      emails.set(emailAnchor(anchor, i), await readableMessage(raw).catch(() => ({ headers: [], subject: email.subject, attachments: [], raw: String(raw), rawTruncated: false })));
    }
  }
  return emails;
}

/**
 * Everything this project reports beyond Cucumber's messages and HTML, from one run's messages
 * (or every shard's): the run goes into the history, then summary.md, faq.html, junit.xml,
 * run.json, and the attachments of scenarios that did not pass as files under scenarios/.
 */
export async function writeRunReports(envelopes: readonly Envelope[], options: RunReportOptions): Promise<RunReports> {
  const cwd = options.cwd ?? process.cwd();
  const model = buildRunModel(envelopes);
  const now = options.now ?? model.startedAt ?? new Date();
  const details = options.details;
  const coverage = coverageOf(model.scenarios, options.suite ?? projectSuite(cwd));
  const results = [...model.scenarios, ...coverage.notRun];
  const historyFile = join(options.directory, 'history.json');
  const notices: string[] = [];
  let history: History = { runs: [] };
  await mkdir(dirname(historyFile), { recursive: true });
  if (options.recordHistory !== false && isRealRun(model)) {
    const recorded = await recordRun(historyFile, historyRunOf(model, now, details?.commit), options.keepRuns ?? KEEP_RUNS);
    history = recorded.history;
    if (recorded.note) notices.push(recorded.note);
  }
  const flaky = flakyScenarios(history);
  const historyRuns = Math.min(history.runs.length, FLAKY_WINDOW);
  const wallMs = options.wallMs ?? details?.wallMs ?? model.durationMs;
  const machineMs = options.machineMs ?? model.durationMs;
  const summary = renderRunSummary(model, {
    flaky, historyRuns, results, partial: coverage.partial, wallMs, machineMs,
    ...(details && { details }), ...(options.problems && { problems: options.problems }),
  });
  const rules = await readFile(join(cwd, 'docs', 'faq-rules.md'), 'utf8').then(rulesOf, () => new Map<string, string>());
  const page = renderFaqPage(results, now, {
    flaky, history, rules, emails: await readableEmails(model.scenarios), partial: coverage.partial, root: cwd, wallMs, machineMs,
    ...(details && { details }), ...(options.problems && { problems: options.problems }),
  });
  await writeFile(join(options.directory, 'faq.html'), page, 'utf8');
  await writeFile(join(options.directory, 'junit.xml'), renderJunitXml(results, { root: cwd, timestamp: now, ...(options.suiteName && { suiteName: options.suiteName }) }), 'utf8');
  if (details) await writeFile(join(options.directory, 'run.json'), `${JSON.stringify(details, null, 2)}\n`, 'utf8');
  // Files of this run only: those of an earlier run would name scenarios that pass now.
  await rm(join(options.directory, 'scenarios'), { recursive: true, force: true });
  for (const result of model.scenarios) {
    if (result.verdict === 'agrees') continue;
    for (const file of attachmentPaths(options.directory, scenarioAnchor(result.id), result)) {
      await mkdir(dirname(file.path), { recursive: true });
      await writeFile(file.path, file.body, 'utf8');
    }
  }
  for (const f of flaky) notices.push(`Flaky: ${f.id}`);
  return { summary, notices, results, model, partial: coverage.partial };
}
