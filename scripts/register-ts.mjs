// Registers ts-node's ESM loader through module.register(), the supported hook API, so Node
// prints no "--experimental-loader" warning. Type-checking is done separately by `tsc --noEmit`.
import { register } from 'node:module';
import { pathToFileURL } from 'node:url';

register('ts-node/esm', pathToFileURL('./'));
