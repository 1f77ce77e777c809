import { PassThrough } from 'node:stream';
import { loadConfiguration, runCucumber } from '@cucumber/cucumber/api';
import type { Envelope } from '@cucumber/messages';

/**
 * Loads the step definitions, parameter types and feature files exactly as a run does, through
 * Cucumber's own API, and matches every feature step against them in a dry run: no hook and no
 * step runs, so no mail server starts. Returns the messages of that dry run. `featurePaths`
 * narrows the features to those files (a path may end in `:line`), as on Cucumber's command line.
 *
 * Needs TypeScript loading already registered in this process (scripts/register-ts.mjs), which
 * is why the configuration's own loader is switched off here.
 */
export async function loadStepLibrary(cwd: string = process.cwd(), featurePaths: readonly string[] = []): Promise<Envelope[]> {
  const { runConfiguration } = await loadConfiguration({ provided: { loader: [] } }, { cwd });
  const envelopes: Envelope[] = [];
  const silent = new PassThrough();
  silent.resume();
  await runCucumber(
    {
      ...runConfiguration,
      // The whole feature tree, whatever a profile narrows a run to, or only the files asked for.
      sources: { ...runConfiguration.sources, ...(featurePaths.length > 0 && { paths: [...featurePaths] }), tagExpression: '', names: [] },
      runtime: { ...runConfiguration.runtime, dryRun: true, parallel: 0, retry: 0 },
      // No report files: a dry run must not overwrite the last real run's reports.
      formats: { stdout: 'summary', files: {}, publish: false, options: {} },
    },
    { cwd, stdout: silent, stderr: silent },
    (envelope) => envelopes.push(envelope),
  );
  // Cucumber reports these on the stderr silenced above; without them the catalogue would be wrong.
  const parseErrors = envelopes.flatMap((e) => (e.parseError ? [`${e.parseError.source.uri}: ${e.parseError.message}`] : []));
  if (parseErrors.length) throw new Error(`The feature files do not parse:\n${parseErrors.join('\n')}`);
  return envelopes;
}
