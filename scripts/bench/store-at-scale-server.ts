/**
 * The server side of the store-at-scale benchmark, in a process of its own so that its memory is
 * its own: a mock mail server without transcripts (as the command line runs it), filled with
 * `count` messages of about 1 KB delivered directly, then serving IMAP. It speaks JSON lines:
 * `{"event":"ready",...}` once filled (RSS measured after a garbage collection); after a
 * `sample` line on standard input it notes its highest heap every 10 ms and counts its CPU time,
 * and for each `gc` line it answers `{"event":"rss","rss":...,"heapPeak":...,"cpuMs":...}` after
 * another collection.
 *
 *   node --expose-gc --import ./scripts/register-ts.mjs scripts/bench/store-at-scale-server.ts 100000 user password
 */
import { createInterface } from 'node:readline';
import { MockMailServer } from '../../mock-servers/index.ts';

const [countArgument, STORE_USER = 'bench@acme.test', STORE_PASSWORD = 'bench-secret'] = process.argv.slice(2);

function collect(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

function emit(event: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify(event)}\n`);
}

/** About 1 KB: the headers a CRM mailbox's messages carry, and a short body. */
function message(index: number): Buffer {
  return Buffer.from(
    [
      `Received: from mx.client.test (mx.client.test [192.0.2.${index % 250}]) by mock-smtp.local; Mon, 2 Mar 2026 09:00:00 +0000`,
      `Message-ID: <${index}.bench@client.test>`,
      'Date: Mon, 2 Mar 2026 09:00:00 +0000',
      `From: "Jan Kowalski" <jan.${index}@client.test>`,
      `To: "Sales" <${STORE_USER}>`,
      `Subject: Order ${index}: delivery next week`,
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: 7bit',
      '',
      `Hello,\r\n\r\nplease find the details of order ${index} below. ${'Delivery, invoice and the usual terms apply. '.repeat(14)}\r\n\r\nRegards,\r\nJan`,
      '',
    ].join('\r\n'),
  );
}

const count = Number(countArgument ?? 100_000);
const server = new MockMailServer({ clock: () => new Date('2026-03-02T10:00:00Z'), transcripts: false });
server.addAccount(STORE_USER, STORE_PASSWORD);
let storeBytes = 0;
for (let i = 1; i <= count; i++) {
  const raw = message(i);
  storeBytes += raw.length;
  server.deliver(raw, { to: [STORE_USER] });
}
const { imapPort } = await server.start();
collect();
emit({ event: 'ready', imapPort, count, storeBytes, rss: process.memoryUsage().rss, heap: process.memoryUsage().heapUsed });
const input = createInterface({ input: process.stdin });
let heapPeak = 0;
let sampler: NodeJS.Timeout | undefined;
let cpuFrom = process.cpuUsage();
input.on('line', (line) => {
  if (line.trim() === 'sample') {
    cpuFrom = process.cpuUsage();
    heapPeak = process.memoryUsage().heapUsed;
    sampler = setInterval(() => (heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed)), 10);
  }
  if (line.trim() !== 'gc') return;
  clearInterval(sampler);
  const cpu = process.cpuUsage(cpuFrom);
  collect();
  emit({ event: 'rss', rss: process.memoryUsage().rss, heap: process.memoryUsage().heapUsed, heapPeak, cpuMs: (cpu.user + cpu.system) / 1000 });
});
input.on('close', () => {
  void server.stop().then(() => process.exit(0));
});
