import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildRunModel } from '../run/run-model.ts';
import { fakeRun } from '../testing/fake-run.ts';
import { codeOrigin } from '../run/run-details.ts';
import { recordRun } from './history-file.ts';
import { failingSince, strip } from './history-view.ts';
import { flakyScenarios, historyRunOf, isRealRun, withRun, type History, type HistoryRun } from './run-history.ts';

const currentCommit = async (cwd: string, env: Record<string, string>) => (await codeOrigin(cwd, env)).commit;

const run = (statuses: Record<string, string>, extra: Partial<HistoryRun> = {}): HistoryRun => ({
  startedAt: '2026-03-02T09:00:00.000Z',
  scenarios: Object.fromEntries(Object.entries(statuses).map(([id, status]) => [id, { status: status as 'passed', durationMs: 10 }])),
  ...extra,
});

describe('run history', () => {
  it('records each scenario of a run by its stable id, with status, duration and retried attempts', () => {
    const model = buildRunModel(fakeRun([{ uri: 'f.feature', name: 'F', scenarios: [
      { name: 'steady', steps: [{ text: 'a', status: 'PASSED' }], durationMs: 40 },
      { name: 'retried', steps: [{ text: 'a', status: 'PASSED' }], earlierAttempts: ['FAILED'], durationMs: 40 },
    ] }]));
    expect(historyRunOf(model, new Date('2026-03-02T10:00:00Z'), 'abc123')).toEqual({
      startedAt: '2026-03-02T10:00:00.000Z',
      commit: 'abc123',
      scenarios: {
        'f.feature › steady': { status: 'passed', durationMs: 40, verdict: 'agrees' },
        'f.feature › retried': { status: 'passed', durationMs: 80, attempts: ['failed', 'passed'], verdict: 'agrees' },
      },
    });
  });

  it('keeps only the last runs', () => {
    let history: History = { runs: [] };
    for (let i = 0; i < 7; i++) history = withRun(history, run({}, { startedAt: `run ${i}` }), 5);
    expect(history.runs.map((r) => r.startedAt)).toEqual(['run 2', 'run 3', 'run 4', 'run 5', 'run 6']);
  });

  it('flags a scenario whose result flips between recent runs, and one that passed only on a retry', () => {
    const history: History = { runs: [
      run({ steady: 'passed', flipping: 'passed', broken: 'failed', retried: 'passed' }),
      run({ steady: 'passed', flipping: 'failed', broken: 'failed' }),
      run({ steady: 'passed', flipping: 'passed', broken: 'failed' }),
      { startedAt: 'x', scenarios: { retried: { status: 'passed', durationMs: 1, attempts: ['failed', 'passed'] } } },
    ] };
    expect(flakyScenarios(history)).toEqual([
      { id: 'flipping', recent: ['passed', 'failed', 'passed'], flips: 2, passedOnRetry: 0 },
      { id: 'retried', recent: ['passed', 'passed'], flips: 0, passedOnRetry: 1 },
    ]);
  });

  it('takes one change across commits for a fix, not flakiness, but one change on the same commit for flakiness', () => {
    const fixed: History = { runs: [run({ s: 'failed' }, { commit: 'a' }), run({ s: 'passed' }, { commit: 'b' })] };
    const flaky: History = { runs: [run({ s: 'failed' }, { commit: 'a' }), run({ s: 'passed' }, { commit: 'a' })] };
    const backAndForth: History = { runs: [run({ s: 'passed' }, { commit: 'a' }), run({ s: 'failed' }, { commit: 'b' }), run({ s: 'passed' }, { commit: 'c' })] };
    expect(flakyScenarios(fixed)).toEqual([]);
    expect(flakyScenarios(flaky)).toEqual([{ id: 's', recent: ['failed', 'passed'], flips: 1, passedOnRetry: 0 }]);
    expect(flakyScenarios(backAndForth)).toHaveLength(1);
  });

  it('ignores runs where its steps did not run (undefined, pending, skipped)', () => {
    const history: History = { runs: [run({ s: 'undefined' }), run({ s: 'passed' }), run({ s: 'pending' }), run({ s: 'passed' })] };
    expect(flakyScenarios(history)).toEqual([]);
  });

  it('forgets flips older than the window', () => {
    const history: History = { runs: [run({ s: 'failed' }), run({ s: 'passed' }), run({ s: 'passed' })] };
    expect(flakyScenarios(history, 2)).toEqual([]);
    expect(flakyScenarios(history, 3)).toHaveLength(1);
  });

  it('does not count a dry run, where no step ran', () => {
    const dry = buildRunModel(fakeRun([{ uri: 'f', name: 'F', scenarios: [{ name: 's', steps: [{ text: 'a', status: 'SKIPPED' }] }] }]));
    const real = buildRunModel(fakeRun([{ uri: 'f', name: 'F', scenarios: [{ name: 's', steps: [{ text: 'a', status: 'UNDEFINED' }] }] }]));
    expect(isRealRun(dry)).toBe(false);
    expect(isRealRun(real)).toBe(true);
  });
});

describe('history where people look', () => {
  const run = (day: number, verdict: 'agrees' | 'disagrees' | 'could-not-run' | undefined, commit = `c${day}`): HistoryRun => ({
    startedAt: `2026-03-${String(day).padStart(2, '0')}T09:00:00.000Z`, commit,
    scenarios: verdict ? { s: { status: verdict === 'agrees' ? 'passed' : 'failed', durationMs: 1, verdict } } : {},
  });

  it('shows the last 10 runs that ran the scenarios, worst verdict first in a run', () => {
    const history: History = { runs: Array.from({ length: 12 }, (_, i) => run(i + 1, i % 3 === 0 ? 'disagrees' : 'agrees')) };
    const cells = strip(history, ['s']);
    expect(cells).toHaveLength(10);
    expect(cells[0]).toEqual({ startedAt: '2026-03-03T09:00:00.000Z', commit: 'c3', verdict: 'agrees' });
    const both: History = { runs: [{ startedAt: 'x', scenarios: { s: { status: 'passed', durationMs: 1 }, t: { status: 'failed', durationMs: 1 } } }] };
    expect(strip(both, ['s', 't']).map((c) => c.verdict)).toEqual(['disagrees']);
  });

  it('says since which run and commit a scenario has not passed, skipping runs without it', () => {
    const history: History = { runs: [run(1, 'agrees'), run(2, 'could-not-run'), run(3, undefined), run(4, 'disagrees')] };
    expect(failingSince(history, ['s'])).toEqual({ startedAt: '2026-03-02T09:00:00.000Z', commit: 'c2', verdict: 'could-not-run' });
    expect(failingSince({ runs: [run(1, 'disagrees'), run(2, 'agrees')] }, ['s'])).toBeUndefined();
  });
});

describe('the history file', () => {
  it('adds runs to the JSON file, keeping the last N', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'history-')), 'history.json');
    await recordRun(file, run({ a: 'passed' }, { startedAt: 'one' }), 2);
    await recordRun(file, run({ a: 'failed' }, { startedAt: 'two' }), 2);
    const { history } = await recordRun(file, run({ a: 'passed' }, { startedAt: 'three' }), 2);
    expect(history.runs.map((r) => r.startedAt)).toEqual(['two', 'three']);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(history);
  });

  it('sets a damaged file aside and starts again', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'history-')), 'history.json');
    await writeFile(file, '{"runs": [', 'utf8');
    const { history, note } = await recordRun(file, run({ a: 'passed' }), 50);
    expect(history.runs).toHaveLength(1);
    expect(note).toMatch(/was not a run history; it was moved to .*history\.json\.broken/);
    expect(await readFile(`${file}.broken`, 'utf8')).toBe('{"runs": [');
  });

  it('takes the commit from CI when set, else from git', async () => {
    expect(await currentCommit('/', { GITHUB_SHA: 'feedbeef' })).toBe('feedbeef');
    expect(await currentCommit(import.meta.dirname, {})).toMatch(/^[0-9a-f]{40}(\+[0-9a-f]{12})?$/);
    expect(await currentCommit(tmpdir(), {})).toBeUndefined();
  });

  it('tells uncommitted code apart, so re-running after an edit never counts as flaky', async () => {
    const repo = await mkdtemp(join(tmpdir(), 'history-git-'));
    const git = (...args: string[]) => promisify(execFile)('git', ['-c', 'user.name=t', '-c', 'user.email=t@t.test', ...args], { cwd: repo });
    await git('init', '-q');
    await writeFile(join(repo, 'a.txt'), 'one\n', 'utf8');
    await git('add', 'a.txt');
    await git('commit', '-q', '-m', 'first');
    const clean = await currentCommit(repo, {});
    expect(clean).toMatch(/^[0-9a-f]{40}$/);
    await writeFile(join(repo, 'a.txt'), 'two\n', 'utf8');
    const edited = await currentCommit(repo, {});
    expect(edited).toMatch(new RegExp(`^${clean}\\+[0-9a-f]{12}$`));
    expect(await currentCommit(repo, {})).toBe(edited);
    await writeFile(join(repo, 'b.feature'), 'Feature: new\n', 'utf8');
    expect(await currentCommit(repo, {})).not.toBe(edited);
  });
});
