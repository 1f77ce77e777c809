import type { CouldNotRunCause, Verdict } from '../run/verdict.ts';
import type { QuestionVerdict } from '../run/question-verdict.ts';
import type { ScenarioStatus } from '../run/run-model.ts';
import { escapeHtml } from './html.ts';

/**
 * Everything the FAQ page writes itself, in English and Polish. Both are on the page; the language
 * switch shows one (CSS on `<html lang>`), so the page works from disk without fetching anything.
 */
export type Words = readonly [en: string, pl: string];

/** Both languages, as HTML given already escaped. */
export const bothHtml = (en: string, pl: string): string => (en === pl ? en : `<span class="en">${en}</span><span class="pl" lang="pl">${pl}</span>`);
/** Both languages of plain text. */
export const both = ([en, pl]: Words): string => bothHtml(escapeHtml(en), escapeHtml(pl));

export const VERDICT_WORDS: Readonly<Record<Verdict, Words>> = {
  agrees: ['✔ works as the FAQ says', '✔ działa tak, jak mówi FAQ'],
  disagrees: ['✘ the product disagrees with the FAQ', '✘ produkt nie zgadza się z FAQ'],
  'could-not-run': ['! the scenario could not run', '! scenariusza nie dało się uruchomić'],
  'not-run': ['– not run in this run', '– nieuruchomiony w tym przebiegu'],
};

export const VERDICT_BADGE: Readonly<Record<Verdict, Words>> = {
  agrees: ['✔ passes', '✔ przechodzi'],
  disagrees: ['✘ disagrees', '✘ niezgodny'],
  'could-not-run': ['! could not run', '! nie uruchomiony'],
  'not-run': ['– not run', '– pominięty'],
};

export const CAUSE_WORDS: Readonly<Record<CouldNotRunCause, Words>> = {
  'undefined-step': ['a step is not defined', 'krok nie jest zdefiniowany'],
  'ambiguous-step': ['a step matches more than one definition', 'krok pasuje do kilku definicji'],
  'pending-step': ['a step is pending', 'krok nie jest jeszcze napisany'],
  'feature-wording': ['the feature names something wrongly', 'scenariusz błędnie coś nazywa'],
  'set-up': ['setting up failed', 'przygotowanie się nie powiodło'],
  harness: ['a harness error or a time-out', 'błąd narzędzia lub przekroczony czas'],
  unfinished: ['it did not finish', 'nie zakończył się'],
};

export const QUESTION_VERDICT_WORDS: Readonly<Record<QuestionVerdict, Words>> = {
  holds: ['✔ The answer holds: every scenario ran and passes', '✔ Odpowiedź się potwierdza: wszystkie scenariusze uruchomiono i przechodzą'],
  disagrees: ['✘ The product disagrees with the answer', '✘ Produkt nie zgadza się z odpowiedzią'],
  'could-not-run': ['! Not known: some scenarios could not run', '! Nie wiadomo: części scenariuszy nie dało się uruchomić'],
  incomplete: ['… Not fully checked by this run', '… Nie w pełni sprawdzone w tym przebiegu'],
  'not-run': ['– Not checked by this run: none of its scenarios ran', '– Niesprawdzone w tym przebiegu: żaden scenariusz nie został uruchomiony'],
  'no-scenarios': ['– No scenarios yet', '– Brak scenariuszy'],
};

export const QUESTION_VERDICT_SHORT: Readonly<Record<QuestionVerdict, Words>> = {
  holds: ['✔ holds', '✔ potwierdzona'],
  disagrees: ['✘ disagrees', '✘ niezgodna'],
  'could-not-run': ['! could not run', '! nie uruchomiono'],
  incomplete: ['… partly checked', '… częściowo'],
  'not-run': ['– not run', '– nieuruchomione'],
  'no-scenarios': ['– no scenarios', '– brak scenariuszy'],
};

export const STEP_STATUS: Readonly<Record<ScenarioStatus, Words>> = {
  passed: ['✔', '✔'], failed: ['✘ failed here', '✘ tu się nie powiodło'], skipped: ['– not reached', '– nieosiągnięty'],
  undefined: ['? not defined', '? niezdefiniowany'], pending: ['… pending', '… w toku'], ambiguous: ['! ambiguous', '! niejednoznaczny'], unknown: ['! unfinished', '! niezakończony'],
};

export const ROLE_WORDS: ReadonlyArray<readonly [string, Words]> = [
  ['@problem', ['the problem', 'problem']],
  ['@cause', ['the cause', 'przyczyna']],
  ['@fix', ['the fix', 'rozwiązanie']],
  ['@error', ['a refusal', 'odmowa']],
];

/** Why the CRM did not save an e-mail (NotSavedReason), in Polish; the English is the CRM's own sentence. */
export const NOT_SAVED_PL: Readonly<Record<string, string>> = {
  duplicate: 'Konektor przekazał już tę wiadomość (ten sam folder, UIDVALIDITY i UID) (R1.5).',
  'already-saved': 'Wiadomość jest już w CRM; nie jest zapisywana drugi raz (R1.5, R3.3).',
  'integration-off': 'Integracja z CRM jest wyłączona dla tej skrzynki, więc nic nie jest zapisywane automatycznie (R1.1).',
  'spam-folder': 'Wiadomość jest w folderze wybranym w „Przenieś spam do folderu”, więc nie jest zapisywana automatycznie (R1.2, R1.3).',
  'trash-or-drafts': 'Wiadomość jest w Koszu lub Wersjach roboczych, więc nie jest zapisywana automatycznie (R1.2).',
  'outside-processing-period': 'Wiadomość jest starsza, niż pozwala „Przetwarzaj e-maile z ostatnich N dni”, licząc od podłączenia skrzynki, więc nie jest zapisywana automatycznie (R1.4).',
  'sender-is-employee': 'Wiadomości wysłanych przez pracowników nie zapisuje się w CRM: nadawca jest pracownikiem lub inną podłączoną skrzynką (R1.4).',
  'recipients-are-employees': 'Wiadomości odebranych przez pracowników nie zapisuje się w CRM: każdy odbiorca jest pracownikiem lub podłączoną skrzynką (R1.4).',
  'on-exceptions-list': 'Adres jest na liście wyjątków CRM, więc nie powstaje lead ani deal, a e-mail nie jest zapisywany automatycznie (R1.4).',
  'new-sender-creation-off': 'Nadawcy nie ma w CRM, a „Twórz lead dla przychodzących e-maili z nowego adresu” jest wyłączone, więc nic nie powstaje i e-mail nie jest zapisywany (R2.7).',
  'new-recipient-creation-off': 'Odbiorcy nie ma w CRM, a „Twórz lead dla wychodzących e-maili na nowy adres” jest wyłączone, więc nic nie powstaje i e-mail nie jest zapisywany.',
  'no-sender': 'Wiadomość nie podaje nadawcy (brak From i Reply-To), więc nie ma czego dopasować ani utworzyć.',
  'unreadable-sender': 'Pole From nie zawiera czytelnego adresu, a Reply-To brak, więc nie ma nadawcy do dopasowania ani do utworzenia leadu.',
  'unreadable-message': 'Wiadomości nie da się odczytać (jest uszkodzona lub łamie limity formatu poczty), więc jest na liście skrzynki z rozmiarem, ale nie można jej zapisać w CRM.',
  'no-recipient': 'Wysłana wiadomość nie podaje odbiorcy (brak To i Cc), więc nie ma czego dopasować ani utworzyć.',
};

const ITEM_TYPE_PL: Readonly<Record<string, string>> = { lead: 'lead', deal: 'deal', contact: 'kontakt', company: 'firma' };
/** `deal "Printers"` → `deal „Printers”`, `contact "Jan"` → `kontakt „Jan”`. */
export const itemRefPl = (ref: string): string => ref.replace(/^(lead|deal|contact|company)\b/, (t) => ITEM_TYPE_PL[t] ?? t);
