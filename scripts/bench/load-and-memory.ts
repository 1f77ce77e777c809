/**
 * The rows of `npm run bench` that measure holding up rather than speed: SMTP under many
 * clients (smtp-load.ts) and a folder of 100,000 messages (store-at-scale.ts). Each figure comes
 * with the baseline it is read against, measured in the same run.
 */
import type { SmtpLoad } from './smtp-load.ts';
import type { StoreAtScale } from './store-at-scale.ts';

const integer = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });

function mb(bytes: number | undefined): string {
  return bytes === undefined ? '–' : `${integer.format(bytes / 1048576)} MB`;
}

function ratio(value: number | undefined, base: number | undefined): string {
  if (value === undefined || base === undefined || base === 0) return '–';
  const r = value / base;
  return `${r >= 10 ? r.toFixed(0) : r.toFixed(2)}×`;
}

export function loadTable(load: { readonly many: SmtpLoad; readonly one: SmtpLoad } | undefined, store: StoreAtScale | undefined): string {
  const rows = ['| Section | Measurement | Figures | Ratio (against what) |', '|---|---|---|---|'];
  if (load) {
    const rate = (run: SmtpLoad) => (run.messages / run.ms) * 1000;
    const { many, one } = load;
    rows.push(
      `| SMTP load | ${many.messages} messages from ${many.clients} clients at once | ${integer.format(rate(many))} msg/s; lost ${many.lost}, duplicated ${many.duplicated}; RSS ${mb(many.rssIdle)} idle, ${mb(many.rssPeak)} peak | ${ratio(rate(many), rate(one))} msg/s of the same messages from 1 client (${integer.format(rate(one))} msg/s; lost ${one.lost}, duplicated ${one.duplicated}) |`,
    );
  }
  if (store) {
    const grown = store.rssPeak === undefined ? undefined : store.rssPeak - store.rssFilled;
    rows.push(
      `| Store at scale | ${integer.format(store.messages)} messages (${mb(store.storeBytes)}), FETCH 1:* (UID FLAGS ENVELOPE) | RSS ${mb(store.rssFilled)} filled; FETCH ${integer.format(store.fetchMs)} ms; RSS peak ${mb(store.rssPeak)}; heap ${mb(store.heapFilled)} filled, ${mb(store.heapAfter)} after | peak − filled = ${ratio(grown, store.storeBytes)} the store's size; heap after ÷ filled ${ratio(store.heapAfter, store.heapFilled)} |`,
    );
  }
  return rows.join('\n');
}
