// Loads this project's TypeScript without a build step, in every process that runs it: the npm
// scripts start Node with `--import ./scripts/register-ts.mjs`, and cucumber.mjs imports it first,
// so `npx cucumber-js` and Cucumber's parallel workers load TypeScript too (a second import of a
// module is a no-op).
//
// Node 22.18+ and 24 strip types themselves (`process.features.typescript`), without a warning:
// nothing to add. Older Nodes get module hooks that strip types the same way, keeping every line
// and column, with a cache on disk (scripts/strip-types-hooks.mjs); module.register() prints no
// loader warning. Type-checking is `tsc --noEmit`'s job (npm test).
import module from 'node:module';
import { fileURLToPath } from 'node:url';

if (!process.features.typescript) module.register('./strip-types-hooks.mjs', import.meta.url);

// Node 22.1+ keeps V8's compiled code of every module loaded from here on, so a run after the first
// skips most compiling (a one-scenario run on Node 24: about 15 % faster). Node 20 has no such cache.
module.enableCompileCache?.(fileURLToPath(new URL('../node_modules/.cache/node-compile-cache', import.meta.url)));
