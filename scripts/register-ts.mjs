// Loads this project's TypeScript without a build step, in every process that runs it: the npm
// scripts start Node with `--require ./scripts/register-ts.cjs`, and cucumber.mjs names this file
// in `requireModule`, so `npx cucumber-js` and Cucumber's parallel workers load it too (Node's
// require cache makes a second load a no-op).
//
// tsx (esbuild) transpiles each file on first use and caches the result on disk; it registers its
// hooks through module.register(), so Node prints no loader warning, on Node 20.19, 22 and 24
// alike. Measured on a two-core machine, loading the steps and the reports formatter took about
// 6 s with ts-node and under 1.5 s with tsx; Node's own type stripping (22.18+, 24) was no faster
// than tsx's warm cache, and Node 20 has none. Type-checking is `tsc --noEmit`'s job (npm test).
import { register } from 'tsx/esm/api';

register();

// Stack traces of failing steps name TypeScript lines, not those of the transpiled code.
process.setSourceMapsEnabled(true);
