// Loaded with --import into a child process the benchmark times (suite-process.ts): as the process
// exits it writes its own CPU time, all threads, to the file BENCH_CPU_FILE names.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  if (process.env.BENCH_CPU_FILE) writeFileSync(process.env.BENCH_CPU_FILE, JSON.stringify(process.cpuUsage()));
});
