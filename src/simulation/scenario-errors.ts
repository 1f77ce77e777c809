/**
 * The two kinds of error a scenario can stop on that say something about who must act, told apart
 * by their class (Cucumber records an error's class name with the failed step, so the reports read
 * it without looking at the message):
 *
 * - ExpectationFailure: a check of the product's behaviour failed, so the product disagrees with
 *   what the scenario (and the FAQ behind it) expects. The message is one sentence in the
 *   product's words: what was expected, then what the CRM did.
 * - FeatureWordingError: the feature's words name something the scenario does not have (a
 *   misspelt employee, an unknown setting, a cell that is neither "yes" nor "no"). The scenario
 *   could not run; the product was never asked.
 *
 * Any other error (a bug in the harness, a time-out) also means the scenario could not run.
 */
export class ExpectationFailure extends Error {
  override name = 'ExpectationFailure';
}

/** The CRM has none of what a check looks for (no lead with that title): the story may say why. */
export class NothingFoundFailure extends ExpectationFailure {
  override name = 'NothingFoundFailure';
}

export class FeatureWordingError extends Error {
  override name = 'FeatureWordingError';
}

/** Class names (as Cucumber records them) of errors that mean the product disagrees. */
export const PRODUCT_DISAGREES_ERRORS: readonly string[] = ['ExpectationFailure', 'NothingFoundFailure', 'AssertionError'];
/** Class names of errors that mean the feature's words are wrong. */
export const FEATURE_WORDING_ERRORS: readonly string[] = ['FeatureWordingError'];

/** "a lead", "an e-mail activity": the article a noun takes in a failure sentence. */
export const withArticle = (noun: string): string => `${/^[aeio]/i.test(noun) ? 'an' : 'a'} ${noun}`;

/**
 * Expected one item, found none or several: the failure sentence, in the CRM's terms.
 * "Expected a lead "Quote"; the CRM saved no lead" or "...; the CRM has 2 leads "Quote"".
 */
export function expectedOne(noun: string, label: string, found: number, others: readonly string[], plural = `${noun}s`): ExpectationFailure {
  if (found === 0) {
    const known = others.length ? ` (its ${plural}: ${others.map((o) => `"${o}"`).join(', ')})` : '';
    return new NothingFoundFailure(`Expected ${withArticle(noun)} "${label}"; the CRM has no such ${noun}${known}`);
  }
  return new ExpectationFailure(`Expected one ${noun} "${label}"; the CRM has ${found} ${plural} "${label}"`);
}
