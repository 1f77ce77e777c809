export { ImapServer } from './imap-server.ts';
export type { ImapEndpoint, ImapLimits, ImapServerOptions } from './imap-server.ts';
export type { TranscriptEntry, TranscriptListener } from './transcript.ts';
export { CAPABILITIES } from './capabilities.ts';
export { DEFAULT_IMAP_LIMITS } from './imap-limits.ts';
