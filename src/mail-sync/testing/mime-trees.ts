/**
 * MIME trees built to trip a reader of MIME structure: bare LF and CRLF mixed, padding after
 * delimiters, boundaries inside lines or as the prefix of longer ones, closing delimiters missing
 * or early, base64 cut or spoiled, attachments of several types.
 */
import fc from 'fast-check';

const boundaryArb = fc.constantFrom('b', 'b1', 'alt-1', 'x y', '--', 'b--', '');
export const breakArb = fc.constantFrom('\r\n', '\n');
const padArb = fc.constantFrom('', ' ', '\t', '  \t', '\r', '\u00a0', 'x');

const base64Arb = fc.tuple(fc.uint8Array({ maxLength: 60 }), fc.constantFrom('', '=', 'A', '*', ' ', '\r\n', '==x', '\u00a0')).map(([bytes, tail]) => {
  const encoded = Buffer.from(bytes).toString('base64');
  return encoded.replace(/(.{20})/g, '$1\r\n') + tail;
});

export type Tree = { kind: 'leaf'; type: string; base64: boolean; body: string } | { kind: 'multi'; boundary: string; quoted: boolean; children: Tree[]; close: boolean; pad: string; noise: string };

export const treeArb: fc.Arbitrary<Tree> = fc.letrec<{ tree: Tree }>((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({
      kind: fc.constant('leaf' as const),
      type: fc.constantFrom('text/plain; charset=utf-8', 'text/plain; charset=x-unknown', 'application/pdf', 'text/html; charset="iso-8859-2"', 'image/png; name="a.png"', 'message/rfc822', 'APPLICATION/octet-stream'),
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

export function render(tree: Tree, nl: string): string {
  if (tree.kind === 'leaf') {
    return `Content-Type: ${tree.type}${nl}${tree.base64 ? `Content-Transfer-Encoding: base64${nl}` : ''}${nl}${tree.body}`;
  }
  const delimiter = `--${tree.boundary}`;
  const type = `Content-Type: multipart/mixed; boundary=${tree.quoted ? `"${tree.boundary}"` : tree.boundary}`;
  const parts = tree.children.map((child) => `${delimiter}${tree.pad}${nl}${render(child, nl)}${nl}`).join('');
  return `${type}${nl}${nl}${tree.noise}${nl}${parts}${tree.close ? `${delimiter}--${tree.pad}${nl}` : ''}`;
}
