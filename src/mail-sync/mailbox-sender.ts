import { appendToFolder, type AppendRequest, type AppendResult } from './append-to-folder.ts';
import { composeMessage } from './compose-message.ts';
import type { ImapAccount } from './sync-types.ts';
import { SmtpSender, type OutgoingEmail, type SendResult } from './smtp-sender.ts';

export interface MailboxSendRequest extends OutgoingEmail {
  /** The mailbox's Sent folder by its settings; the server's \Sent folder when omitted. */
  sentFolder?: string;
}

/** Whether the copy reached the Sent folder; the mail has gone out either way. */
export type SentCopy = ({ filed: true } & AppendResult) | { filed: false; reason: string };

export interface MailboxSendResult {
  smtp: SendResult;
  sentCopy: SentCopy;
}

/**
 * The connector's sending half for one mailbox: submits over SMTP as the mailbox's account, then
 * files the same bytes in its Sent folder over IMAP (R8.5). When SMTP refuses, the promise rejects
 * and nothing is filed. When only the filing fails, the mail has still gone out, so the result says
 * so instead of rejecting, as a mail client reports "sent, but not copied to Sent".
 */
export class MailboxSender {
  private readonly smtp: SmtpSender;
  private readonly fileSentCopy: (request: AppendRequest) => Promise<AppendResult>;
  private readonly envelopeFrom: string;

  /**
   * `fileSentCopy` files the Sent copy, on the mailbox's open IMAP session where there is one
   * (MailboxSync.append); without it each copy is filed over a connection of its own.
   */
  constructor(options: { smtp: { host: string; port: number }; imap: ImapAccount; fileSentCopy?: (request: AppendRequest) => Promise<AppendResult> }) {
    const { imap } = options;
    this.fileSentCopy = options.fileSentCopy ?? ((request) => appendToFolder(imap, request));
    this.envelopeFrom = imap.user;
    this.smtp = new SmtpSender({ ...options.smtp, auth: { user: imap.user, password: imap.password } });
  }

  async send(request: MailboxSendRequest): Promise<MailboxSendResult> {
    const { sentFolder, ...email } = request;
    const raw = await composeMessage(email);
    const recipients = [email.to, email.cc ?? []].flat().map(envelopeAddress);
    const smtp = await this.smtp.sendRaw({ from: this.envelopeFrom, to: recipients }, raw);
    const sentCopy = await this.fileSentCopy({ raw, flags: ['\\Seen'], ...(sentFolder && { folder: sentFolder }), ...(email.date && { date: email.date }) }).then(
      (filed): SentCopy => ({ filed: true, ...filed }),
      (error: unknown): SentCopy => ({ filed: false, reason: error instanceof Error ? error.message : String(error) }),
    );
    return { smtp, sentCopy };
  }

  close(): void {
    this.smtp.close();
  }
}

/** "Name <a@b>" or "a@b" → "a@b", the SMTP envelope's form (RFC 5321 §4.1.2). */
function envelopeAddress(recipient: string): string {
  const match = /<([^<>]+)>\s*$/.exec(recipient);
  return (match ? match[1]! : recipient).trim();
}
