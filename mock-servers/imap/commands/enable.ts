import { atomValue } from '../protocol/tokens.ts';
import { raw } from '../protocol/writer.ts';
import { badArguments, defineCommand, ok } from './contract.ts';

/**
 * RFC 5161: the client names extensions to turn on. None of ours needs enabling, and unknown
 * names MUST be ignored (§3.1), so the answer is always an empty `* ENABLED`.
 */
export const enableCommand = defineCommand({
  name: 'ENABLE',
  allowedIn: ['authenticated'],
  handle(_ctx, args) {
    if (args.length === 0 || args.some((arg) => atomValue(arg) === undefined)) return badArguments('ENABLE', 'capability [capability ...]');
    return ok('ENABLE completed', { untagged: [[raw('ENABLED')]] });
  },
});
