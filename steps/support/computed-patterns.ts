import { ACCESS_LEVELS, type ReadingProblemCode } from '../../src/crm/index.ts';
import { NOT_SAVED_REASON_WORDS } from './not-saved-reason-words.ts';

/**
 * The parameter types whose pattern is built from the product's words rather than written out.
 * Editors that read step files without running them (the Cucumber language server behind the VS
 * Code extension) cannot see these, so .vscode/settings.json repeats them under
 * `cucumber.parameterTypes`; a test (editor-support.test.ts) keeps the two the same.
 */

/** What the connector could not read in a message, in the words a feature file uses after "noting that". */
export const READING_PROBLEM_WORDS: Readonly<Record<string, ReadingProblemCode>> = {
  'it could not be read at all': 'unparsable',
  'its From cannot be read': 'sender-unreadable',
  'its Date cannot be read': 'date-unreadable',
  'its Date is in the future': 'date-in-future',
  'it has no Message-ID': 'no-message-id',
  'its header has undeclared 8-bit characters': 'header-8bit',
  'its parts cannot be told apart': 'broken-mime',
  'an encoded part is damaged': 'broken-base64',
  'it names an unknown character set': 'unknown-charset',
};

const alternatives = (words: readonly string[]) => new RegExp(words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'));

export const COMPUTED_PATTERNS = {
  'not-saved-reason': alternatives(Object.keys(NOT_SAVED_REASON_WORDS)),
  'reading-problem': alternatives(Object.keys(READING_PROBLEM_WORDS)),
  'access-level': new RegExp(`"(${ACCESS_LEVELS.join('|')})"`),
} as const;

export const NOT_SAVED_REASON_PATTERN = COMPUTED_PATTERNS['not-saved-reason'];
export const READING_PROBLEM_PATTERN = COMPUTED_PATTERNS['reading-problem'];
export const ACCESS_LEVEL_PATTERN = COMPUTED_PATTERNS['access-level'];
