import type { MailboxFolder } from './folder-path.ts';
import type { MailboxSettings } from './mailbox-settings.ts';

/**
 * The CRM's view of a connected mailbox at one moment. A snapshot: ask the CRM again after a
 * change.
 */
export interface ConnectedMailbox {
  readonly id: number;
  readonly address: string;
  /** The employee who connected it, shown as its owner; author of its "New e-mail" entries (R4.2). */
  readonly connectorId: number;
  /** Who may open the mailbox and press "Save to CRM" (R3.1); always includes the connector. */
  readonly accessList: readonly number[];
  /** The folders the connector listed on the server; empty until it has. */
  readonly folders: readonly MailboxFolder[];
  readonly settings: MailboxSettings;
  /** When it was connected: "Process e-mails for the last N days" counts back from here (R1.4). */
  readonly connectedAt: Date;
}
