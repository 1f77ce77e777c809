import { normaliseAddress, type MailStore } from '../../store/index.ts';
import { capabilityText } from '../capabilities.ts';
import { atomValue } from '../protocol/tokens.ts';
import { authenticated } from '../session-state.ts';
import type { TransportSecurity } from '../transport-security.ts';
import { bad, badArguments, defineCommand, no, ok, type Completion } from './contract.ts';
import { loginDisabledRefusal } from './login.ts';

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * RFC 3501 §6.2.2 with the PLAIN mechanism (RFC 4616). The response comes either with the
 * command (SASL-IR, RFC 4959; "=" stands for an empty one) or after an empty `+` challenge.
 * A client line of "*" cancels, which MUST be answered with BAD.
 */
export const authenticateCommand = defineCommand({
  name: 'AUTHENTICATE',
  allowedIn: ['not-authenticated'],
  handle(ctx, args) {
    const mechanism = atomValue(args[0])?.toUpperCase();
    const initial = args.length === 2 ? atomValue(args[1]) : undefined;
    if (mechanism === undefined || args.length > 2 || (args.length === 2 && initial === undefined)) {
      return badArguments('AUTHENTICATE', 'mechanism [initial-response]');
    }
    if (mechanism !== 'PLAIN') return no(`Unsupported authentication mechanism ${mechanism}`, { code: 'CANNOT' });
    // PLAIN is not offered while LOGINDISABLED holds: refused before any secret is sent.
    if (ctx.security?.loginDisabled) return loginDisabledRefusal();
    const security = ctx.security;
    if (initial !== undefined) return checkPlain(ctx.store, initial === '=' ? '' : initial, security, ctx.appendLimit);
    return {
      kind: 'continue',
      untagged: [],
      prompt: '',
      sensitive: true,
      announceArrivals: false,
      resume: (line) => (line === '*' ? bad('Authentication cancelled') : checkPlain(ctx.store, line, security, ctx.appendLimit)),
    };
  },
});

/** RFC 4616 §2: message = [authzid] NUL authcid NUL passwd. */
function checkPlain(store: MailStore, response: string, security: TransportSecurity | undefined, appendLimit: number | undefined): Completion {
  if (!BASE64.test(response)) return bad('Invalid base64 in authentication response');
  const parts = Buffer.from(response, 'base64').toString('utf8').split('\0');
  const [authzid, user, password] = parts;
  if (parts.length !== 3 || authzid === undefined || user === undefined || password === undefined) {
    return bad('Malformed PLAIN response, expected authzid NUL user NUL password');
  }
  const account = store.authenticate(user, password);
  if (!account) return no('Invalid credentials', { code: 'AUTHENTICATIONFAILED' });
  // No user may act as another (RFC 4616 §2: the server decides; this one never allows it).
  if (authzid !== '' && normaliseAddress(authzid) !== account.address) {
    return no('Not authorised to act as that user', { code: 'AUTHORIZATIONFAILED' });
  }
  return ok('Logged in', { code: `CAPABILITY ${capabilityText(security, appendLimit)}`, nextState: authenticated(account) });
}
