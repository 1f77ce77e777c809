import type { ActivityStore } from '../activities/activity-store.ts';
import { CrmError } from '../errors.ts';
import type { Timelines } from '../timeline/timeline.ts';
import type { Contact } from './contact.ts';
import type { Deal } from './deal.ts';
import { sameRef, sortBindings, type ItemRef } from './item-ref.ts';
import type { ItemStore } from './item-store.ts';
import { isLeadInProgress, type Lead } from './lead.ts';

export interface ConversionDeps {
  readonly items: ItemStore;
  readonly activities: ActivityStore;
  readonly timelines: Timelines;
}

export interface ConvertLeadOptions {
  /** The deal's title; the lead's title if omitted. */
  dealTitle?: string;
}

export interface LeadConversion {
  readonly lead: Lead;
  readonly deal: Deal;
  readonly contact: Contact;
  /** False when the lead already named its client (a repeat lead), whose contact is reused. */
  readonly contactCreated: boolean;
}

/**
 * Converts an in-progress lead into a deal and a contact, as "Good lead" does in the product
 * (faq-rules §0): the deal remembers the lead, the lead becomes "Good lead", and the lead's
 * e-mails are bound to the deal and the contact as well, which is why "Change deal" is not
 * offered for them afterwards (R7.2). A repeat lead keeps its client instead of a new contact.
 */
export function convertLead(deps: ConversionDeps, leadId: number, options: ConvertLeadOptions = {}): LeadConversion {
  const lead = deps.items.get('lead', leadId);
  if (!isLeadInProgress(lead)) {
    throw new CrmError('CRM.LEAD_NOT_IN_PROGRESS', `Lead "${lead.title}" is closed ("${lead.status}"); only a lead in progress can be converted.`);
  }
  const existing = lead.contactId === undefined ? undefined : deps.items.get('contact', lead.contactId);
  const contact =
    existing ??
    deps.items.add('contact', {
      name: lead.name?.trim() || lead.title,
      emails: lead.emails,
      responsibleId: lead.responsibleId,
      availableToEveryone: lead.availableToEveryone,
      ...(lead.source !== undefined && { source: lead.source }),
      ...(lead.companyId !== undefined && { companyId: lead.companyId }),
    });
  const deal = deps.items.add('deal', {
    title: options.dealTitle?.trim() || lead.title,
    stage: 'New',
    contactIds: [contact.id],
    ...(lead.companyId !== undefined && { companyId: lead.companyId }),
    leadId: lead.id,
    isReturnCustomer: lead.isReturnCustomer,
    responsibleId: lead.responsibleId,
    availableToEveryone: lead.availableToEveryone,
  });
  const converted = deps.items.update('lead', lead.id, { status: 'Good lead' });
  bindLeadEmails(deps, { type: 'lead', id: lead.id }, [
    { type: 'deal', id: deal.id },
    { type: 'contact', id: contact.id },
  ]);
  return { lead: converted, deal, contact, contactCreated: existing === undefined };
}

/** Every e-mail of the lead gains the new items as bindings and shows on their timelines. */
function bindLeadEmails(deps: ConversionDeps, leadRef: ItemRef, added: readonly ItemRef[]): void {
  for (const activity of deps.activities.all()) {
    if (!activity.bindings.some((b) => sameRef(b, leadRef))) continue;
    const fresh = added.filter((ref) => !activity.bindings.some((b) => sameRef(b, ref)));
    deps.activities.update(activity.id, { bindings: sortBindings([...activity.bindings, ...fresh]) });
    for (const ref of fresh) deps.timelines.add(ref, { kind: 'activity', at: activity.createdAt, activityId: activity.id });
  }
}
