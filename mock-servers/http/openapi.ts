import { FAULT_KINDS } from '../faults/index.ts';
import { FOLDER_ROLES } from '../store/index.ts';
import { PROBLEM_CODES } from './problem.ts';

/**
 * The API described as OpenAPI 3.1 (JSON Schema 2020-12 for the bodies), served at
 * /api/v1/openapi.json. A test checks every response the API gives against it, so the two
 * cannot drift apart.
 */

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const string = { type: 'string' } as const;
const integer = { type: 'integer', minimum: 0 } as const;
const dateTime = { type: 'string', format: 'date-time' } as const;
const nullable = (schema: Record<string, unknown>) => ({ ...schema, type: [schema.type as string, 'null'] });
const object = (properties: Record<string, unknown>, required: string[] = Object.keys(properties)) => ({ type: 'object', properties, required });
const arrayOf = (items: unknown) => ({ type: 'array', items });

const jsonBody = (schema: unknown, description: string) => ({ description, content: { 'application/json': { schema } } });
const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: ref('Problem') } } });
const noContent = (description: string) => ({ description });
const pathParam = (name: string, description: string) => ({ name, in: 'path', required: true, description, schema: string });
const queryParam = (name: string, description: string, schema: unknown = string) => ({ name, in: 'query', required: false, description, schema });

const ACCOUNT = pathParam('address', 'The account\'s address, e.g. sales@acme.test');
const FOLDER = pathParam('folder', 'A folder name; a `/` in a nested name is sent as %2F (Projects%2F2026)');
const UID = pathParam('uid', 'The message\'s IMAP UID in that folder');
const INDEX = pathParam('index', 'Position of the attachment, from 0');
const OUTBOX_ID = pathParam('id', 'The outbound message\'s id');
const notFound = problem('No such account, folder or message: the problem names what exists');

const schemas = {
  Problem: {
    type: 'object',
    description: 'RFC 9457 problem details, with a stable `code`',
    properties: {
      type: string,
      title: string,
      status: { type: 'integer', minimum: 400, maximum: 599 },
      detail: string,
      instance: string,
      code: { type: 'string', enum: [...PROBLEM_CODES] },
    },
    required: ['type', 'title', 'status', 'detail', 'code'],
  },
  Folder: object({
    name: string,
    role: { type: ['string', 'null'], enum: [...FOLDER_ROLES, null] },
    messages: integer,
    unseen: integer,
    uidValidity: integer,
    uidNext: integer,
    subscribed: { type: 'boolean' },
  }),
  Account: object({ address: string, folders: arrayOf(ref('Folder')) }),
  NewAccount: object({ address: string, password: string }),
  MessageSummary: object({
    account: string,
    folder: string,
    uid: integer,
    flags: arrayOf(string),
    from: arrayOf(string),
    to: arrayOf(string),
    subject: string,
    date: nullable(dateTime),
    internalDate: dateTime,
    size: integer,
    messageId: string,
  }),
  MessageList: object({ account: string, folder: string, total: integer, messages: arrayOf(ref('MessageSummary')) }),
  Attachment: object({
    index: integer,
    filename: string,
    contentType: string,
    size: integer,
    contentId: nullable(string),
    inline: { type: 'boolean' },
    url: string,
  }),
  Readable: object({
    headers: arrayOf(object({ name: string, value: string })),
    text: nullable(string),
    html: nullable(string),
    htmlDocument: { ...nullable(string), description: 'The HTML as a document for a sandboxed iframe (srcdoc), with a policy that blocks scripts and remote content' },
    attachments: arrayOf(ref('Attachment')),
    rawUrl: string,
  }),
  Message: { allOf: [ref('MessageSummary'), ref('Readable')] },
  Imported: object({ account: string, folder: string, uid: integer, url: string }),
  OutboundSummary: object({
    id: integer,
    mailFrom: string,
    recipients: arrayOf(string),
    subject: string,
    messageId: string,
    date: nullable(dateTime),
    acceptedAt: dateTime,
    size: integer,
  }),
  OutboundList: object({ total: integer, messages: arrayOf(ref('OutboundSummary')) }),
  OutboundMessage: { allOf: [ref('OutboundSummary'), ref('Readable')] },
  WaitResult: object({ count: integer, messages: { type: 'array', items: { oneOf: [ref('MessageSummary'), ref('OutboundSummary')] } } }),
  Fault: object({
    id: integer,
    spec: nullable(string),
    kind: { type: 'string', enum: [...FAULT_KINDS] },
    description: string,
    rule: { type: 'object', properties: { kind: { type: 'string', enum: [...FAULT_KINDS] } }, required: ['kind'] },
  }),
  FaultRequest: {
    oneOf: [object({ spec: string }), object({ specs: arrayOf(string) })],
  },
  Snapshot: object({ id: string, takenAt: dateTime, accounts: integer, messages: integer, outbox: integer }),
  Transcript: object({
    protocol: { type: 'string', enum: ['smtp', 'imap'] },
    connectionId: integer,
    remote: string,
    lines: arrayOf(object({ direction: { type: 'string', enum: ['client', 'server', 'fault'] }, text: string, at: dateTime })),
    droppedLines: integer,
  }),
  Listener: object({
    name: { type: 'string', enum: ['smtp', 'submission', 'smtps', 'imap', 'imaps', 'http'] },
    protocol: { type: 'string', enum: ['smtp', 'imap', 'http'] },
    host: string,
    port: { type: 'integer', minimum: 1, maximum: 65535 },
    tls: { type: 'string', enum: ['none', 'starttls', 'implicit'] },
    authRequired: { type: 'boolean' },
  }),
  Ready: object({ status: { type: 'string', enum: ['ready'] }, listeners: arrayOf(ref('Listener')) }),
};

export const OPENAPI_DOCUMENT = {
  openapi: '3.1.0',
  info: {
    title: 'Mock mail server API',
    version: '1.0.0',
    description: 'A test mail server (SMTP and IMAP, in memory) for tests only: read and import mail, wait for it, inject faults, reset and restore. '
      + 'It listens on loopback unless told otherwise. Errors are RFC 9457 problem details with a stable `code`.',
  },
  servers: [{ url: '/' }],
  paths: {
    '/api/v1/accounts': {
      get: { summary: 'Every account with its folders and counts', responses: { 200: jsonBody(arrayOf(ref('Account')), 'The accounts') } },
      post: {
        summary: 'Create an account (with INBOX, Sent, Spam, Trash, Drafts)',
        requestBody: { required: true, content: { 'application/json': { schema: ref('NewAccount') } } },
        responses: { 201: jsonBody(ref('Account'), 'Created'), 400: problem('Not an address'), 409: problem('It exists') },
      },
    },
    '/api/v1/accounts/{address}': {
      parameters: [ACCOUNT],
      get: { summary: 'One account', responses: { 200: jsonBody(ref('Account'), 'The account'), 404: notFound } },
    },
    '/api/v1/accounts/{address}/folders': {
      parameters: [ACCOUNT],
      get: { summary: 'The account\'s folders', responses: { 200: jsonBody(arrayOf(ref('Folder')), 'Folders'), 404: notFound } },
    },
    '/api/v1/accounts/{address}/folders/{folder}/messages': {
      parameters: [ACCOUNT, FOLDER],
      get: {
        summary: 'The folder\'s messages, newest first',
        parameters: [
          queryParam('subject', 'Case-insensitive part of the subject'),
          queryParam('from', 'Part of a sender address'),
          queryParam('to', 'Part of a To or Cc address'),
          queryParam('limit', 'At most this many (the newest)', { type: 'integer', minimum: 1 }),
        ],
        responses: { 200: jsonBody(ref('MessageList'), 'Messages'), 400: problem('A bad filter'), 404: notFound },
      },
      post: {
        summary: 'Import a message (an .eml file) into the folder',
        parameters: [queryParam('flag', 'A flag the message starts with (\\Seen); repeatable')],
        requestBody: { required: true, content: { 'message/rfc822': { schema: { type: 'string' } } } },
        responses: { 201: jsonBody(ref('Imported'), 'Filed'), 400: problem('Empty body or bad flag'), 404: notFound, 413: problem('Too large') },
      },
    },
    '/api/v1/accounts/{address}/folders/{folder}/messages/{uid}': {
      parameters: [ACCOUNT, FOLDER, UID],
      get: { summary: 'The message as a person reads it: headers, text, HTML, attachments', responses: { 200: jsonBody(ref('Message'), 'The message'), 404: notFound } },
      delete: { summary: 'Delete it (open IMAP sessions hear EXPUNGE)', responses: { 204: noContent('Deleted'), 404: notFound } },
    },
    '/api/v1/accounts/{address}/folders/{folder}/messages/{uid}/raw': {
      parameters: [ACCOUNT, FOLDER, UID],
      get: {
        summary: 'The message byte for byte',
        parameters: [queryParam('download', 'Any value but 0: sent as a file to save')],
        responses: { 200: { description: 'The source', content: { 'message/rfc822': { schema: { type: 'string' } } } }, 404: notFound },
      },
    },
    '/api/v1/accounts/{address}/folders/{folder}/messages/{uid}/attachments/{index}': {
      parameters: [ACCOUNT, FOLDER, UID, INDEX],
      get: { summary: 'One attachment, decoded', responses: { 200: { description: 'Its content, with its own type', content: { '*/*': { schema: { type: 'string' } } } }, 404: notFound } },
    },
    '/api/v1/outbox': {
      get: {
        summary: 'Mail accepted for domains the server does not host, newest first',
        parameters: [queryParam('to', 'Part of a recipient address'), queryParam('subject', 'Case-insensitive part of the subject')],
        responses: { 200: jsonBody(ref('OutboundList'), 'The outbox') },
      },
    },
    '/api/v1/outbox/{id}': {
      parameters: [OUTBOX_ID],
      get: { summary: 'One outbound message, readable', responses: { 200: jsonBody(ref('OutboundMessage'), 'The message'), 404: problem('No such id') } },
    },
    '/api/v1/outbox/{id}/raw': {
      parameters: [OUTBOX_ID],
      get: { summary: 'Its source', responses: { 200: { description: 'The source', content: { 'message/rfc822': { schema: { type: 'string' } } } }, 404: problem('No such id') } },
    },
    '/api/v1/outbox/{id}/attachments/{index}': {
      parameters: [OUTBOX_ID, INDEX],
      get: { summary: 'One of its attachments', responses: { 200: { description: 'Its content, with its own type', content: { '*/*': { schema: { type: 'string' } } } }, 404: problem('No such id or attachment') } },
    },
    '/api/v1/wait': {
      get: {
        summary: 'Answer once `count` messages match (those stored count): driven by the store\'s events, no polling',
        parameters: [
          queryParam('to', 'A recipient or the account'),
          queryParam('from', 'A sender address'),
          queryParam('subject', 'Case-insensitive part of the subject'),
          queryParam('folder', 'Only this folder'),
          queryParam('in', 'mailboxes (default), or outbox: mail to other domains, `to` being a recipient', { type: 'string', enum: ['mailboxes', 'outbox'] }),
          queryParam('count', 'How many (default 1)', { type: 'integer', minimum: 1 }),
          queryParam('timeout', 'How long at most: 5000, 5000ms, 30s, 2m (default 5s)'),
        ],
        responses: { 200: jsonBody(ref('WaitResult'), 'They are there'), 400: problem('A bad parameter'), 408: problem('Not in time; `found` lists what matched') },
      },
    },
    '/api/v1/faults': {
      get: { summary: 'The scripted faults in force', responses: { 200: jsonBody(arrayOf(ref('Fault')), 'Faults') } },
      post: {
        summary: 'Add faults, with the specs of --fault (all or none)',
        requestBody: { required: true, content: { 'application/json': { schema: ref('FaultRequest') }, 'text/plain': { schema: { type: 'string' } } } },
        responses: { 201: jsonBody(arrayOf(ref('Fault')), 'Added'), 400: problem('A spec the server cannot read') },
      },
      delete: { summary: 'Remove every fault', responses: { 204: noContent('None left') } },
    },
    '/api/v1/faults/{id}': {
      parameters: [pathParam('id', 'The fault\'s id')],
      delete: { summary: 'Remove one fault', responses: { 204: noContent('Removed'), 404: problem('No such fault') } },
    },
    '/api/v1/reset': {
      post: { summary: 'Empty every mailbox and the outbox, clear faults and transcripts; accounts stay', responses: { 204: noContent('Reset') } },
    },
    '/api/v1/snapshots': {
      get: { summary: 'Snapshots taken', responses: { 200: jsonBody(arrayOf(ref('Snapshot')), 'Snapshots') } },
      post: { summary: 'Take a snapshot of the store and the outbox', responses: { 201: jsonBody(ref('Snapshot'), 'Taken') } },
    },
    '/api/v1/snapshots/{id}': {
      parameters: [pathParam('id', 'The snapshot\'s id')],
      delete: { summary: 'Forget a snapshot', responses: { 204: noContent('Forgotten'), 404: problem('No such snapshot') } },
    },
    '/api/v1/snapshots/{id}/restore': {
      parameters: [pathParam('id', 'The snapshot\'s id')],
      post: { summary: 'Put the server back as the snapshot had it (open IMAP sessions get BYE)', responses: { 204: noContent('Restored'), 404: problem('No such snapshot') } },
    },
    '/api/v1/events': {
      get: {
        summary: 'Server-Sent Events: message-added, messages-expunged, flags-changed, folder-created, folder-deleted, folder-renamed, uid-validity-changed, subscriptions-changed, outbox-added, account-created, faults-changed, reset, restored',
        responses: { 200: { description: 'An event stream', content: { 'text/event-stream': { schema: { type: 'string' } } } } },
      },
    },
    '/api/v1/transcripts': {
      get: {
        summary: 'Every connection\'s lines, both protocols (passwords redacted, faults marked)',
        parameters: [queryParam('protocol', 'smtp or imap', { type: 'string', enum: ['smtp', 'imap'] })],
        responses: { 200: jsonBody(arrayOf(ref('Transcript')), 'Transcripts'), 400: problem('A bad protocol') },
      },
    },
    '/api/v1/openapi.json': { get: { summary: 'This document', responses: { 200: jsonBody({ type: 'object' }, 'OpenAPI 3.1') } } },
    '/readyz': {
      get: { summary: 'Ready once every listener accepts connections', responses: { 200: jsonBody(ref('Ready'), 'Ready'), 503: problem('Starting or stopping') } },
    },
  },
  components: { schemas },
} as const;
