import type { MockMailServer } from '../../mock-servers/index.ts';
import type { Crm, EmailActivity, ItemRef, RecipientChoice, SentFromForm } from '../crm/index.ts';
import { MailboxSender, type AppendRequest, type AppendResult, type MailboxSendResult } from '../mail-sync/index.ts';

/** How a mailbox files its sent mail, when it has its own way (undefined: a connection per copy). */
type SentFiler = (mailboxId: number) => ((request: AppendRequest) => Promise<AppendResult>) | undefined;

/** A recipient as an employee puts it in the To field of a CRM form. */
export type FormRecipient =
  /** The first address the form offers that is the item's client (R8.1), not an earlier e-mail's. */
  | { readonly kind: 'client' }
  /** A contact or company picked from the CRM by name (R8.3). */
  | { readonly kind: 'crm'; readonly name: string }
  /** Typed in, or To → Add → "Add new address" with a name (R8.2). */
  | { readonly kind: 'new-address'; readonly address: string; readonly name?: string }
  /** Picked from the mail address book, the blue icon (R8.3). */
  | { readonly kind: 'address-book'; readonly address: string };

export interface FormEmail {
  readonly senderId: number;
  readonly item: ItemRef;
  readonly to: readonly FormRecipient[];
  readonly cc?: readonly FormRecipient[];
  readonly subject: string;
  readonly text: string;
  /** The e-mail being answered, when the form replies (R8.6). */
  readonly parent?: EmailActivity;
}

/**
 * Sending from CRM forms (R8): the CRM decides what the e-mail is, then the mailbox's connector
 * really submits it over SMTP and files it in the Sent folder over IMAP, as the product does.
 */
export class FormSending {
  /** Every e-mail sent from a CRM form in this scenario, with what SMTP and IMAP answered. */
  readonly sent: Array<{ sent: SentFromForm; delivery: MailboxSendResult }> = [];
  private readonly crm: Crm;
  private readonly mail: MockMailServer;
  private readonly clientRef: (name: string) => ItemRef;
  private readonly senders = new Map<number, MailboxSender>();
  private readonly sentFiler: SentFiler;

  /** `sentFiler` gives the connected mailbox's way of filing in Sent: over its connector's IMAP session. */
  constructor(crm: Crm, mail: MockMailServer, clientRef: (name: string) => ItemRef, sentFiler: SentFiler = () => undefined) {
    this.crm = crm;
    this.mail = mail;
    this.clientRef = clientRef;
    this.sentFiler = sentFiler;
  }

  async send(email: FormEmail): Promise<SentFromForm> {
    const { senderId, item, parent } = email;
    const choices = (list: readonly FormRecipient[]) => list.flatMap((r) => this.recipientChoice(senderId, item, r));
    const sent = this.crm.sendEmailFromForm(senderId, {
      item,
      to: parent && email.to.length === 0 ? this.crm.replyRecipients(parent.id) : choices(email.to),
      ...(email.cc && { cc: choices(email.cc) }),
      subject: email.subject,
      text: email.text,
      ...(parent && { replyToActivityId: parent.id }),
    });
    const { message } = sent;
    const format = (a: { name?: string; address: string }) => (a.name ? `"${a.name.replace(/["\\]/g, '')}" <${a.address}>` : a.address);
    const delivery = await this.mailboxSender(message.mailboxId).send({
      from: format(message.from),
      to: message.to.map(format),
      ...(message.cc.length > 0 && { cc: message.cc.map(format) }),
      subject: message.subject,
      ...(message.text !== undefined && { text: message.text }),
      messageId: message.messageId,
      ...(message.inReplyTo !== undefined && { inReplyTo: message.inReplyTo }),
      ...(message.references.length > 0 && { references: [...message.references] }),
      date: message.date,
      sentFolder: message.sentFolder,
    });
    this.sent.push({ sent, delivery });
    return sent;
  }

  close(): void {
    for (const sender of this.senders.values()) sender.close();
  }

  /**
   * A recipient as the form's To field takes it. "Its client" is the first client address the form
   * offers, or nobody when it offers none (R8.1); an address-book pick must be in the mailbox's address book.
   */
  private recipientChoice(senderId: number, item: ItemRef, recipient: FormRecipient): RecipientChoice[] {
    switch (recipient.kind) {
      case 'client': {
        const first = this.crm.recipientOptions(item).find((o) => o.source === 'client');
        return first ? [{ kind: 'crm', item: first.item, address: first.address }] : [];
      }
      case 'crm':
        return [{ kind: 'crm', item: this.clientRef(recipient.name) }];
      case 'new-address':
        return [{ kind: 'new-address', address: recipient.address, ...(recipient.name !== undefined && { name: recipient.name }) }];
      case 'address-book': {
        const mailboxes = this.crm.mailboxes().filter((m) => m.accessList.includes(senderId));
        const entry = mailboxes.flatMap((m) => this.crm.addressBook(m.id)).find((a) => a.address === recipient.address);
        if (!entry) throw new Error(`${recipient.address} is not in the mail address book of the sender's mailboxes`);
        return [{ kind: 'address-book', address: entry.address, ...(entry.name !== undefined && { name: entry.name }) }];
      }
    }
  }

  private mailboxSender(mailboxId: number): MailboxSender {
    let sender = this.senders.get(mailboxId);
    if (!sender) {
      const mailbox = this.crm.mailboxById(mailboxId);
      const account = this.mail.store.account(mailbox.address);
      if (!account) throw new Error(`The mailbox ${mailbox.address} has no account on the mail server`);
      const { host, smtpPort, imapPort } = this.mail.address;
      const fileSentCopy = this.sentFiler(mailboxId);
      sender = new MailboxSender({
        smtp: { host, port: smtpPort },
        imap: { host, port: imapPort, user: account.address, password: account.password },
        ...(fileSentCopy && { fileSentCopy }),
      });
      this.senders.set(mailboxId, sender);
    }
    return sender;
  }
}
