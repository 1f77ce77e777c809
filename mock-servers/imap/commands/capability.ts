import { capabilityText } from '../capabilities.ts';
import { raw } from '../protocol/writer.ts';
import { badArguments, defineCommand, ok } from './contract.ts';

/** RFC 3501 §6.1.1: the capability list, valid in every state. */
export const capabilityCommand = defineCommand({
  name: 'CAPABILITY',
  allowedIn: ['not-authenticated', 'authenticated', 'selected'],
  handle(ctx, args) {
    if (args.length > 0) return badArguments('CAPABILITY', '(no arguments)');
    return ok('Capability completed', { untagged: [[raw(`CAPABILITY ${capabilityText(ctx.security, ctx.appendLimit)}`)]] });
  },
});
