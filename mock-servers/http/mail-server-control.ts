import type { AnotherClient } from '../embedded/another-client.ts';
import type { Transcript } from '../embedded/transcripts.ts';
import type { FaultPlan } from '../faults/index.ts';
import type { ListenerAddress, MailServerSnapshot } from '../mock-mail-server-types.ts';
import type { Outbox, SmtpDeliveryEvent } from '../smtp/index.ts';
import type { Account, MailStore } from '../store/index.ts';

/**
 * What the HTTP API needs of the mail server: the mock mail server hands it these, so the API
 * depends on no class of its own (and the server on nothing of HTTP but its listener).
 */
export interface MailServerControl {
  readonly store: MailStore;
  readonly outbox: Outbox;
  readonly faults: FaultPlan;
  readonly asAnotherClient: AnotherClient;
  onDelivery(listener: (event: SmtpDeliveryEvent) => void): () => void;
  /** Every open listener, HTTP included; throws before the server has started. */
  addresses(): ListenerAddress[];
  transcripts(): Transcript[];
  addAccount(address: string, password: string): Account;
  reset(): void;
  snapshot(): MailServerSnapshot;
  restore(snapshot: MailServerSnapshot): void;
  /** Largest message accepted (SMTP SIZE); imports obey it too. */
  readonly maxMessageSize: number;
}
