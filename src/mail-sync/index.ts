export { MailboxSync, FUTURE_DATE_TOLERANCE_MS } from './mailbox-sync.ts';
export type { ImapAccount, RemoteFolder, SyncedMessage, SyncTarget, SyncFailure, SyncReport } from './mailbox-sync.ts';
export { SyncState, type FolderCursor } from './sync-state.ts';
export { parseMessage, type ParsedEmail, type ParsedAddress } from './parse-message.ts';
export { SmtpSender, type SmtpEndpoint, type OutgoingEmail, type SendResult } from './smtp-sender.ts';
export { composeMessage } from './compose-message.ts';
export { appendToFolder, type AppendRequest, type AppendResult } from './append-to-folder.ts';
export { MailboxSender, type MailboxSendRequest, type MailboxSendResult, type SentCopy } from './mailbox-sender.ts';
export type { ReadingProblem, ReadingProblemCode } from './reading-problems.ts';
