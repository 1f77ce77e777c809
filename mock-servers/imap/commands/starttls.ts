import { bad, badArguments, defineCommand, ok } from './contract.ts';

/**
 * RFC 3501 §6.2.1: answers OK, after which the connection negotiates TLS on the same socket.
 * The connection drops whatever the client sent after this command in plaintext (RFC 2595 §3.1;
 * the STARTTLS command injection of CVE-2011-0411), and the capabilities change: STARTTLS and
 * LOGINDISABLED are no longer listed (see capabilities.ts).
 */
export const starttlsCommand = defineCommand({
  name: 'STARTTLS',
  allowedIn: ['not-authenticated'],
  handle(ctx, args) {
    if (args.length > 0) return badArguments('STARTTLS', '(no arguments)');
    if (ctx.security?.encrypted) return bad('TLS is already active');
    if (!ctx.security?.canStartTls) return bad('STARTTLS is not available: the server has no TLS certificate');
    return { ...ok('Begin TLS negotiation now'), startTls: true };
  },
});
