// Registers ts-node's ESM loader through module.register(), the supported hook API, so Node
// prints no "--experimental-loader" warning. Type-checking is done separately by `tsc --noEmit`.
//
// On Node 24, ts-node 10.9's bundled resolver calls the deprecated fs.Stats constructor and Node
// reports DEP0180 from the loader thread. The npm scripts pass --disable-warning=DEP0180, which
// silences that one deprecation and nothing else.
import { register } from 'node:module';
import { pathToFileURL } from 'node:url';

register('ts-node/esm', pathToFileURL('./'));

// Stack traces of failing steps then name TypeScript lines, not those of the transpiled code.
process.setSourceMapsEnabled(true);
