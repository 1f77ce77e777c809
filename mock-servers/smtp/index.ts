export { SmtpMockServer } from './smtp-mock-server.ts';
export type { SmtpMockServerOptions, SmtpDeliveryEvent } from './smtp-mock-server.ts';
export { DEFAULT_SMTP_LIMITS, type SmtpLimits } from './smtp-limits.ts';
export type { SmtpListenerAddress, SmtpListenerKind, SmtpTlsMode } from './listeners.ts';
export { Outbox } from './outbox.ts';
export type { OutboundMessage } from './outbox.ts';
export { headerValues, isMarkedAsSpam } from './header-block.ts';
