import { appendFile, readFile } from 'node:fs/promises';
import { loadConfiguration, loadSources, runCucumber } from '@cucumber/cucumber/api';
import { selectShard, type Shard } from './shard.ts';

export interface FeatureRunOptions {
  /** Profiles of cucumber.mjs; none means its default export. */
  readonly profiles?: readonly string[];
  /** Cucumber's own options, as on its command line (`--tags @Q1`, paths). */
  readonly cucumberArgs?: readonly string[];
  readonly shard?: Shard;
  readonly out: (text: string) => void;
}

/**
 * Runs the features with the project's Cucumber configuration (the reports formatter writes
 * summary.md, history.json and faq.html as the run ends). A shard runs only its part of the
 * scenarios, by passing their `path:line` to Cucumber.
 */
export async function runFeatures(options: FeatureRunOptions): Promise<boolean> {
  const { runConfiguration } = await loadConfiguration({
    ...(options.profiles?.length && { profiles: [...options.profiles] }),
    ...(options.cucumberArgs?.length && { provided: [...options.cucumberArgs] }),
  });
  let sources = runConfiguration.sources;
  // The reports say what the run selected, and a shard records what it was dealt (run.json).
  const reportOptions: Record<string, unknown> = { ...(runConfiguration.formats.options.crmReports as object | undefined), selection: [...(options.cucumberArgs ?? [])] };
  (runConfiguration.formats.options as Record<string, unknown>).crmReports = reportOptions;
  if (options.shard) {
    const { plan, errors } = await loadSources(sources);
    if (errors.length) throw new Error(`The feature files do not parse: ${errors.map((e) => `${e.uri}:${e.location.line} ${e.message}`).join('; ')}`);
    const part = selectShard(plan, options.shard);
    options.out(`Shard ${options.shard.index}/${options.shard.total}: ${part.length} of ${plan.length} scenarios.\n`);
    // No paths would mean every feature, so an empty shard runs nothing rather than everything.
    reportOptions.shard = { index: options.shard.index, total: options.shard.total, dealt: part };
    if (part.length === 0) return true;
    sources = { ...sources, paths: part };
  }
  const { success } = await runCucumber({ ...runConfiguration, sources });
  return success;
}

/** Appends summary.md to the GitHub Actions job summary when the run is a GitHub Actions job. */
export async function publishJobSummary(summaryFile: string, env: Readonly<Record<string, string | undefined>> = process.env): Promise<boolean> {
  const target = env.GITHUB_STEP_SUMMARY;
  if (!target) return false;
  const summary = await readFile(summaryFile, 'utf8').catch(() => undefined);
  if (summary === undefined) return false;
  await appendFile(target, `${summary}\n`, 'utf8');
  return true;
}
