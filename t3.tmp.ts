const t0 = performance.now();
await import('./src/crm/index.ts');
const t1 = performance.now();
await import('./mock-servers/index.ts');
const t2 = performance.now();
await import('./src/simulation/index.ts');
const t3 = performance.now();
console.log({ crm: t1 - t0 | 0, mock: t2 - t1 | 0, sim: t3 - t2 | 0 });
