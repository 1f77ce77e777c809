import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scanMime } from './mime-scan.ts';
import { scanMimeByLines } from './testing/mime-scan-by-lines.ts';

/**
 * The scan finds delimiter lines by searching for the boundary instead of splitting each part
 * into lines; it must report exactly what the line-by-line scan reported, on messages built to
 * trip it: bare LF and CRLF mixed, padding after delimiters, boundaries inside lines or as the
 * prefix of longer ones, closing delimiters missing or early, base64 cut or spoiled.
 */
const boundaryArb = fc.constantFrom('b', 'b1', 'alt-1', 'x y', '--', 'b--', '');
const breakArb = fc.constantFrom('\r\n', '\n');
const padArb = fc.constantFrom('', ' ', '\t', '  \t', '\r', '\u00a0', 'x');

const base64Arb = fc.tuple(fc.uint8Array({ maxLength: 60 }), fc.constantFrom('', '=', 'A', '*', ' ', '\r\n', '==x', '\u00a0')).map(([bytes, tail]) => {
  const encoded = Buffer.from(bytes).toString('base64');
  return encoded.replace(/(.{20})/g, '$1\r\n') + tail;
});

type Tree = { kind: 'leaf'; type: string; base64: boolean; body: string } | { kind: 'multi'; boundary: string; quoted: boolean; children: Tree[]; close: boolean; pad: string; noise: string };

const treeArb: fc.Arbitrary<Tree> = fc.letrec<{ tree: Tree }>((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({
      kind: fc.constant('leaf' as const),
      type: fc.constantFrom('text/plain; charset=utf-8', 'text/plain; charset=x-unknown', 'application/pdf', 'text/html; charset="iso-8859-2"'),
      base64: fc.boolean(),
      body: fc.oneof(base64Arb, fc.constantFrom('Hello', 'line one\r\nline two', '--b', ' --b1', '--b1x', '')),
    }),
    fc.record({
      kind: fc.constant('multi' as const),
      boundary: boundaryArb,
      quoted: fc.boolean(),
      children: fc.array(tie('tree'), { maxLength: 3 }),
      close: fc.boolean(),
      pad: padArb,
      noise: fc.constantFrom('', 'preamble', '--b--', 'text --b1 inline'),
    }),
  ),
})).tree;

function render(tree: Tree, nl: string): string {
  if (tree.kind === 'leaf') {
    return `Content-Type: ${tree.type}${nl}${tree.base64 ? `Content-Transfer-Encoding: base64${nl}` : ''}${nl}${tree.body}`;
  }
  const delimiter = `--${tree.boundary}`;
  const type = `Content-Type: multipart/mixed; boundary=${tree.quoted ? `"${tree.boundary}"` : tree.boundary}`;
  const parts = tree.children.map((child) => `${delimiter}${tree.pad}${nl}${render(child, nl)}${nl}`).join('');
  return `${type}${nl}${nl}${tree.noise}${nl}${parts}${tree.close ? `${delimiter}--${tree.pad}${nl}` : ''}`;
}

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
