/** What the mail connector could not read in a message (see the connector's parser). */
export type ReadingProblemCode =
  | 'unparsable'
  | 'sender-unreadable'
  | 'date-unreadable'
  | 'date-in-future'
  | 'no-message-id'
  | 'header-8bit'
  | 'broken-mime'
  | 'broken-base64'
  | 'unknown-charset';

export interface ReadingProblem {
  readonly code: ReadingProblemCode;
  /** What was found, e.g. the Date as written. */
  readonly detail?: string;
}

/** The same problems in the product's words, for the message list and reports. */
export const READING_PROBLEM_EXPLANATIONS: Readonly<Record<ReadingProblemCode, string>> = {
  unparsable: 'The message could not be read at all; only its size and the header fields it starts with are shown.',
  'sender-unreadable': 'The From field holds no e-mail address that can be read.',
  'date-unreadable': 'The Date field is not a date; the time the mail server received the message is shown instead (R5.1).',
  'date-in-future':
    'The Date field is later than the mail server received the message, which cannot be; the time the mail server received it is shown instead (R5.1).',
  'no-message-id': 'The message has no Message-ID; it is recognised by its content instead, so it is still saved only once (R1.5).',
  'header-8bit': 'The header holds characters in an undeclared character set; they are shown byte for byte and may look wrong.',
  'broken-mime': 'The message says it has several parts but their separator never appears; its body is shown as it was sent.',
  'broken-base64': 'An encoded part of the message is cut short or damaged; what could be decoded is shown.',
  'unknown-charset': 'A part of the message names a character set that is not known; some characters may look wrong.',
};

export function hasReadingProblem(message: { readonly readingProblems?: readonly ReadingProblem[] }, code: ReadingProblemCode): boolean {
  return message.readingProblems?.some((p) => p.code === code) ?? false;
}

/** The explanation, followed by what was found: "The Date field is not a date; ... (yesterday-ish)". */
export function explainReadingProblem(problem: ReadingProblem): string {
  const explanation = READING_PROBLEM_EXPLANATIONS[problem.code];
  return problem.detail ? `${explanation} (${problem.detail})` : explanation;
}
