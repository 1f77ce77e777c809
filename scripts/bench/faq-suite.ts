/**
 * What the FAQ suite costs to run: every scenario of features/faq through Cucumber's API in this
 * process, with the project's step definitions and hooks loaded once, against a feature (written to
 * a temporary folder) with one scenario whose only step does nothing. Both go through the same
 * Before and After hooks, which start and stop a Simulation (SMTP and IMAP servers, CRM) for every
 * scenario, so the empty scenario is the floor under any scenario; the per-scenario row says how
 * far above that floor an FAQ scenario is on average.
 *
 * Nothing is written to reports/: the runs have no formatter but a silent one, and no history.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { loadConfiguration, loadSupport, runCucumber, type IRunConfiguration, type ISupportCodeLibrary } from '@cucumber/cucumber/api';
import type { Envelope } from '@cucumber/messages';
import { timed, type Comparison } from './comparison.ts';
import { ownCpuMs } from './cpu-time.ts';
import type { Resources } from './resources.ts';
import { measureInterleaved, summarise, type Measured, type SamplingPlan } from './sampling.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const SECTION = 'FAQ suite';
const EMPTY = 'one empty scenario';
const EMPTY_FEATURE = `Feature: An empty scenario
  Scenario: Nothing happens
    Given nothing happens
`;

/** One run of Cucumber over `paths`; returns how many scenarios passed, and fails on anything else. */
async function runFeatures(configuration: IRunConfiguration, support: ISupportCodeLibrary, paths: readonly string[]): Promise<number> {
  const silent = new PassThrough();
  silent.resume();
  const results: string[] = [];
  const { success } = await runCucumber(
    { ...configuration, support, sources: { ...configuration.sources, paths: [...paths] } },
    { cwd: ROOT, stdout: silent, stderr: silent },
    (envelope: Envelope) => {
      if (envelope.testStepFinished && envelope.testStepFinished.testStepResult.status !== 'PASSED') results.push(envelope.testStepFinished.testStepResult.status);
      if (envelope.testCaseFinished) results.push('scenario');
    },
  );
  const scenarios = results.filter((r) => r === 'scenario').length;
  if (!success || scenarios === 0) throw new Error(`The benchmark's feature run did not pass (${results.filter((r) => r !== 'scenario').join(', ') || 'no scenarios'}): run npm run test:features`);
  return scenarios;
}

/** Samples divided by the number of scenarios: the mean time of one scenario in each round. */
function perScenario(measured: Measured, scenarios: number): Measured {
  const divide = (times: readonly number[]) => summarise(times.map((t) => t / scenarios));
  return { wall: divide(measured.wall.times), cpu: measured.cpu ? divide(measured.cpu.times) : undefined };
}

export async function compareFaqSuite(plan: SamplingPlan, resources: Resources): Promise<Comparison[]> {
  const folder = await mkdtemp(path.join(tmpdir(), 'bench-empty-scenario-'));
  const removeFolder = resources.add('the empty scenario\'s folder', () => rm(folder, { recursive: true, force: true }));
  try {
    const emptyFeature = path.join(folder, 'empty.feature');
    await writeFile(emptyFeature, EMPTY_FEATURE, 'utf8');
    // The project's steps and hooks, and the empty scenario's step; no configuration file, so none
    // of its report formatters (or the run history) is loaded. TypeScript loading is registered
    // by the npm script (scripts/register-ts.mjs), hence no loader here.
    const { runConfiguration } = await loadConfiguration(
      { file: false, provided: { import: ['steps/**/!(*.test).ts', 'scripts/bench/faq-suite-steps.ts'], loader: [], strict: true } },
      { cwd: ROOT },
    );
    const configuration: IRunConfiguration = { ...runConfiguration, formats: { stdout: 'summary', files: {}, publish: false, options: {} } };
    const support = await loadSupport(configuration, { cwd: ROOT });
    const faq = ['features/faq/**/*.feature'];
    let scenarios = 0;
    const suiteName = 'every FAQ scenario (features/faq)';
    const samples = await measureInterleaved(
      [
        { name: suiteName, run: async () => void (scenarios = await runFeatures(configuration, support, faq)), cpuMs: ownCpuMs },
        { name: EMPTY, run: async () => void (await runFeatures(configuration, support, [emptyFeature])), cpuMs: ownCpuMs },
      ],
      plan,
    );
    const suite = samples.get(suiteName)!;
    const baseline = timed(EMPTY, samples.get(EMPTY)!);
    return [
      { section: SECTION, measurement: `the whole suite, ${scenarios} scenarios`, ours: timed(`${scenarios} scenarios`, suite), baseline, cpuCovers: 'this process' },
      { section: SECTION, measurement: 'one FAQ scenario on average (suite ÷ scenarios)', ours: timed('per scenario', perScenario(suite, scenarios)), baseline, cpuCovers: 'this process' },
    ];
  } finally {
    await removeFolder();
  }
}
