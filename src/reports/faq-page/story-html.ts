import type { ScenarioStory } from '../../simulation/scenario-story.ts';
import type { Attachment } from '../run/run-model.ts';
import { escapeHtml, timeHtml } from './html.ts';

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

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function emailsTable(story: ScenarioStory): string {
  if (story.emails.length === 0) return '<p>No e-mail reached the mail server.</p>';
  const rows = story.emails.map((e) =>
    `<tr><td>${timeHtml(e.at)}</td><td>${escapeHtml(e.from)}</td><td>${escapeHtml(e.to.join(', '))}</td><td>${escapeHtml(e.subject)}</td>`
    + `<td>${e.mailbox === 'outbox' ? 'outbox (another domain)' : `${escapeHtml(e.mailbox)} / ${escapeHtml(e.folder)}`}</td></tr>`).join('');
  return '<table><caption>E-mails on the mail server</caption><thead><tr><th scope="col">received</th><th scope="col">from</th>'
    + `<th scope="col">to</th><th scope="col">subject</th><th scope="col">mailbox / folder</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function intakeList(story: ScenarioStory): string {
  const synced = story.intake.map((i) => `<li><span class="${i.saved ? 'yes' : 'no'}">${i.saved ? '✔ saved' : '✘ not saved'}</span> `
    + `“${escapeHtml(i.subject)}” in ${escapeHtml(i.mailbox)} / ${escapeHtml(i.folder)}: ${escapeHtml(i.outcome)}</li>`);
  const byHand = story.activities.filter((a) => a.savedBy).map((a) => `<li><span class="yes">✔ saved by hand</span> `
    + `“${escapeHtml(a.subject)}” by ${escapeHtml(a.savedBy!)} (“Save to CRM”), bound to ${escapeHtml(a.boundTo.join(', '))}</li>`);
  if (synced.length + byHand.length === 0) return '';
  return `<h4>What the CRM did with the e-mails</h4><ul class="plain">${[...synced, ...byHand].join('')}</ul>`;
}

function itemsList(story: ScenarioStory): string {
  if (story.items.length === 0) return '<h4>CRM items afterwards</h4><p>None.</p>';
  const items = story.items.map((item) => {
    const timeline = item.timeline.length
      ? `<ol class="timeline">${item.timeline.map((t) => `<li>${timeHtml(t.at)} ${escapeHtml(t.entry)}</li>`).join('')}</ol>`
      : '<p>Nothing on its timeline.</p>';
    return `<li><strong>${escapeHtml(item.ref)}</strong> “${escapeHtml(item.title)}”, responsible ${escapeHtml(item.responsible)}`
      + `${item.details ? ` <span class="details">(${escapeHtml(item.details)})</span>` : ''}${timeline}</li>`;
  }).join('');
  return `<h4>CRM items afterwards, with their timelines</h4><ul class="plain">${items}</ul>`;
}

/** What happened in the scenario, folded away until opened (works without JavaScript). */
export function storyHtml(story: ScenarioStory | undefined): string {
  if (!story) return '';
  return `<details class="story"><summary>What happened: ${plural(story.emails.length, 'e-mail')}, ${plural(story.activities.length, 'activity').replace('activitys', 'activities')}, ${plural(story.items.length, 'item')}</summary>`
    + `${emailsTable(story)}${intakeList(story)}${itemsList(story)}</details>`;
}
