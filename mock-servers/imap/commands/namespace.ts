import { MAILBOX_DELIMITER } from '../mailbox/mailbox-names.ts';
import { list, nil, raw, str } from '../protocol/writer.ts';
import { badArguments, defineCommand, ok } from './contract.ts';

/** RFC 2342: one personal namespace with an empty prefix; no other-users or shared ones. */
export const namespaceCommand = defineCommand({
  name: 'NAMESPACE',
  allowedIn: ['authenticated', 'selected'],
  handle(_ctx, args) {
    if (args.length > 0) return badArguments('NAMESPACE', '(no arguments)');
    const personal = list([list([str(''), str(MAILBOX_DELIMITER)])]);
    return ok('NAMESPACE completed', { untagged: [[raw('NAMESPACE'), personal, nil, nil]] });
  },
});
