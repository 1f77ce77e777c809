import { capabilityText } from '../capabilities.ts';
import { astringValue } from '../protocol/tokens.ts';
import { authenticated } from '../session-state.ts';
import { badArguments, defineCommand, no, ok, type Completion } from './contract.ts';

/**
 * RFC 3501 §6.2.3: plain-text login; user and password are astrings, so quoted strings and
 * literals both work. Allowed without TLS (the server listens on loopback for tests) unless
 * the server requires TLS, when LOGIN before STARTTLS MUST get NO (§6.2.3, LOGINDISABLED).
 */
export const loginCommand = defineCommand({
  name: 'LOGIN',
  allowedIn: ['not-authenticated'],
  handle(ctx, args) {
    if (ctx.security?.loginDisabled) return loginDisabledRefusal();
    const user = astringValue(args[0]);
    const password = astringValue(args[1]);
    if (args.length !== 2 || user === undefined || password === undefined) return badArguments('LOGIN', 'user password');
    const account = ctx.store.authenticate(user, password);
    // RFC 5530 response codes; the capability list is sent again because it may change (§7.1).
    if (!account) return no('Invalid credentials', { code: 'AUTHENTICATIONFAILED' });
    return ok('Logged in', { code: `CAPABILITY ${capabilityText(ctx.security, ctx.appendLimit)}`, nextState: authenticated(account) });
  },
});

/** RFC 5530's PRIVACYREQUIRED: the password must not travel before TLS is active. */
export function loginDisabledRefusal(): Completion {
  return no('Plaintext login is disabled until STARTTLS', { code: 'PRIVACYREQUIRED' });
}
