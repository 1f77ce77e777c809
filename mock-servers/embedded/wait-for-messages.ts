import type { MailStore } from '../store/index.ts';
import { matches, summarise, type MessageMatch, type MessageSummary } from './message-summary.ts';

export interface WaitForMessagesOptions {
  /** How many matching messages to wait for (default 1). */
  readonly count?: number;
  /** Which messages count: fields that must all match, or any test of your own. */
  readonly match?: MessageMatch | ((message: MessageSummary) => boolean);
  /** Fails the wait after this long (default 5000 ms): a guard against a hang, never a pace. */
  readonly timeoutMs?: number;
}

/** Every message in the store, summarised, account by account and folder by folder. */
export function allMessages(store: MailStore): MessageSummary[] {
  return store.allAccounts.flatMap((account) => account.folders.flatMap((folder) => folder.messages.map((message) => summarise(account, folder, message))));
}

/**
 * Resolves with the matching messages once there are at least `count` of them, counting those
 * already stored. Driven by the store's change events (a delivery, an APPEND, a move, a flag
 * change can each make a message match), never by polling.
 */
export function waitForMessages(store: MailStore, options: WaitForMessagesOptions = {}): Promise<MessageSummary[]> {
  const count = options.count ?? 1;
  const timeoutMs = options.timeoutMs ?? 5000;
  const match = options.match ?? {};
  const accepts = typeof match === 'function' ? match : (message: MessageSummary) => matches(message, match);
  const found = () => allMessages(store).filter(accepts);
  const now = found();
  if (now.length >= count) return Promise.resolve(now);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      stop();
      const seen = found();
      reject(new Error(`Waited ${timeoutMs} ms for ${count} matching message(s), found ${seen.length}${seen.length ? `: ${seen.map((m) => `"${m.subject}" in ${m.account}/${m.folder}`).join(', ')}` : ''}`));
    }, timeoutMs);
    const stop = store.onChange(() => {
      const current = found();
      if (current.length < count) return;
      clearTimeout(timer);
      stop();
      resolve(current);
    });
  });
}
