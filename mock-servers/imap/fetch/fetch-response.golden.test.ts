import { describe, expect, it } from 'vitest';
import { readGolden, toEntry } from './golden/golden-file.ts';
import { renderCases } from './golden/render-cases.ts';

/**
 * FETCH writes the same octets as the recorded implementation for tricky messages (quoting,
 * literals, address forms, broken and deep MIME, 8-bit and binary content) and for realistic
 * business mail, with every kind of item, by sequence number and by UID.
 */
describe('FETCH responses, octet for octet', () => {
  const golden = readGolden();
  const rendered = renderCases();

  it('renders the recorded cases from the recorded messages', () => {
    expect(rendered.map((entry) => entry.name)).toEqual(golden.map((entry) => entry.name));
    expect(rendered.map((entry) => entry.input)).toEqual(golden.map((entry) => entry.input));
    expect(golden.length).toBeGreaterThan(250);
  });

  it('writes every response exactly as recorded', () => {
    const changed = rendered.map(toEntry).filter((entry, index) => {
      const recorded = golden[index];
      return recorded === undefined || entry.sha256 !== recorded.sha256 || entry.octets !== recorded.octets;
    });
    // The first difference in full, readable when short enough to have been recorded as text.
    const first = changed[0];
    if (first) expect(first).toEqual(golden.find((entry) => entry.name === first.name));
    expect(changed.map((entry) => entry.name)).toEqual([]);
  });
});
