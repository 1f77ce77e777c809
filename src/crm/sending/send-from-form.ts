import type { ActivityStore } from '../activities/activity-store.ts';
import { NO_SUBJECT, type EmailActivity } from '../activities/email-activity.ts';
import type { EmployeeDirectory } from '../employees/employee-directory.ts';
import { CrmError } from '../errors.ts';
import type { Clock } from '../ids.ts';
import type { Contact } from '../items/contact.ts';
import { workEmails } from '../items/email-value.ts';
import { sortBindings, type ItemRef } from '../items/item-ref.ts';
import type { ItemStore } from '../items/item-store.ts';
import { EMAIL_LEAD_SOURCE } from '../items/lead.ts';
import type { ConnectedMailbox } from '../mailboxes/connected-mailbox.ts';
import type { MailboxRegistry } from '../mailboxes/mailbox-registry.ts';
import type { AccessRights } from '../rights/access-rights.ts';
import type { Timelines } from '../timeline/timeline.ts';
import { crmMessageId, type OutgoingMessage } from './outgoing-message.ts';
import { planRecipient, type PlannedRecipient, type RecipientChoice } from './recipient-choice.ts';
import { itemLabel, sendingAvailability } from './recipient-options.ts';
import type { SendingSettings } from './sending-settings.ts';

/** "You cannot add more than 10 recipients" (reference §1.8 rule 47). */
export const MAX_RECIPIENTS = 10;

/** The e-mail form of a CRM item: Więcej > E-mail, as one employee fills it in. */
export interface SendFromFormInput {
  readonly item: ItemRef;
  /** The mailbox it is sent from; by default the first connected mailbox the sender may use. */
  readonly mailboxId?: number;
  readonly to: readonly RecipientChoice[];
  readonly cc?: readonly RecipientChoice[];
  readonly subject: string;
  readonly text?: string;
  readonly html?: string;
  /** The e-mail activity being answered ("Reply"), which stays open (R8.6). */
  readonly replyToActivityId?: number;
}

export interface SentFromForm {
  readonly activity: EmailActivity;
  /** Contacts created for addresses the CRM did not take as its own (R8.2, R8.3); not linked to the item. */
  readonly createdContacts: readonly Contact[];
  readonly message: OutgoingMessage;
}

export interface SendDeps {
  readonly clock: Clock;
  readonly items: ItemStore;
  readonly activities: ActivityStore;
  readonly timelines: Timelines;
  readonly mailboxes: MailboxRegistry;
  readonly employees: EmployeeDirectory;
  readonly rights: AccessRights;
  readonly settings: SendingSettings;
}

/**
 * Sends an e-mail from a CRM form (R8): checks everything first, so a refusal changes nothing; then
 * creates the contacts new addresses need, records the outgoing activity (completed at once,
 * responsible = the sender, bound to the item, its client and the recipients, R8.5) and returns the
 * message for the connector to send.
 */
export function sendFromForm(deps: SendDeps, senderId: number, input: SendFromFormInput): SentFromForm {
  const sender = deps.employees.get(senderId);
  const item = deps.items.item(input.item);
  if (!deps.rights.can(sender.id, 'edit', input.item)) {
    // Wording of the product's refusal (reference §1.8 rule 48).
    throw new CrmError('CRM.SEND_NOT_ALLOWED', `${sender.name} does not have permission to edit activities of the ${input.item.type} "${itemLabel(item)}", so cannot send e-mail from its form (R8.5).`);
  }
  const mailbox = senderMailbox(deps, sender.id, sender.name, input.mailboxId);
  const parent = input.replyToActivityId === undefined ? undefined : repliedActivity(deps, input.replyToActivityId, input.item);

  if (input.to.length === 0) {
    const availability = sendingAvailability(deps.items, deps.activities, input.item);
    const reason = availability.available ? 'Choose at least one recipient in the To field.' : availability.reason;
    throw new CrmError('CRM.SEND_NO_RECIPIENT', reason);
  }
  const allowed = deps.settings.allowSendingToArbitraryAddresses();
  const plan = (choice: RecipientChoice) => planRecipient(deps.items, choice, allowed);
  const to = distinct(input.to.map(plan));
  const cc = distinct((input.cc ?? []).map(plan)).filter((r) => !to.some((t) => sameAddress(t, r)));
  const planned = [...to, ...cc];
  if (planned.length > MAX_RECIPIENTS) {
    throw new CrmError('CRM.SEND_TOO_MANY_RECIPIENTS', `You cannot add more than ${MAX_RECIPIENTS} recipients; this e-mail has ${planned.length}.`);
  }

  const now = deps.clock();
  const createdContacts: Contact[] = [];
  const recipientRefs: ItemRef[] = [];
  for (const recipient of planned) {
    if (recipient.newContact) {
      // R8.2: the new contact joins the CRM but not the deal; it is linked only when chosen in "Client".
      const contact = deps.items.add('contact', {
        name: recipient.newContact.name,
        emails: workEmails([recipient.newContact.email]),
        source: EMAIL_LEAD_SOURCE,
        responsibleId: sender.id,
        availableToEveryone: true,
      });
      createdContacts.push(contact);
      recipientRefs.push({ type: 'contact', id: contact.id });
    } else if (recipient.item) {
      recipientRefs.push(recipient.item);
    }
  }

  const bindings = oneDealOneLead(sortBindings([input.item, ...clientOf(deps.items, input.item), ...(parent ? parent.bindings : []), ...recipientRefs]));
  const references = parent ? [...(parent.references ?? []), ...(parent.messageId ? [parent.messageId] : [])] : [];
  const subject = input.subject.trim() === '' ? NO_SUBJECT : input.subject;
  const recorded = deps.activities.add({
    direction: 'outgoing',
    subject,
    from: [{ name: sender.name, address: mailbox.address }],
    to: to.map((r) => r.address),
    cc: cc.map((r) => r.address),
    ...(parent?.messageId !== undefined && { inReplyTo: parent.messageId }),
    ...(references.length > 0 && { references }),
    bindings,
    responsibleId: sender.id, // R8.5; reference §1.6 rule 36
    authorId: sender.id,
    completed: true, // R8.5; reference §1.7 rule 40
    completedAt: now,
    createdAt: now,
    receivedAt: now,
    sentAt: now,
    ...(input.text !== undefined && { text: input.text }),
    ...(input.html !== undefined && { html: input.html }),
    mailboxId: mailbox.id,
  });
  const activity = deps.activities.replace({ ...recorded, messageId: crmMessageId(recorded.id, mailbox.address) });
  for (const ref of bindings) deps.timelines.add(ref, { kind: 'activity', at: now, activityId: activity.id });

  return {
    activity,
    createdContacts,
    message: {
      activityId: activity.id,
      mailboxId: mailbox.id,
      mailboxAddress: mailbox.address,
      sentFolder: mailbox.settings.sentFolder,
      from: activity.from[0]!,
      to: activity.to,
      cc: activity.cc,
      subject,
      ...(input.text !== undefined && { text: input.text }),
      ...(input.html !== undefined && { html: input.html }),
      messageId: activity.messageId!,
      ...(activity.inReplyTo !== undefined && { inReplyTo: activity.inReplyTo }),
      references,
      date: now,
    },
  };
}

/** The mailbox to send from: one the sender may use (reference §1.8 rule 47; §1.10 rule 58). */
function senderMailbox(deps: SendDeps, senderId: number, senderName: string, mailboxId: number | undefined): ConnectedMailbox {
  if (mailboxId !== undefined) {
    const mailbox = deps.mailboxes.get(mailboxId);
    if (deps.mailboxes.hasAccess(mailbox.id, senderId)) return mailbox;
    throw new CrmError('CRM.MAILBOX_ACCESS_DENIED', `${senderName} has no access to the mailbox ${mailbox.address}, so cannot send from it.`);
  }
  const usable = deps.mailboxes.all().find((m) => deps.mailboxes.hasAccess(m.id, senderId));
  if (usable) return usable;
  throw new CrmError('CRM.SEND_NO_MAILBOX', `${senderName} has no connected mailbox to send from: connect one in Mail, or ask for access to a shared one.`);
}

function repliedActivity(deps: SendDeps, activityId: number, item: ItemRef): EmailActivity {
  const parent = deps.activities.find(activityId);
  if (!parent) throw new CrmError('CRM.UNKNOWN_ACTIVITY', `There is no e-mail activity with id ${activityId}.`);
  if (!parent.bindings.some((b) => b.type === item.type && b.id === item.id)) {
    throw new CrmError('CRM.SEND_REPLY_NOT_IN_ITEM', `The e-mail "${parent.subject}" is not in this ${item.type}'s form, so it cannot be answered from it.`);
  }
  return parent;
}

/** A deal's client: its contacts and company (faq-rules §0). Other items are their own client. */
function clientOf(items: ItemStore, ref: ItemRef): ItemRef[] {
  if (ref.type !== 'deal') return [];
  const deal = items.get('deal', ref.id);
  return [...deal.contactIds.map((id): ItemRef => ({ type: 'contact', id })), ...(deal.companyId === undefined ? [] : [{ type: 'company', id: deal.companyId } as const])];
}

/** An e-mail has at most one deal and one lead binding (reference §1.2 rule 13, §1.8 rule 50). */
function oneDealOneLead(bindings: readonly ItemRef[]): ItemRef[] {
  return bindings.filter((ref, i) => (ref.type !== 'deal' && ref.type !== 'lead') || bindings.findIndex((b) => b.type === ref.type) === i);
}

function sameAddress(a: PlannedRecipient, b: PlannedRecipient): boolean {
  return a.address.address.toLowerCase() === b.address.address.toLowerCase();
}

/** The same address twice is one recipient. */
function distinct(recipients: readonly PlannedRecipient[]): PlannedRecipient[] {
  return recipients.filter((r, i) => recipients.findIndex((o) => sameAddress(o, r)) === i);
}
