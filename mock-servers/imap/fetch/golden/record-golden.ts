/**
 * Records fetch-responses.golden.json from the current FETCH rendering:
 *
 *   node --import ./scripts/register-ts.mjs mock-servers/imap/fetch/golden/record-golden.ts
 *
 * Only for a deliberate change of what FETCH writes; the golden test exists to prove that a
 * change of how it is written changes nothing.
 */
import { recordGolden } from './golden-file.ts';

process.stdout.write(`Recorded ${recordGolden()} FETCH responses\n`);
