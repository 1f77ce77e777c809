import { canonicalName } from './account.ts';
import { MailStoreError } from './store-error.ts';

/** The hierarchy delimiter of every account (RFC 3501 §5.1.1). */
export const HIERARCHY_DELIMITER = '/';

const MAX_SEGMENT_LENGTH = 255;

/**
 * A name a client may create (RFC 3501 §6.3.3): one trailing delimiter only declares that
 * children will follow, so "Projects/" creates "Projects". Empty levels, the LIST wildcards
 * `*` and `%`, and control characters are refused, as real servers refuse them.
 */
export function validFolderName(name: string): string {
  const trimmed = name.endsWith(HIERARCHY_DELIMITER) ? name.slice(0, -1) : name;
  const segments = trimmed.split(HIERARCHY_DELIMITER);
  const problem =
    trimmed === '' ? 'is empty'
    : segments.some((segment) => segment === '') ? 'has an empty level'
    : /[*%]/.test(trimmed) ? 'contains * or %'
    : /[\x00-\x1f\x7f]/.test(trimmed) ? 'contains control characters'
    : segments.some((segment) => segment.length > MAX_SEGMENT_LENGTH) ? `has a level longer than ${MAX_SEGMENT_LENGTH} characters`
    : undefined;
  if (problem) throw new MailStoreError('STORE.INVALID_FOLDER_NAME', `The folder name "${name}" ${problem}`);
  return canonicalName(trimmed);
}

/** "A/B/C" is inferior to "A" and "A/B" (RFC 3501 §5.1.1). */
export function isInferior(name: string, parent: string): boolean {
  return name.startsWith(parent + HIERARCHY_DELIMITER);
}
