import type { EmployeeDirectory } from '../employees/employee-directory.ts';
import { CrmError } from '../errors.ts';
import type { Company } from './company.ts';
import type { Contact } from './contact.ts';
import { parseDealStage, type Deal, type DealStage } from './deal.ts';
import { emailValues, mergeEmails, type EmailInput } from './email-value.ts';
import type { ItemRef } from './item-ref.ts';
import type { CrmItem, ItemStore } from './item-store.ts';
import { parseLeadStatus, type Lead, type LeadStatus } from './lead.ts';

/** Fields every item input shares; "Available to everyone" defaults to on (reference §1.3 rule 18). */
export interface ItemInput {
  responsibleId: number;
  availableToEveryone?: boolean;
}

export interface ContactInput extends ItemInput {
  name: string;
  emails?: readonly EmailInput[];
  companyId?: number;
  source?: string;
}

export interface CompanyInput extends ItemInput {
  title: string;
  emails?: readonly EmailInput[];
}

export interface LeadInput extends ItemInput {
  title: string;
  name?: string;
  emails?: readonly EmailInput[];
  /** A product status name; "Unassigned" if omitted. Any status may be set up, "Good lead" too. */
  status?: LeadStatus | string;
  source?: string;
  contactId?: number;
  companyId?: number;
  isReturnCustomer?: boolean;
}

export interface DealInput extends ItemInput {
  title: string;
  stage?: DealStage | string;
  contactIds?: readonly number[];
  companyId?: number;
  leadId?: number;
  isReturnCustomer?: boolean;
}

/** A deal's "Client" field: its contacts and/or its company (faq-rules §0, R8.2). */
export interface DealClient {
  contactIds?: readonly number[];
  companyId?: number;
}

/**
 * Creating and changing items as the item forms do: every reference must exist, names and titles
 * must be filled in, e-mail values must be addresses of a known type. Refusals are CrmErrors.
 */
export class ItemService {
  private readonly store: ItemStore;
  private readonly directory: EmployeeDirectory;

  constructor(store: ItemStore, directory: EmployeeDirectory) {
    this.store = store;
    this.directory = directory;
  }

  addContact(input: ContactInput): Contact {
    if (input.companyId !== undefined) this.store.get('company', input.companyId);
    return this.store.add('contact', {
      ...this.common(input),
      name: required(input.name, 'contact', 'name'),
      emails: emailValues(input.emails),
      ...(input.companyId !== undefined && { companyId: input.companyId }),
      ...(input.source !== undefined && { source: input.source }),
    });
  }

  addCompany(input: CompanyInput): Company {
    return this.store.add('company', { ...this.common(input), title: required(input.title, 'company', 'title'), emails: emailValues(input.emails) });
  }

  addLead(input: LeadInput): Lead {
    if (input.contactId !== undefined) this.store.get('contact', input.contactId);
    if (input.companyId !== undefined) this.store.get('company', input.companyId);
    return this.store.add('lead', {
      ...this.common(input),
      title: required(input.title, 'lead', 'title'),
      ...(input.name !== undefined && { name: input.name }),
      emails: emailValues(input.emails),
      status: parseLeadStatus(input.status ?? 'Unassigned'),
      ...(input.source !== undefined && { source: input.source }),
      ...(input.contactId !== undefined && { contactId: input.contactId }),
      ...(input.companyId !== undefined && { companyId: input.companyId }),
      isReturnCustomer: input.isReturnCustomer ?? false,
    });
  }

  addDeal(input: DealInput): Deal {
    const client = this.client(input);
    if (input.leadId !== undefined) this.store.get('lead', input.leadId);
    return this.store.add('deal', {
      ...this.common(input),
      title: required(input.title, 'deal', 'title'),
      stage: parseDealStage(input.stage ?? 'New'),
      ...client,
      ...(input.leadId !== undefined && { leadId: input.leadId }),
      isReturnCustomer: input.isReturnCustomer ?? false,
    });
  }

  /**
   * Moves a lead to another status. "Good lead" means converted, which only conversion does, so
   * that the deal and contact it promises exist: CRM.CONVERT_LEAD_INSTEAD.
   */
  setLeadStatus(id: number, status: LeadStatus | string): Lead {
    const parsed = parseLeadStatus(status);
    const lead = this.store.get('lead', id);
    if (parsed === 'Good lead' && lead.status !== 'Good lead') {
      throw new CrmError('CRM.CONVERT_LEAD_INSTEAD', `Lead "${lead.title}" becomes "Good lead" by converting it to a deal, not by setting the status.`);
    }
    return this.store.update('lead', id, { status: parsed });
  }

  setDealStage(id: number, stage: DealStage | string): Deal {
    const parsed = parseDealStage(stage);
    this.store.get('deal', id);
    return this.store.update('deal', id, { stage: parsed });
  }

  /** Fills in the deal's "Client" field; what is given replaces what was there (R8.2). */
  setDealClient(id: number, client: DealClient): Deal {
    this.store.get('deal', id);
    const checked = this.client(client);
    return this.store.update('deal', id, { contactIds: checked.contactIds, companyId: checked.companyId });
  }

  setResponsible(ref: ItemRef, employeeId: number): CrmItem {
    this.directory.get(employeeId);
    this.store.item(ref);
    return this.store.update(ref.type, ref.id, { responsibleId: employeeId });
  }

  setAvailableToEveryone(ref: ItemRef, available: boolean): CrmItem {
    this.store.item(ref);
    return this.store.update(ref.type, ref.id, { availableToEveryone: available });
  }

  /** Adds e-mail values to a lead, contact or company; an address already there is not added twice. */
  addEmails(ref: ItemRef, emails: readonly EmailInput[]): CrmItem {
    if (ref.type === 'deal') {
      throw new CrmError('CRM.INVALID_EMAIL_VALUE', 'A deal has no e-mail values of its own; add them to its contact or company.');
    }
    const item = this.store.get(ref.type, ref.id);
    return this.store.update(ref.type, ref.id, { emails: mergeEmails(item.emails, emailValues(emails)) });
  }

  private common(input: ItemInput): { responsibleId: number; availableToEveryone: boolean } {
    this.directory.get(input.responsibleId);
    return { responsibleId: input.responsibleId, availableToEveryone: input.availableToEveryone ?? true };
  }

  private client(input: DealClient): { contactIds: number[]; companyId?: number } {
    for (const id of input.contactIds ?? []) this.store.get('contact', id);
    if (input.companyId !== undefined) this.store.get('company', input.companyId);
    return { contactIds: [...new Set(input.contactIds ?? [])], ...(input.companyId !== undefined && { companyId: input.companyId }) };
  }
}

function required(value: string, type: string, field: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new CrmError('CRM.MISSING_ITEM_FIELD', `A ${type} needs a ${field}.`);
  }
  return value;
}
