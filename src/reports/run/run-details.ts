import { gitState } from './git-state.ts';

/** The shard a run was: `--shard 2/3` and the scenarios (`path:line`) dealt to it (src/reports/cli/shard.ts). */
export interface ShardRecord {
  readonly index: number;
  readonly total: number;
  readonly dealt: readonly string[];
}

/**
 * What a run was, for the reports' "run details" and for `npm run report`, which reads it back
 * (reports/run.json) to check that a set of shards is whole: commit, branch, when, on which Node,
 * what was selected, which shard, and the CI build.
 */
export interface RunDetails {
  readonly commit?: string;
  readonly branch?: string;
  readonly startedAt?: string;
  readonly node: string;
  /** Cucumber's arguments as given (paths, `path:line`, --tags, --name); none means every scenario. */
  readonly selection?: readonly string[];
  readonly shard?: ShardRecord;
  readonly ciBuildUrl?: string;
  /** From the run's start to its end. */
  readonly wallMs?: number;
}

type Env = Readonly<Record<string, string | undefined>>;

/** The CI build's page: GitHub Actions, GitLab CI, or any CI that sets BUILD_URL (Jenkins, TeamCity). */
export function ciBuildUrl(env: Env = process.env): string | undefined {
  if (env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID) {
    return `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}${env.GITHUB_RUN_ATTEMPT ? `/attempts/${env.GITHUB_RUN_ATTEMPT}` : ''}`;
  }
  return env.CI_JOB_URL ?? env.BUILD_URL ?? undefined;
}

const branchFromCi = (env: Env) => env.GITHUB_HEAD_REF || env.GITHUB_REF_NAME || env.CI_COMMIT_REF_NAME || undefined;
const commitFromCi = (env: Env) => env.GITHUB_SHA ?? env.CI_COMMIT_SHA;

export interface CodeOrigin {
  readonly commit?: string | undefined;
  readonly branch?: string | undefined;
}

/**
 * The commit and the branch under test: CI's variables when set, else git's (gitState: HEAD, with a
 * digest of what is not committed, so flakiness is judged between runs of the same code and
 * editing and re-running never looks like a flaky test). The reports formatter asks when the run
 * starts, so git's answers are ready when the run ends: the code tested is the code as the run began.
 */
export async function codeOrigin(cwd: string, env: Env = process.env): Promise<CodeOrigin> {
  const [commit, branch] = [commitFromCi(env), branchFromCi(env)];
  // CI names both: git is not asked at all.
  const git = commit && branch ? undefined : await gitState(cwd);
  return { commit: commit ?? git?.commit, branch: branch ?? git?.branch };
}

export async function collectRunDetails(options: {
  cwd: string;
  env?: Env;
  selection?: readonly string[];
  shard?: ShardRecord;
  startedAt?: Date;
  wallMs?: number;
  /** The code's origin when already asked (codeOrigin), else git is asked now. */
  origin?: Promise<CodeOrigin> | CodeOrigin;
}): Promise<RunDetails> {
  const env = options.env ?? process.env;
  const { commit, branch } = await (options.origin ?? codeOrigin(options.cwd, env));
  const build = ciBuildUrl(env);
  return {
    ...(commit && { commit }),
    ...(branch && { branch }),
    ...(options.startedAt && { startedAt: options.startedAt.toISOString() }),
    node: process.version,
    ...(options.selection && { selection: options.selection }),
    ...(options.shard && { shard: options.shard }),
    ...(build && { ciBuildUrl: build }),
    ...(options.wallMs !== undefined && { wallMs: options.wallMs }),
  };
}

/** The selection in words: "every scenario", or the arguments as given, with the shard. */
export function selectionWords(details: RunDetails | undefined): string {
  const parts = [...(details?.selection ?? [])];
  if (details?.shard) parts.push(`shard ${details.shard.index} of ${details.shard.total}`);
  return parts.length ? parts.join(' ') : 'every scenario';
}
