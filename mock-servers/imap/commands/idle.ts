import { bad, badArguments, defineCommand, ok } from './contract.ts';

/**
 * RFC 2177: the server answers `+ idling` and, until the client sends DONE, reports new
 * messages in the selected mailbox as they arrive (`* n EXISTS`).
 */
export const idleCommand = defineCommand({
  name: 'IDLE',
  allowedIn: ['authenticated', 'selected'],
  handle(_ctx, args) {
    if (args.length > 0) return badArguments('IDLE', '(no arguments)');
    return {
      kind: 'continue',
      untagged: [],
      prompt: 'idling',
      sensitive: false,
      announceArrivals: true,
      resume: (line) => (line.trim().toUpperCase() === 'DONE' ? ok('IDLE terminated') : bad('Expected DONE to end IDLE')),
    };
  },
});
