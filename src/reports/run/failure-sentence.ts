import type { ScenarioStory } from '../../simulation/scenario-story.ts';
import type { ScenarioResult } from './run-model.ts';

/**
 * One plain sentence per scenario that did not pass, in English and Polish, for people who do not
 * read stack traces; and the full error, with paths from the project's root, for developers.
 */
export interface FailureSentence {
  readonly en: string;
  readonly pl: string;
  /** The error as Cucumber recorded it (message and stack), paths relative to the project. */
  readonly developer?: string;
}

const PROJECT_FOLDERS = 'src|steps|mock-servers|features|scripts|node_modules';

/** Absolute paths (and file: URLs) into the project become relative: `/home/ci/repo/src/x.ts:3` → `src/x.ts:3`. */
export function projectRelative(text: string, root: string = process.cwd()): string {
  const rootSlash = root.endsWith('/') ? root : `${root}/`;
  return text
    .split(`file://${rootSlash}`).join('')
    .split(rootSlash).join('')
    // Another machine's checkout (a shard's messages): cut at the first folder of the project.
    .replace(new RegExp(`(?:file://)?/[^\\s()'"]*?/(?=(?:${PROJECT_FOLDERS})/)`, 'g'), '');
}

/** The error's words without its class prefix, up to the first blank line (details follow there). */
export function plainMessage(message: string): string {
  const firstParagraph = message.replace(/\r/g, '').split(/\n\s*\n/)[0] ?? '';
  const lines = firstParagraph.split('\n').filter((l) => !/^\s+at /.test(l));
  return lines.join(' ').replace(/^\s*(?:[A-Za-z]*Error|[A-Za-z]*Failure)(?: \[[A-Z_]+\])?:\s*/, '').replace(/\s+/g, ' ').trim();
}

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);
const withoutStop = (text: string) => text.replace(/\.\s*$/, '');

/** Why e-mails of the scenario were not saved, in the CRM's words (the story's intake). */
function notSavedReasons(story: ScenarioStory | undefined): string[] {
  return [...new Set((story?.intake ?? []).filter((i) => !i.saved).map((i) => withoutStop(lowerFirst(i.outcome))))];
}

export function failureSentence(result: ScenarioResult, story?: ScenarioStory, root?: string): FailureSentence | undefined {
  const failure = result.failure;
  const developer = failure?.message ? projectRelative(failure.message, root) : undefined;
  const dev = developer ? { developer } : {};
  const step = failure ? `“${failure.step}”` : '';
  switch (result.verdict) {
    case 'agrees':
    case 'not-run':
      return undefined;
    case 'disagrees': {
      let sentence = withoutStop(plainMessage(failure?.message ?? '')) || `The check ${step} failed`;
      // Nothing found: the CRM's own reason for not saving the scenario's e-mails is the likely why.
      const reasons = failure?.errorType === 'NothingFoundFailure' ? notSavedReasons(story) : [];
      if (reasons.length) sentence += `: ${reasons.join('; ')}`;
      return { en: `${sentence}.`, pl: `Niezgodność z FAQ (słowami produktu): ${sentence}.`, ...dev };
    }
    case 'could-not-run':
      break;
  }
  const words = withoutStop(plainMessage(failure?.message ?? ''));
  const undefinedStep = result.undefinedSteps[0];
  switch (result.cause) {
    case 'undefined-step':
      return {
        en: `The step “${undefinedStep?.text ?? ''}” (line ${undefinedStep?.line ?? '?'}) matches no step definition, so the scenario could not run.`,
        pl: `Krok „${undefinedStep?.text ?? ''}” (wiersz ${undefinedStep?.line ?? '?'}) nie pasuje do żadnej definicji kroku, więc scenariusza nie dało się uruchomić.`,
      };
    case 'ambiguous-step':
      return { en: 'A step matches more than one step definition, so the scenario could not run.', pl: 'Krok pasuje do więcej niż jednej definicji kroku, więc scenariusza nie dało się uruchomić.', ...dev };
    case 'pending-step':
      return { en: 'A step is not written yet (pending), so the scenario could not run.', pl: 'Krok nie jest jeszcze napisany (pending), więc scenariusza nie dało się uruchomić.', ...dev };
    case 'feature-wording':
      return { en: `The feature's words are wrong at ${step} (line ${failure?.line}): ${words}.`, pl: `Błąd w słowach scenariusza w kroku ${step} (wiersz ${failure?.line}): ${words}.`, ...dev };
    case 'set-up':
      return { en: `Setting up the scenario failed at ${step || 'a Before hook'}: ${words}.`, pl: `Przygotowanie scenariusza nie powiodło się w kroku ${step || 'Before'}: ${words}.`, ...dev };
    case 'unfinished':
      return { en: 'The scenario did not finish (the run stopped).', pl: 'Scenariusz się nie zakończył (przebieg został przerwany).' };
    default:
      return { en: `The harness failed or a step timed out at ${step || 'a hook'}: ${words}.`, pl: `Błąd narzędzia testowego albo przekroczony czas w kroku ${step || 'hook'}: ${words}.`, ...dev };
  }
}
