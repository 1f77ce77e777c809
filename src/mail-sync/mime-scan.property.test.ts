import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scanMime, scanMimeStructure } from './mime-scan.ts';
import { scanMimeByLines } from './testing/mime-scan-by-lines.ts';
import { scanMimeStructureOnText } from './testing/mime-scan-on-text.ts';
import { breakArb, render, treeArb } from './testing/mime-trees.ts';

/**
 * The scan finds delimiter lines by searching for the boundary instead of splitting each part
 * into lines; it must report exactly what the line-by-line scan reported, on messages built to
 * trip it (testing/mime-trees.ts).
 */
describe('scanMime', () => {
  it('reports what the line-by-line scan reports, on any MIME tree', () => {
    fc.assert(
      fc.property(treeArb, breakArb, (tree, nl) => {
        const raw = Buffer.from(`From: a@client.test${nl}${render(tree, nl)}`, 'latin1');
        expect(scanMime(raw)).toEqual(scanMimeByLines(raw));
      }),
      { numRuns: 2000 },
    );
  });

  it('reads the octets in place as the scan on Latin-1 text read them: the same problems and attachment ranges', () => {
    // Octets the scan treats specially, inserted anywhere: line ends, white space, "=", "-", a foreign octet.
    const octet = fc.constantFrom(0x0a, 0x0d, 0x20, 0x09, 0x0b, 0xa0, 0x85, 0x3d, 0x2d, 0x2a, 0xff, 0x41);
    const insertions = fc.array(fc.tuple(fc.nat(), octet), { maxLength: 6 });
    fc.assert(
      fc.property(treeArb, breakArb, insertions, (tree, nl, inserted) => {
        let raw = Buffer.from(`From: a@client.test${nl}${render(tree, nl)}`, 'latin1');
        for (const [at, byte] of inserted) {
          const i = at % (raw.length + 1);
          raw = Buffer.concat([raw.subarray(0, i), Buffer.of(byte), raw.subarray(i)]);
        }
        expect(scanMimeStructure(raw)).toEqual(scanMimeStructureOnText(raw));
      }),
      { numRuns: 3000 },
    );
  });

  it.each([
    ['QUJD', true],
    ['QUI=\r\n', true],
    ['QQ==\u00a0\t', true],
    ['QQ=A', false],
    ['=QUJ', false],
    ['Q===', false],
    ['QUJD\u0085', false],
    ['QU JD', true],
  ])('reads the base64 body %j as whole: %s, as the scan on text did', (body, whole) => {
    const raw = Buffer.from(`Content-Type: application/pdf\r\nContent-Transfer-Encoding: base64\r\n\r\n${body}`, 'latin1');
    const scan = scanMimeStructure(raw);
    expect(scan).toEqual(scanMimeStructureOnText(raw));
    expect(scan.problems.length === 0).toBe(whole);
  });

  it('names as attachment bodies only whole base64 of parts that are neither text nor a message', () => {
    fc.assert(
      fc.property(treeArb, breakArb, (tree, nl) => {
        const raw = Buffer.from(`From: a@client.test${nl}${render(tree, nl)}`, 'latin1');
        const scan = scanMimeStructure(raw);
        let last = 0;
        for (const [start, end] of scan.attachmentBodies) {
          expect(start).toBeGreaterThanOrEqual(last);
          expect(end).toBeGreaterThan(start);
          expect(raw.subarray(start, end).toString('latin1')).toMatch(/^[A-Za-z0-9+/=\s]+$/);
          const headers = raw.subarray(0, start).toString('latin1');
          expect(headers.slice(headers.lastIndexOf('Content-Type:'))).not.toMatch(/^Content-Type: (text|message)\//i);
          last = end;
        }
        if (scan.problems.length > 0) expect(scan.attachmentBodies).toEqual([]);
      }),
      { numRuns: 1000 },
    );
  });

  it('finds a boundary missing, base64 spoiled and a charset unknown', () => {
    const raw = Buffer.from([
      'Content-Type: multipart/mixed; boundary=outer',
      '',
      '--outer  ',
      'Content-Type: multipart/alternative; boundary=inner',
      '',
      'no delimiter here --inner',
      '--outer',
      'Content-Type: application/pdf',
      'Content-Transfer-Encoding: base64',
      '',
      'QUJD*',
      '--outer',
      'Content-Type: text/plain; charset=x-klingon',
      '',
      'hi',
      '--outer--',
    ].join('\r\n'), 'latin1');
    expect(scanMime(raw).map((p) => p.code).sort()).toEqual(['broken-base64', 'broken-mime', 'unknown-charset']);
  });
});
