// Module hooks that load this project's TypeScript on a Node without type stripping of its own
// (Node 20, and 22 before 22.18). Registered by scripts/register-ts.mjs; they run in Node's
// module-loader thread.
//
// Types are replaced by spaces (ts-blank-space, on TypeScript's own parser), the way Node 22.18+
// and 24 strip them natively: every line and column stays where it was, so stack traces name the
// TypeScript lines without source maps (turning source maps on made Node parse those of every
// package too, about 0.13 s of each run). This works because tsconfig.json keeps to erasable
// syntax (erasableSyntaxOnly, verbatimModuleSyntax).
//
// Files are read synchronously: this thread does nothing else meanwhile, and each asynchronous read
// (open, stat, read, close through libuv's pool) kept the main thread waiting longer.
//
// Loading the TypeScript parser costs about half a second, so each stripped file is kept in
// node_modules/.cache/strip-types/ under a hash of its text and of the stripper's version: a run
// after the first parses nothing, and an edited file is stripped again on its next load.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const CACHE = new URL('../node_modules/.cache/strip-types/', import.meta.url);
const require = createRequire(import.meta.url);
// A new stripper or parser may blank differently: its version is part of every key.
const STRIPPER = ['ts-blank-space', 'typescript'].map((name) => `${name}@${require(`${name}/package.json`).version}`).join(' ');

let stripper;

/** The file's JavaScript: types blanked out, every other character where it was. */
async function strip(source, path) {
  stripper ??= (await import('ts-blank-space')).default;
  const unsupported = [];
  const code = stripper(source, (node) => unsupported.push(node));
  if (unsupported.length > 0) {
    const places = unsupported.map((node) => {
      // The parser keeps no parent links here, so the place is counted from the text itself.
      let start = node.pos;
      while (/\s/.test(source[start] ?? '')) start += 1;
      const before = source.slice(0, start).split('\n');
      return `${path}:${before.length}:${before.at(-1).length + 1} ${source.slice(start, node.end).split('\n')[0].slice(0, 60)}`;
    });
    throw new SyntaxError(`TypeScript syntax that cannot be erased (an enum, a namespace, a parameter property…); tsconfig.json's erasableSyntaxOnly forbids it:\n  ${places.join('\n  ')}`);
  }
  return code;
}

function readCached(file) {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

async function cached(source, path) {
  const key = createHash('sha256').update(STRIPPER).update('\0').update(source).digest('hex');
  const file = new URL(key + '.js', CACHE);
  const hit = readCached(file);
  if (hit !== undefined) return hit;
  const code = await strip(source, path);
  // Written aside and renamed, so a parallel worker never reads half a file. A cache that cannot be
  // written (a read-only checkout) only costs the next run the parse.
  const partial = new URL(`${key}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`, CACHE);
  try {
    mkdirSync(CACHE, { recursive: true });
    writeFileSync(partial, code);
    renameSync(partial, file);
  } catch {
    // Not kept: stripped again next time.
  }
  return code;
}

const isTypeScript = (url) => url.startsWith('file:') && /\.m?ts$/.test(new URL(url).pathname) && !url.includes('/node_modules/');

export async function load(url, context, nextLoad) {
  if (!isTypeScript(url)) return nextLoad(url, context);
  const path = fileURLToPath(url);
  const source = readFileSync(path, 'utf8');
  return { format: 'module', source: await cached(source, path), shortCircuit: true };
}

// Every import of every module asks this thread where it leads, some 1,300 questions in a
// one-scenario run. Two kinds are answered here: Node's own modules (`node:…`), and a relative
// import of one of the project's TypeScript files, from the importing file's place (the project's
// package.json says "type": "module"). Anything else, or a file that is not there (for Node's own
// "Cannot find module" error), goes to Node's resolver. That resolver would also follow symbolic
// links; importing files already have their real place, and the project links none of its own.
export async function resolve(specifier, context, nextResolve) {
  if (specifier.startsWith('node:')) return { url: specifier, format: 'builtin', shortCircuit: true };
  const parent = context.parentURL;
  if (specifier.startsWith('.') && /\.m?ts$/.test(specifier) && parent?.startsWith('file:') && !parent.includes('/node_modules/')) {
    const url = new URL(specifier, parent);
    if (existsSync(url)) return { url: url.href, format: 'module', shortCircuit: true };
  }
  return nextResolve(specifier, context);
}
