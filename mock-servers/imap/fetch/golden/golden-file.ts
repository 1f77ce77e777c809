import { readFileSync, writeFileSync } from 'node:fs';
import { renderCases, sha256, type RenderedCase } from './render-cases.ts';

/**
 * The recorded FETCH output: per case its octet count and SHA-256, and for the shorter ones the
 * octets themselves (read as latin1, one character per octet), so a failure can be read.
 */
export interface GoldenEntry {
  readonly name: string;
  readonly input: string;
  readonly octets: number;
  readonly sha256: string;
  readonly text?: string;
}

export const GOLDEN_FILE = new URL('./fetch-responses.golden.json', import.meta.url);

/** Cases up to this size keep their text in the file; longer ones only their digest. */
const TEXT_LIMIT = 1024;

export function toEntry(rendered: RenderedCase): GoldenEntry {
  const { name, input, output } = rendered;
  return { name, input, octets: output.length, sha256: sha256(output), ...(output.length <= TEXT_LIMIT ? { text: output.toString('latin1') } : {}) };
}

export function readGolden(): GoldenEntry[] {
  return JSON.parse(readFileSync(GOLDEN_FILE, 'utf8')) as GoldenEntry[];
}

/** Re-records the file from the current rendering; only for a deliberate change of the wire format. */
export function recordGolden(): number {
  const entries = renderCases().map(toEntry);
  // One case per line, so a re-recording shows in a diff case by case.
  writeFileSync(GOLDEN_FILE, `[\n${entries.map((entry) => JSON.stringify(entry)).join(',\n')}\n]\n`);
  return entries.length;
}
