/**
 * Splitting the scenarios across CI machines: `--shard 2/3` runs the second of three parts. Every
 * machine computes the same split from the same feature files: scenarios (outline rows count
 * one by one) are sorted by file and line and dealt round-robin, so the parts differ in size by
 * at most one and never overlap.
 */
export interface Shard {
  /** 1-based. */
  readonly index: number;
  readonly total: number;
}

export function parseShard(text: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = match ? Number(match[1]) : NaN;
  const total = match ? Number(match[2]) : NaN;
  if (!match || total < 1 || index < 1 || index > total) {
    throw new Error(`--shard takes "i/n" with 1 ≤ i ≤ n, e.g. --shard 2/3; got "${text}"`);
  }
  return { index, total };
}

export interface PlannedScenario {
  readonly uri: string;
  readonly location: { readonly line: number };
}

/** The `path:line` of each scenario of the shard, in file and line order. */
export function selectShard(plan: readonly PlannedScenario[], shard: Shard): string[] {
  const keys = [...new Set(plan.map((p) => `${p.uri.replace(/\\/g, '/')}:${p.location.line}`))];
  keys.sort((a, b) => {
    const [fileA, lineA] = splitKey(a);
    const [fileB, lineB] = splitKey(b);
    return fileA < fileB ? -1 : fileA > fileB ? 1 : lineA - lineB;
  });
  return keys.filter((_, i) => i % shard.total === shard.index - 1);
}

function splitKey(key: string): [string, number] {
  const colon = key.lastIndexOf(':');
  return [key.slice(0, colon), Number(key.slice(colon + 1))];
}

/** Takes `--shard i/n` (or `--shard=i/n`) out of the arguments; the rest go to Cucumber. */
export function takeShard(args: readonly string[]): { shard?: Shard; rest: string[] } {
  const rest: string[] = [];
  let shard: Shard | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--shard') shard = parseShard(args[++i] ?? '');
    else if (arg.startsWith('--shard=')) shard = parseShard(arg.slice('--shard='.length));
    else rest.push(arg);
  }
  return { ...(shard && { shard }), rest };
}
