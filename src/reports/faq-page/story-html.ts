import type { ScenarioStory, StoryItem, StoryTimelineEntry } from '../../simulation/scenario-story.ts';
import type { ReadableMessage } from '../email/readable-message.ts';
import type { Attachment, StepOutcome } from '../run/run-model.ts';
import { emailBodyHtml } from './email-html.ts';
import { escapeHtml, timeHtml } from './html.ts';
import { NOT_SAVED_PL, STEP_STATUS, both, bothHtml, itemRefPl } from './i18n.ts';

/** The media type the After hook attaches stories with (src/simulation/scenario-story.ts). */
export const STORY_MEDIA_TYPE = 'application/vnd.crm-email.story+json';

/** The scenario's story, if it carries a readable one. */
export function storyOf(attachments: readonly Attachment[]): ScenarioStory | undefined {
  const attachment = attachments.find((a) => a.mediaType === STORY_MEDIA_TYPE);
  if (!attachment) return undefined;
  try {
    const story = JSON.parse(attachment.body) as ScenarioStory;
    return story && story.version === 1 && Array.isArray(story.emails) && Array.isArray(story.items) ? story : undefined;
  } catch {
    return undefined;
  }
}

/** The id of a scenario's n-th e-mail on the page (and in the map of readable messages). */
export const emailAnchor = (scenarioAnchor: string, index: number) => `${scenarioAnchor}-m${index + 1}`;

const count = (n: number, en: [string, string], pl: [string, string, string]) => {
  // Polish: 1 e-mail, 2–4 e-maile, 5+ e-maili (12–14 too).
  const plForm = n === 1 ? pl[0] : n % 10 >= 2 && n % 10 <= 4 && (n % 100 < 12 || n % 100 > 14) ? pl[1] : pl[2];
  return bothHtml(`${n} ${n === 1 ? en[0] : en[1]}`, `${n} ${plForm}`);
};

function stepsList(steps: readonly StepOutcome[]): string {
  if (steps.length === 0) return '';
  const rows = steps.map((s) => {
    const table = s.table?.length ? `<table class="step-table"><tbody>${s.table.map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`).join('')}</tbody></table>` : '';
    return `<li class="step ${s.status}"><span class="kw">${escapeHtml(s.keyword)}</span> ${escapeHtml(s.text)} <span class="step-status">${both(STEP_STATUS[s.status])}</span>`
      + `${s.line ? ` <span class="details">:${s.line}</span>` : ''}${table}</li>`;
  }).join('');
  return `<h4>${bothHtml('The scenario, step by step', 'Scenariusz krok po kroku')}</h4><ol class="steps">${rows}</ol>`;
}

function emailsTable(story: ScenarioStory, anchor: string, readable: ReadonlyMap<string, ReadableMessage>): string {
  if (story.emails.length === 0) return `<p>${bothHtml('No e-mail reached the mail server.', 'Żaden e-mail nie dotarł do serwera poczty.')}</p>`;
  const rows = story.emails.map((e, i) => {
    const id = emailAnchor(anchor, i);
    const message = readable.get(id);
    const where = e.mailbox === 'outbox' ? bothHtml('outbox (another domain)', 'skrzynka nadawcza (inna domena)') : `${escapeHtml(e.mailbox)} / ${escapeHtml(e.folder)}`;
    const open = message
      ? `<tr class="email-row"><td colspan="5"><details class="email" id="${id}"><summary>${bothHtml('Read the e-mail', 'Przeczytaj e-mail')} “${escapeHtml(e.subject)}”</summary>${emailBodyHtml(message)}</details></td></tr>`
      : '';
    return `<tr><td>${timeHtml(e.at)}</td><td>${escapeHtml(e.from)}</td><td>${escapeHtml(e.to.join(', '))}</td><td>${escapeHtml(e.subject)}</td><td>${where}</td></tr>${open}`;
  }).join('');
  return `<table class="emails"><caption>${bothHtml('E-mails on the mail server', 'E-maile na serwerze poczty')}</caption><thead><tr>`
    + `<th scope="col">${bothHtml('received', 'odebrano')}</th><th scope="col">${bothHtml('from', 'od')}</th><th scope="col">${bothHtml('to', 'do')}</th>`
    + `<th scope="col">${bothHtml('subject', 'temat')}</th><th scope="col">${bothHtml('mailbox / folder', 'skrzynka / folder')}</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function intakeList(story: ScenarioStory): string {
  const synced = story.intake.map((i) => {
    const where = `“${escapeHtml(i.subject)}” ${bothHtml('in', 'w')} ${escapeHtml(i.mailbox)} / ${escapeHtml(i.folder)}`;
    if (i.saved) {
      const to = i.savedTo ?? [i.outcome.replace(/^saved to /, '')];
      return `<li><span class="yes">${bothHtml('✔ saved', '✔ zapisany')}</span> ${where}: ${bothHtml(`saved to ${escapeHtml(to.join(', '))}`, `zapisany w: ${escapeHtml(to.map(itemRefPl).join(', '))}`)}</li>`;
    }
    const pl = (i.reason && NOT_SAVED_PL[i.reason]) ?? i.outcome;
    return `<li><span class="no">${bothHtml('✘ not saved', '✘ niezapisany')}</span> ${where}: ${bothHtml(escapeHtml(i.outcome), escapeHtml(pl))}</li>`;
  });
  const byHand = story.activities.filter((a) => a.savedBy).map((a) => `<li><span class="yes">${bothHtml('✔ saved by hand', '✔ zapisany ręcznie')}</span> `
    + `“${escapeHtml(a.subject)}”: ${bothHtml(`by ${escapeHtml(a.savedBy!)} (“Save to CRM”), bound to ${escapeHtml(a.boundTo.join(', '))}`, `przez ${escapeHtml(a.savedBy!)} („Zapisz do CRM”), przypisany do: ${escapeHtml(a.boundTo.map(itemRefPl).join(', '))}`)}</li>`);
  if (synced.length + byHand.length === 0) return '';
  return `<h4>${bothHtml('What the CRM did with the e-mails', 'Co CRM zrobił z e-mailami')}</h4><ul class="plain">${[...synced, ...byHand].join('')}</ul>`;
}

function timelineEntry(t: StoryTimelineEntry): string {
  if (t.kind === 'email' && t.direction !== undefined) {
    const pl = `E-mail „${t.subject}”, ${t.direction === 'incoming' ? 'przychodzący' : 'wychodzący'}, ${t.completed ? 'zakończony' : 'zaplanowany'}, odpowiedzialny ${t.responsible}`;
    return bothHtml(escapeHtml(t.entry), escapeHtml(pl));
  }
  if (t.kind === 'system' && t.title) {
    const title = t.title === 'New e-mail' ? 'Nowy e-mail' : t.title;
    return bothHtml(escapeHtml(t.entry), escapeHtml(`${title} „${t.subject}” (wpis: ${t.author})`));
  }
  return escapeHtml(t.entry);
}

function itemHtml(item: StoryItem): string {
  const timeline = item.timeline.length
    ? `<ol class="timeline">${item.timeline.map((t) => `<li>${timeHtml(t.at)} ${timelineEntry(t)}</li>`).join('')}</ol>`
    : `<p>${bothHtml('Nothing on its timeline.', 'Oś czasu jest pusta.')}</p>`;
  const origin = item.origin === 'created'
    ? `<span class="origin created">${bothHtml('created in this scenario', 'utworzony w tym scenariuszu')}</span> `
    : item.origin === 'existed-before' ? `<span class="origin existed">${bothHtml('existed before', 'istniał wcześniej')}</span> ` : '';
  return `<li>${origin}<strong>${bothHtml(escapeHtml(item.ref), escapeHtml(itemRefPl(item.ref)))}</strong> “${escapeHtml(item.title)}”, ${bothHtml('responsible', 'odpowiedzialny')} ${escapeHtml(item.responsible)}`
    + `${item.details ? ` <span class="details">(${escapeHtml(item.details)})</span>` : ''}${timeline}</li>`;
}

function itemsList(story: ScenarioStory): string {
  const heading = `<h4>${bothHtml('CRM items afterwards, with their timelines', 'Elementy CRM na końcu, z osiami czasu')}</h4>`;
  if (story.items.length === 0) return `${heading}<p>${bothHtml('None.', 'Brak.')}</p>`;
  // What the scenario made comes first: that is what it is about (Q9: the duplicate contact).
  const ordered = [...story.items.filter((i) => i.origin === 'created'), ...story.items.filter((i) => i.origin !== 'created')];
  return `${heading}<ul class="plain">${ordered.map(itemHtml).join('')}</ul>`;
}

/** What happened in the scenario, folded away until opened: its steps, e-mails, what the CRM did, its items. */
export function storyHtml(story: ScenarioStory | undefined, steps: readonly StepOutcome[], anchor: string, readable: ReadonlyMap<string, ReadableMessage>): string {
  if (!story && steps.length === 0) return '';
  const summary = story
    ? `${bothHtml('What happened', 'Co się stało')}: ${count(story.emails.length, ['e-mail', 'e-mails'], ['e-mail', 'e-maile', 'e-maili'])}, `
      + `${count(story.activities.length, ['activity', 'activities'], ['aktywność', 'aktywności', 'aktywności'])}, ${count(story.items.length, ['item', 'items'], ['element', 'elementy', 'elementów'])}`
    : bothHtml('What happened', 'Co się stało');
  const body = story ? `${emailsTable(story, anchor, readable)}${intakeList(story)}${itemsList(story)}` : '';
  return `<details class="story"><summary>${summary}</summary>${stepsList(steps)}${body}</details>`;
}
