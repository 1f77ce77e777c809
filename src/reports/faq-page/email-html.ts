import type { ReadableMessage } from '../email/readable-message.ts';
import { escapeHtml } from './html.ts';
import { bothHtml } from './i18n.ts';

/**
 * What an e-mail's HTML body may do on the page: nothing but show itself. The frame is sandboxed
 * (no scripts, no forms, no same-origin access) and its document forbids every load but inline
 * styles and data: images, so opening a message never reaches the network.
 */
export const EMAIL_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:";

const size = (bytes: number) => (bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} KB`);

export function emailBodyHtml(message: ReadableMessage): string {
  const headers = `<table class="headers"><tbody>${message.headers.map((h) => `<tr><th scope="row">${escapeHtml(h.name)}</th><td>${escapeHtml(h.value)}</td></tr>`).join('')}</tbody></table>`;
  const text = message.text !== undefined ? `<h5>${bothHtml('Text', 'Tekst')}</h5><pre class="body">${escapeHtml(message.text)}</pre>` : '';
  const html = message.html !== undefined
    ? `<h5>${bothHtml('HTML, shown without scripts or remote content', 'HTML, bez skryptów i zdalnych treści')}</h5>`
      + `<iframe class="html-body" sandbox="" referrerpolicy="no-referrer" title="HTML" srcdoc="${escapeHtml(`<!doctype html><meta http-equiv="Content-Security-Policy" content="${EMAIL_CSP}"><meta charset="utf-8">${message.html}`)}"></iframe>`
    : '';
  const attachments = message.attachments.length
    ? `<h5>${bothHtml('Attachments', 'Załączniki')}</h5><ul class="attachments">${message.attachments.map((a) => `<li>${escapeHtml(a.fileName)} <span class="details">(${escapeHtml(a.contentType)}, ${size(a.size)})</span></li>`).join('')}</ul>`
    : '';
  const raw = `<details class="raw"><summary>${bothHtml('Raw source', 'Źródło wiadomości')}${message.rawTruncated ? ' (…)' : ''}</summary><pre>${escapeHtml(message.raw)}</pre></details>`;
  return `<div class="email-view">${headers}${text}${html}${attachments}${raw}</div>`;
}
