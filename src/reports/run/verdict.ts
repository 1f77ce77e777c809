import { FEATURE_WORDING_ERRORS, PRODUCT_DISAGREES_ERRORS } from '../../simulation/scenario-errors.ts';
import type { ScenarioStatus } from './scenario-status.ts';

/**
 * The three verdicts every report gives a scenario, besides a pass:
 * - disagrees: a check of the product's behaviour failed (the product disagrees with the FAQ);
 * - could-not-run: the scenario stopped before it could judge the product (an undefined, ambiguous
 *   or pending step, a name the feature got wrong, a set-up error, a harness error, a time-out);
 * - not-run: outside this run's selection.
 * Told apart by the failing step's kind and the class of its error (src/simulation/scenario-errors.ts),
 * never by the error's message.
 */
export type Verdict = 'agrees' | 'disagrees' | 'could-not-run' | 'not-run';

export type CouldNotRunCause = 'undefined-step' | 'ambiguous-step' | 'pending-step' | 'feature-wording' | 'set-up' | 'harness' | 'unfinished';

/** Where in the scenario a step stands: a Given, When or Then (as Gherkin says), or a hook. */
export type StepKind = 'context' | 'action' | 'outcome' | 'before-hook' | 'after-hook' | 'unknown';

export interface FailingStep {
  readonly kind: StepKind;
  /** The class name of the error, as Cucumber recorded it. */
  readonly errorType?: string;
}

export interface Classification {
  readonly verdict: Verdict;
  readonly cause?: CouldNotRunCause;
}

export function classify(status: ScenarioStatus, failing?: FailingStep): Classification {
  switch (status) {
    case 'passed': return { verdict: 'agrees' };
    case 'skipped': return { verdict: 'not-run' };
    case 'undefined': return { verdict: 'could-not-run', cause: 'undefined-step' };
    case 'ambiguous': return { verdict: 'could-not-run', cause: 'ambiguous-step' };
    case 'pending': return { verdict: 'could-not-run', cause: 'pending-step' };
    case 'unknown': return { verdict: 'could-not-run', cause: 'unfinished' };
    case 'failed': break;
  }
  const type = failing?.errorType ?? '';
  if (FEATURE_WORDING_ERRORS.includes(type)) return { verdict: 'could-not-run', cause: 'feature-wording' };
  // A Given or a Before hook sets the scene; when it fails, the product's answer was never asked for.
  if (failing?.kind === 'context' || failing?.kind === 'before-hook') return { verdict: 'could-not-run', cause: 'set-up' };
  if (PRODUCT_DISAGREES_ERRORS.includes(type)) return { verdict: 'disagrees' };
  return { verdict: 'could-not-run', cause: 'harness' };
}
