import { buildCorpus } from './corpus.ts';
import { loadTable } from './load-and-memory.ts';
import { withResources } from './resources.ts';
import { measureSmtpLoad } from './smtp-load.ts';
import { measureStoreAtScale } from './store-at-scale.ts';
const [m, c, s] = process.argv.slice(2).map(Number);
const out = await withResources(async (res) => {
  const corpus = buildCorpus({ count: m!, seed: 4 }).messages;
  const many = await measureSmtpLoad(corpus, c!, res);
  const one = await measureSmtpLoad(corpus, 1, res);
  const store = await measureStoreAtScale(s!, res);
  return loadTable({ many, one }, store);
});
console.log(out);
