import type { EmailActivity } from '../activities/email-activity.ts';

/** Where to look for the words: the subject, the sender (name or address), the text, or all three (R9.2). */
export type SearchField = 'subject' | 'sender' | 'text' | 'anywhere';
export const SEARCH_FIELDS: readonly SearchField[] = ['subject', 'sender', 'text', 'anywhere'];

export interface EmailSearch {
  readonly words: string;
  readonly in?: SearchField;
}

/**
 * Folds case and diacritics, so "zapytanie" finds "Zapytanie" and "oferte" finds "ofertę"; a search
 * box in Polish must not make people type "ę". Ł/ł has no decomposition, so it is mapped by hand.
 */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[łŁ]/g, 'l')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

function stripHtml(html: string): string {
  return html.replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ').replace(/<[^>]*>/g, ' ').replace(/&nbsp;/g, ' ');
}

function haystack(activity: EmailActivity, field: SearchField): string {
  const sender = activity.from.map((a) => `${a.name ?? ''} ${a.address}`).join(' ');
  const text = activity.text ?? (activity.html === undefined ? '' : stripHtml(activity.html));
  switch (field) {
    case 'subject':
      return activity.subject;
    case 'sender':
      return sender;
    case 'text':
      return text;
    case 'anywhere':
      return `${activity.subject}\n${sender}\n${text}`;
  }
}

/**
 * The e-mails that contain every word of the search in the chosen field, newest first, as a mail
 * search lists them (R9.2). An empty search finds nothing rather than everything.
 */
export function searchEmails(activities: readonly EmailActivity[], search: EmailSearch): EmailActivity[] {
  const words = foldForSearch(search.words).split(' ').filter((w) => w !== '');
  if (words.length === 0) return [];
  const field = search.in ?? 'anywhere';
  return activities
    .filter((activity) => {
      const folded = foldForSearch(haystack(activity, field));
      return words.every((word) => folded.includes(word));
    })
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.id - a.id);
}
