/**
 * What a user waits for: `npm start` as a whole process (Node starting, TypeScript loading, the
 * steps and report formatters loading, every scenario of features/, the reports written), against
 * the same command over one scenario whose only step does nothing. The baseline is the floor of
 * any run (start-up and reports), so the ratio says how much of a full run is the scenarios' work.
 *
 * Each run is a child process started as the npm script starts it (without npm itself), writing
 * its reports to a temporary folder, so reports/ and its run history are left alone. Its CPU time
 * (every thread) is written by the child as it exits (report-cpu-at-exit.mjs), since a finished
 * process can no longer be read from /proc.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { timed, type Comparison } from './comparison.ts';
import type { Resources } from './resources.ts';
import { measureInterleaved, type SamplingPlan } from './sampling.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const SECTION = 'The whole run (npm start)';
const EMPTY_FEATURE = `Feature: An empty scenario
  Scenario: Nothing happens
    Given nothing happens
`;

/** The CPU milliseconds the child wrote as it exited. */
async function cpuOfFinishedRun(file: string): Promise<number | undefined> {
  try {
    const { user, system } = JSON.parse(await readFile(file, 'utf8')) as { user: number; system: number };
    return (user + system) / 1000;
  } catch {
    return undefined;
  }
}

/** One `npm start`-like run of `src/cli.ts run <args>`; fails with the tail of its output when the run does not pass. */
function startRun(args: readonly string[], reportsDir: string, cpuFile: string, resources: Resources): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', './scripts/register-ts.mjs', '--import', './scripts/bench/report-cpu-at-exit.mjs', 'src/cli.ts', 'run', ...args],
      { cwd: ROOT, env: { ...process.env, REPORTS_DIR: reportsDir, BENCH_CPU_FILE: cpuFile }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const forget = resources.addLastResort(`npm start (${args.join(' ') || 'all features'})`, () => child.kill('SIGKILL'));
    let output = '';
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-4000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.once('error', (error) => {
      forget();
      reject(error);
    });
    child.once('close', (code) => {
      forget();
      if (code === 0) resolve();
      else reject(new Error(`The benchmark's run of npm start ${args.join(' ')} exited with ${code}:\n${output}`));
    });
  });
}

export async function compareSuiteProcess(plan: SamplingPlan, resources: Resources): Promise<Comparison[]> {
  const folder = await mkdtemp(path.join(tmpdir(), 'bench-suite-process-'));
  const removeFolder = resources.add('the whole-run benchmark\'s folder', () => rm(folder, { recursive: true, force: true }));
  try {
    const emptyFeature = path.join(folder, 'empty.feature');
    await writeFile(emptyFeature, EMPTY_FEATURE, 'utf8');
    const cpu = new Map<string, number | undefined>();
    const contender = (name: string, args: readonly string[]) => {
      const cpuFile = path.join(folder, `${name.replace(/\W+/g, '-')}.cpu.json`);
      return {
        name,
        run: async () => {
          await rm(cpuFile, { force: true });
          await startRun(args, path.join(folder, 'reports'), cpuFile, resources);
          cpu.set(name, await cpuOfFinishedRun(cpuFile));
        },
        lastRunCpuMs: () => cpu.get(name),
      };
    };
    const suite = 'every feature';
    const empty = 'one empty scenario';
    const samples = await measureInterleaved(
      [contender(suite, []), contender(empty, ['--import', 'scripts/bench/faq-suite-steps.ts', emptyFeature])],
      plan,
    );
    return [
      {
        section: SECTION,
        measurement: 'npm start, every feature, as one process',
        ours: timed(suite, samples.get(suite)!),
        baseline: timed(`${empty} (start-up and reports)`, samples.get(empty)!),
        cpuCovers: 'the run\'s process',
      },
    ];
  } finally {
    await removeFolder();
  }
}
