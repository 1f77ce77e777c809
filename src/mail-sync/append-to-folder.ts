import type { ImapFlow } from 'imapflow';
import { endImapClient, openImapClient } from './imap-client.ts';
import type { ImapAccount } from './sync-types.ts';

export interface AppendRequest {
  /** The folder's path; without it, the folder the server marks \Sent (RFC 6154). */
  folder?: string;
  raw: Buffer;
  /** A sent message is one its sender has read. */
  flags?: string[];
  /** INTERNALDATE to store (RFC 3501 §6.3.11); the server's clock when omitted. */
  date?: Date;
}

export interface AppendResult {
  folder: string;
  /** Reported by servers with UIDPLUS (RFC 4315 APPENDUID). */
  uid?: number;
  uidValidity?: number;
}

/**
 * Files a message in a folder of the account with IMAP APPEND (RFC 3501 §6.3.11), as a mail client
 * without an open session files what it sent: one login, one APPEND, logout. The server's refusal
 * rejects the promise.
 */
export async function appendToFolder(account: ImapAccount, request: AppendRequest): Promise<AppendResult> {
  const client = await openImapClient(account, 'filing sent mail');
  try {
    return await appendOn(client, request, async () => sentFolderIn(await client.list()));
  } finally {
    await endImapClient(client);
  }
}

/** APPEND on a connection already open; `sentFolder` names the \Sent folder when the request names none. */
export async function appendOn(client: ImapFlow, request: AppendRequest, sentFolder: () => Promise<string>): Promise<AppendResult> {
  const folder = request.folder ?? (await sentFolder());
  const result = await client.append(folder, request.raw, request.flags ?? ['\\Seen'], request.date);
  if (!result) throw new Error(`The server did not take the message into ${folder}`);
  return {
    folder: result.destination,
    ...(result.uid !== undefined && { uid: Number(result.uid) }),
    ...(result.uidValidity !== undefined && { uidValidity: Number(result.uidValidity) }),
  };
}

/** The folder the server marks \Sent (RFC 6154), or a clear error. */
export function sentFolderIn(folders: readonly { path: string; specialUse?: string }[]): string {
  const sent = folders.find((f) => f.specialUse === '\\Sent');
  if (!sent) throw new Error('The server lists no folder marked \\Sent; name the folder to file sent mail in');
  return sent.path;
}
