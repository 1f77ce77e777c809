// Runs the npm scripts it is given at the same time instead of one after another (`npm test`: the
// type check beside the unit tests with coverage), and keeps the output readable: each
// part's output comes as one block, in the order the parts are named, under a `> npm run NAME`
// line and over a line with its result. The first unfinished part streams as it runs; the others
// are held back until the parts before them have finished, so no two parts' lines mix.
//
// Why at the same time: the type check is one core's work for a quarter of a minute, and the
// test files spend much of their time waiting on sockets and child processes, so run one after
// the other they leave a two-core machine half idle. The features come after both: beside them,
// the tests that start child processes (Cucumber, the mail-server command, python3) were starved
// into their time-outs on a busy machine.
//
// Every part runs to its end even when another fails (CI then shows every failure of a push at
// once), and the exit code is honest: 0 only when every part exited with 0, else the first
// failing part's code in the order named (1 for a part ended by a signal).
//
//   node scripts/run-parts.mjs typecheck test:unit
import { spawn } from 'node:child_process';

const names = process.argv.slice(2);
if (names.length === 0) {
  process.stderr.write('usage: node scripts/run-parts.mjs SCRIPT... (npm scripts of package.json, run at the same time)\n');
  process.exit(2);
}

// The npm that started this script (npm sets npm_execpath), else the one on PATH.
const npm = process.env['npm_execpath'] ? [process.execPath, process.env['npm_execpath']] : ['npm'];
// Held-back output goes through a pipe, where tools drop their colours; keep them for a terminal.
const colour = process.stdout.isTTY && !('NO_COLOR' in process.env) ? { FORCE_COLOR: '1' } : {};

const parts = names.map((name) => {
  const part = { name, started: Date.now(), seconds: 0, code: null, signal: null, done: false, live: false, held: [] };
  const child = spawn(npm[0], [...npm.slice(1), 'run', '-s', name], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...colour },
  });
  part.child = child;
  const forward = (stream) => (chunk) => {
    if (part.live) stream.write(chunk);
    else part.held.push([stream, chunk]);
  };
  child.stdout.on('data', forward(process.stdout));
  child.stderr.on('data', forward(process.stderr));
  child.on('error', (error) => {
    part.held.push([process.stderr, `could not start npm run ${name}: ${error.message}\n`]);
    finish(part, 127, null);
  });
  child.on('close', (code, signal) => finish(part, code, signal));
  return part;
});

function finish(part, code, signal) {
  if (part.done) return;
  Object.assign(part, { done: true, code, signal, seconds: (Date.now() - part.started) / 1000 });
  show();
}

const verdict = (part) => (part.code === 0 ? 'passed' : part.signal ? `ended by ${part.signal}` : `failed with exit code ${part.code}`);

let shown = 0;
let headed = -1;
function show() {
  while (shown < parts.length) {
    const part = parts[shown];
    if (headed < shown) {
      process.stdout.write(`${shown > 0 ? '\n' : ''}> npm run ${part.name}\n`);
      headed = shown;
    }
    for (const [stream, chunk] of part.held.splice(0)) stream.write(chunk);
    part.live = true;
    if (!part.done) return;
    process.stdout.write(`> npm run ${part.name}: ${verdict(part)} (${part.seconds.toFixed(1)} s)\n`);
    shown += 1;
  }
  const failed = parts.filter((part) => part.code !== 0);
  process.stdout.write(`\n${failed.length === 0 ? 'Every part passed' : `Failed: ${failed.map((part) => part.name).join(', ')}`} (${parts.map((part) => `${part.name} ${part.seconds.toFixed(1)} s`).join(', ')}).\n`);
  process.exitCode = failed.length === 0 ? 0 : (failed[0].code || 1);
}

// A Ctrl-C reaches the parts through the terminal's process group; a SIGTERM sent to this process
// alone (CI cancelling a job) is passed on, so no part is left running.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    for (const part of parts) if (!part.done) part.child.kill(signal);
  });
}
