import type { MailStoreEvent } from '../store/index.ts';
import { summariseOutbound, summariseStored } from './views.ts';
import type { MailServerControl } from './mail-server-control.ts';

/** One event of `GET /api/v1/events` (Server-Sent Events): its name and its JSON data. */
export interface ApiEvent {
  readonly id: number;
  readonly type: string;
  readonly data: object;
}

/**
 * What happens to the mail, as events a browser or a test can follow: every change of the
 * store (whoever made it: SMTP, IMAP, the API, a test in code), mail kept in the outbox, and
 * what the API itself did (accounts, faults, reset, restore).
 */
export class ApiEvents {
  private readonly listeners = new Set<(event: ApiEvent) => void>();
  private lastId = 0;
  private readonly detach: Array<() => void> = [];

  constructor(control: MailServerControl) {
    this.detach.push(control.store.onChange((event) => this.fromStore(event)));
    this.detach.push(control.onDelivery((delivery) => {
      if (delivery.remote.length === 0 || this.listeners.size === 0) return;
      const kept = control.outbox.messages.at(-1);
      if (kept) this.emit('outbox-added', summariseOutbound(kept));
    }));
  }

  subscribe(listener: (event: ApiEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(type: string, data: object): void {
    const event: ApiEvent = { id: ++this.lastId, type, data };
    for (const listener of [...this.listeners]) listener(event);
  }

  close(): void {
    for (const stop of this.detach.splice(0)) stop();
    this.listeners.clear();
  }

  private fromStore(event: MailStoreEvent): void {
    // Nobody listening (no page, no event stream open): a delivery costs nothing more.
    if (this.listeners.size === 0) return;
    const where = event.kind === 'subscriptions-changed'
      ? { account: event.account.address }
      : { account: event.account.address, folder: event.folder.name };
    switch (event.kind) {
      case 'message-added':
        return this.emit('message-added', { ...where, message: summariseStored(event.account, event.folder, event.message) });
      case 'messages-expunged':
      case 'flags-changed':
        return this.emit(event.kind, { ...where, uids: event.messages.map((message) => message.uid) });
      case 'folder-renamed':
        return this.emit(event.kind, { ...where, oldName: event.oldName });
      default:
        return this.emit(event.kind, where);
    }
  }
}
