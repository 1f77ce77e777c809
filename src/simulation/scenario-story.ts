import { headerValues } from '../../mock-servers/index.ts';
import { NOT_SAVED_EXPLANATIONS, formatRef, type Crm, type ItemRef, type TimelineEntry } from '../crm/index.ts';
import { decodeMimeWords } from './mime-words.ts';
import type { Simulation } from './simulation.ts';

/**
 * The story of a scenario, for the FAQ page: which e-mails went where, what the CRM made of
 * them, and the timeline of every item afterwards. Built at the end of the scenario from the
 * mail server's own store (what really arrived, in which folder, at which time), the outbox,
 * the connector's synchronisations, and the CRM. Attached to the scenario as JSON.
 */
export const STORY_MEDIA_TYPE = 'application/vnd.crm-email.story+json';

export interface StoryEmail {
  /** When the mail server received it (INTERNALDATE, from the virtual clock). */
  readonly at: string;
  readonly from: string;
  readonly to: readonly string[];
  readonly subject: string;
  /** The account that holds it, or "outbox" for mail to another domain. */
  readonly mailbox: string;
  readonly folder: string;
  /** The message as the server holds it, for reading it on the FAQ page (UTF-8, or base64 when it is not). */
  readonly raw?: string;
  readonly rawBase64?: string;
}

export interface StoryIntake {
  readonly mailbox: string;
  readonly folder: string;
  readonly subject: string;
  readonly saved: boolean;
  /** "saved to lead 1" or why it was not saved. */
  readonly outcome: string;
  /** Why it was not saved, as the CRM names the reason (NotSavedReason). */
  readonly reason?: string;
  /** The items it was saved to. */
  readonly savedTo?: readonly string[];
}

export interface StoryActivity {
  readonly id: number;
  readonly direction: string;
  readonly subject: string;
  readonly from: readonly string[];
  readonly to: readonly string[];
  readonly boundTo: readonly string[];
  readonly responsible: string;
  /** The employee who pressed "Save to CRM"; absent when a synchronisation saved it. */
  readonly savedBy?: string;
  readonly completed: boolean;
  readonly enteredCrm: string;
  readonly received: string;
}

export interface StoryItem {
  /** "lead 1". */
  readonly ref: string;
  readonly title: string;
  readonly responsible: string;
  readonly details: string;
  /** Whether it was there before the scenario's first action (a When step), or the scenario made it. */
  readonly origin?: 'existed-before' | 'created';
  readonly timeline: readonly StoryTimelineEntry[];
}

export interface StoryTimelineEntry {
  readonly at: string;
  /** The entry in English, as one line. */
  readonly entry: string;
  /** The same in parts, so a report can word it in another language. */
  readonly kind?: 'email' | 'system';
  readonly subject?: string;
  readonly direction?: string;
  readonly completed?: boolean;
  readonly responsible?: string;
  /** A system entry's title ("New e-mail") and author. */
  readonly title?: string;
  readonly author?: string;
}

export interface ScenarioStory {
  readonly version: 1;
  /** The virtual clock when the story was taken. */
  readonly at: string;
  readonly emails: readonly StoryEmail[];
  readonly intake: readonly StoryIntake[];
  readonly activities: readonly StoryActivity[];
  readonly items: readonly StoryItem[];
}

const header = (raw: Buffer, name: string) => headerValues(raw, name).map(decodeMimeWords).join(', ');
const addresses = (list: ReadonlyArray<{ name?: string; address: string }>) => list.map((a) => (a.name ? `${a.name} <${a.address}>` : a.address));

function employeeName(crm: Crm, id: number): string {
  try {
    return crm.employee(id).name;
  } catch {
    return `employee ${id}`;
  }
}

function itemsOf(crm: Crm): Array<{ ref: ItemRef; title: string; responsibleId: number; details: string }> {
  return [
    ...crm.deals().map((d) => ({ ref: { type: 'deal' as const, id: d.id }, title: d.title, responsibleId: d.responsibleId, details: [d.isReturnCustomer && 'repeat deal', `stage ${d.stage}`].filter(Boolean).join(', ') })),
    ...crm.leads().map((l) => ({ ref: { type: 'lead' as const, id: l.id }, title: l.title, responsibleId: l.responsibleId, details: [l.isReturnCustomer && 'repeat lead', `status ${l.status}`, l.source && `source ${l.source}`, ...l.emails.map((e) => `${e.value} (${e.type})`)].filter(Boolean).join(', ') })),
    ...crm.contacts().map((c) => ({ ref: { type: 'contact' as const, id: c.id }, title: c.name, responsibleId: c.responsibleId, details: c.emails.map((e) => `${e.value} (${e.type})`).join(', ') })),
    ...crm.companies().map((c) => ({ ref: { type: 'company' as const, id: c.id }, title: c.title, responsibleId: c.responsibleId, details: c.emails.map((e) => `${e.value} (${e.type})`).join(', ') })),
  ];
}

/** `lead "New order"`: an item as a product owner knows it, by its title or name; its id only if it is gone. */
function titledRef(crm: Crm, ref: ItemRef): string {
  try {
    const item = crm.item(ref);
    return `${ref.type} "${'title' in item ? item.title : item.name}"`;
  } catch {
    return formatRef(ref);
  }
}

function timelineParts(crm: Crm, entry: TimelineEntry): Omit<StoryTimelineEntry, 'at' | 'entry'> {
  const activity = crm.emailActivities().find((a) => a.id === entry.activityId);
  const subject = activity?.subject ?? `activity ${entry.activityId}`;
  if (entry.kind === 'system') return { kind: 'system', subject, title: entry.title, author: employeeName(crm, entry.authorId) };
  return activity
    ? { kind: 'email', subject, direction: activity.direction, completed: activity.completed, responsible: employeeName(crm, activity.responsibleId) }
    : { kind: 'email', subject };
}

/** Items by their reference ("lead 1"), to tell later which ones a scenario's action made. */
export function itemKeysOf(crm: Crm): ReadonlySet<string> {
  return new Set(itemsOf(crm).map((i) => formatRef(i.ref)));
}

function rawOf(raw: Buffer): Pick<StoryEmail, 'raw' | 'rawBase64'> {
  const limited = raw.length > RAW_KEPT ? raw.subarray(0, RAW_KEPT) : raw;
  const text = limited.toString('utf8');
  return Buffer.from(text, 'utf8').equals(limited) ? { raw: text } : { rawBase64: limited.toString('base64') };
}

/** Raw messages longer than this are kept cut (a scenario about size limits sends megabytes). */
const RAW_KEPT = 256 * 1024;

function timelineText(crm: Crm, entry: TimelineEntry): string {
  const activity = crm.emailActivities().find((a) => a.id === entry.activityId);
  const subject = activity ? `"${activity.subject}"` : `activity ${entry.activityId}`;
  if (entry.kind === 'system') return `${entry.title} ${subject} (entry by ${employeeName(crm, entry.authorId)})`;
  return activity
    ? `E-mail ${subject}, ${activity.direction}, ${activity.completed ? 'completed' : 'planned'}, responsible ${employeeName(crm, activity.responsibleId)}`
    : `E-mail ${subject}`;
}

export interface StoryOptions {
  /** Items there before the scenario's first action; absent when it had no action (all were set up). */
  readonly existedBefore?: ReadonlySet<string>;
}

export function buildScenarioStory(sim: Simulation, options: StoryOptions = {}): ScenarioStory {
  const { crm } = sim;
  const stored = sim.mail.store.allAccounts.flatMap((account) =>
    account.folders.flatMap((folder) =>
      folder.messages.map((m): StoryEmail => ({
        at: m.internalDate.toISOString(),
        from: header(m.raw, 'From'),
        to: headerValues(m.raw, 'To').map(decodeMimeWords),
        subject: header(m.raw, 'Subject'),
        mailbox: account.address,
        folder: folder.name,
        ...rawOf(m.raw),
      })),
    ),
  );
  const outbox = sim.mail.smtp.outbox.messages.map((m): StoryEmail => ({
    at: m.acceptedAt.toISOString(),
    from: header(m.raw, 'From') || m.mailFrom,
    to: [...m.recipients],
    subject: header(m.raw, 'Subject'),
    mailbox: 'outbox',
    folder: 'other domains',
    ...rawOf(m.raw),
  }));
  const intake = sim.synchronisations.flatMap((sync) =>
    sync.outcomes.map(({ outcome }): StoryIntake => ({
      mailbox: crm.mailboxById(outcome.mailboxMessage.mailboxId).address,
      folder: outcome.mailboxMessage.folder,
      subject: outcome.mailboxMessage.subject,
      saved: outcome.saved,
      outcome: outcome.saved ? `saved to ${outcome.activity.bindings.map((ref) => titledRef(crm, ref)).join(', ')}` : NOT_SAVED_EXPLANATIONS[outcome.reason],
      ...(outcome.saved ? { savedTo: outcome.activity.bindings.map((ref) => titledRef(crm, ref)) } : { reason: outcome.reason }),
    })),
  );
  const activities = crm.emailActivities().map((a): StoryActivity => ({
    id: a.id,
    direction: a.direction,
    subject: a.subject,
    from: addresses(a.from),
    to: addresses(a.to),
    boundTo: a.bindings.map((ref) => titledRef(crm, ref)),
    responsible: employeeName(crm, a.responsibleId),
    ...(a.savedById !== undefined && { savedBy: employeeName(crm, a.savedById) }),
    completed: a.completed,
    enteredCrm: a.createdAt.toISOString(),
    received: a.receivedAt.toISOString(),
  }));
  const items = itemsOf(crm).map((item): StoryItem => ({
    ref: formatRef(item.ref),
    title: item.title,
    responsible: employeeName(crm, item.responsibleId),
    details: item.details,
    origin: !options.existedBefore || options.existedBefore.has(formatRef(item.ref)) ? 'existed-before' : 'created',
    timeline: crm.timeline(item.ref).map((entry) => ({ at: entry.at.toISOString(), entry: timelineText(crm, entry), ...timelineParts(crm, entry) })),
  }));
  return {
    version: 1,
    at: sim.clock.now().toISOString(),
    emails: [...stored, ...outbox].sort((a, b) => a.at.localeCompare(b.at)),
    intake,
    activities,
    items,
  };
}

/** The CRM's state in plain text, attached to a failed scenario next to the mail traffic. */
export function renderCrmState(story: ScenarioStory): string {
  const time = (iso: string) => iso.slice(11, 19);
  const lines = [`CRM state at ${story.at}`, '', 'E-mails on the mail server:'];
  for (const e of story.emails) lines.push(`  ${time(e.at)}  ${e.mailbox}/${e.folder}  "${e.subject}"  from ${e.from} to ${e.to.join(', ')}`);
  if (story.emails.length === 0) lines.push('  none');
  lines.push('', 'What the CRM did with each synchronised e-mail:');
  for (const i of story.intake) lines.push(`  ${i.mailbox}/${i.folder}  "${i.subject}": ${i.outcome}`);
  if (story.intake.length === 0) lines.push('  nothing synchronised');
  lines.push('', 'E-mail activities:');
  for (const a of story.activities) {
    lines.push(`  #${a.id} ${a.direction} "${a.subject}"${a.savedBy ? ` saved by hand by ${a.savedBy},` : ''} bound to ${a.boundTo.join(', ')}; responsible ${a.responsible}; ${a.completed ? 'completed' : 'planned'}; entered CRM ${time(a.enteredCrm)}, received ${time(a.received)}`);
  }
  if (story.activities.length === 0) lines.push('  none');
  lines.push('', 'Items and their timelines:');
  for (const item of story.items) {
    lines.push(`  ${item.ref} "${item.title}" (responsible ${item.responsible}${item.details ? `; ${item.details}` : ''})`);
    for (const t of item.timeline) lines.push(`    ${time(t.at)}  ${t.entry}`);
  }
  if (story.items.length === 0) lines.push('  none');
  return `${lines.join('\n')}\n`;
}

/**
 * One item's timeline in plain text, for the message of a failed assertion about that item:
 * what the item is, then every entry in time order with the time of day (UTC).
 */
export function renderItemTimeline(crm: Crm, ref: ItemRef): string {
  const item = itemsOf(crm).find((i) => i.ref.type === ref.type && i.ref.id === ref.id);
  if (!item) return `${formatRef(ref)}: not in the CRM`;
  const entries = crm.timeline(ref).map((entry) => `    ${entry.at.toISOString().slice(11, 19)}  ${timelineText(crm, entry)}`);
  const heading = `  Timeline of the ${ref.type} "${item.title}" (responsible ${employeeName(crm, item.responsibleId)}${item.details ? `; ${item.details}` : ''}):`;
  return [heading, ...(entries.length > 0 ? entries : ['    (empty)'])].join('\n');
}
