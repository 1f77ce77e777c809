import type { ApiContext } from '../api-context.ts';
import { downloadDisposition } from '../body.ts';
import { findAccount, findFolder, findMessage } from '../lookup.ts';
import { HttpProblem } from '../problem.ts';
import { containsIgnoringCase, optionalText, wholeNumber } from '../query.ts';
import { readableOf } from '../readable-cache.ts';
import { empty, json, type Reply, type Route, type RouteRequest } from '../router.ts';
import { readableView, summariseStored } from '../views.ts';

const FOLDER = '/api/v1/accounts/{address}/folders/{folder}';
const MESSAGE = `${FOLDER}/messages/{uid}`;

/** Flags an import may set: IMAP system flags and keywords (atoms), RFC 3501 §2.3.2. */
const FLAG = /^\\?[A-Za-z0-9$_.\-]+$/;

export function messageRoutes({ control }: ApiContext): Route[] {
  const { store } = control;
  const locate = (request: RouteRequest) => {
    const account = findAccount(store, request.params.address!);
    const folder = findFolder(account, request.params.folder!);
    return { account, folder };
  };
  const locateMessage = (request: RouteRequest) => {
    const { account, folder } = locate(request);
    return { account, folder, message: findMessage(account, folder, request.params.uid!) };
  };
  const messageUrl = (account: string, folder: string, uid: number) =>
    `/api/v1/accounts/${encodeURIComponent(account)}/folders/${encodeURIComponent(folder)}/messages/${uid}`;

  return [
    {
      method: 'GET',
      pattern: `${FOLDER}/messages`,
      handle: (request) => {
        const { account, folder } = locate(request);
        const { query } = request;
        const subject = optionalText(query, 'subject');
        const from = optionalText(query, 'from');
        const to = optionalText(query, 'to');
        const limit = wholeNumber(query, 'limit', { min: 1, max: 100_000, fallback: 100_000 });
        // Newest first, as a mail client lists them; `limit` keeps the newest.
        const matching = [...folder.messages].reverse()
          .map((message) => summariseStored(account, folder, message))
          .filter((item) => containsIgnoringCase(item.subject, subject)
            && (from === undefined || item.from.some((address) => containsIgnoringCase(address, from)))
            && (to === undefined || item.to.some((address) => containsIgnoringCase(address, to))));
        return json(200, { account: account.address, folder: folder.name, total: matching.length, messages: matching.slice(0, limit) });
      },
    },
    {
      method: 'POST',
      pattern: `${FOLDER}/messages`,
      handle: async (request) => {
        const { account, folder } = locate(request);
        const raw = await request.body();
        if (raw.length === 0) throw new HttpProblem(400, 'REQUEST.INVALID_BODY', 'The body must be the message itself (an .eml file), and it is empty');
        const flags = request.query.getAll('flag');
        const bad = flags.find((flag) => !FLAG.test(flag));
        if (bad !== undefined) throw new HttpProblem(400, 'REQUEST.INVALID_QUERY', `flag "${bad}" is not an IMAP flag or keyword`, { parameter: 'flag' });
        const message = store.deliver(account, folder, raw, { flags });
        const location = messageUrl(account.address, folder.name, message.uid);
        return json(201, { account: account.address, folder: folder.name, uid: message.uid, url: location }, { location });
      },
    },
    {
      method: 'GET',
      pattern: MESSAGE,
      handle: async (request) => {
        const { account, folder, message } = locateMessage(request);
        const url = messageUrl(account.address, folder.name, message.uid);
        const readable = await readableOf(message.raw);
        return json(200, {
          ...summariseStored(account, folder, message),
          ...readableView(readable, (index) => `${url}/attachments/${index}`),
          rawUrl: `${url}/raw`,
        });
      },
    },
    {
      method: 'GET',
      pattern: `${MESSAGE}/raw`,
      handle: (request) => {
        const { account, folder, message } = locateMessage(request);
        return rawReply(message.raw, `${account.address}-${folder.name}-${message.uid}.eml`, request);
      },
    },
    {
      method: 'GET',
      pattern: `${MESSAGE}/attachments/{index}`,
      handle: async (request) => {
        const { message } = locateMessage(request);
        return attachmentReply(message.raw, request.params.index!);
      },
    },
    {
      method: 'DELETE',
      pattern: MESSAGE,
      handle: (request) => {
        const { account, folder, message } = locateMessage(request);
        // As another client would: every IMAP session on the folder hears EXPUNGE.
        control.asAnotherClient.expunge(account.address, folder.name, message.uid);
        return empty(204);
      },
    },
  ];
}

/** The message byte for byte; `?download=1` asks the browser to save it as a file. */
export function rawReply(raw: Buffer, filename: string, request: RouteRequest): Reply {
  const download = request.query.has('download') && request.query.get('download') !== '0';
  return {
    kind: 'bytes',
    status: 200,
    body: raw,
    contentType: 'message/rfc822',
    headers: { 'content-disposition': downloadDisposition(download ? 'attachment' : 'inline', filename.replace(/[/\\]/g, '_')) },
  };
}

export async function attachmentReply(raw: Buffer, indexText: string): Promise<Reply> {
  const { attachments } = await readableOf(raw);
  const attachment = /^\d+$/.test(indexText) ? attachments[Number(indexText)] : undefined;
  if (!attachment) {
    throw new HttpProblem(404, 'ATTACHMENT.NOT_FOUND', `No attachment ${indexText}; the message has ${attachments.length} (indexes from 0)`, {
      attachments: attachments.map((a) => ({ index: a.index, filename: a.filename })),
    });
  }
  return {
    kind: 'bytes',
    status: 200,
    body: attachment.content,
    // Never rendered by the browser as a page of this origin: a download, whatever its type.
    contentType: attachment.contentType || 'application/octet-stream',
    headers: { 'content-disposition': downloadDisposition('attachment', attachment.filename) },
  };
}
