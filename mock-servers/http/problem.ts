/**
 * Errors of the HTTP API as problem details (RFC 9457): `type`, `title`, `status`, `detail`,
 * `instance`, plus `code`, a stable name a test can assert on, and members that say what
 * exists when something asked for does not (`accounts`, `folders`, ...).
 */
export type ProblemCode =
  | 'HTTP.NOT_FOUND'
  | 'HTTP.METHOD_NOT_ALLOWED'
  | 'HTTP.MISDIRECTED'
  | 'HTTP.FORBIDDEN_ORIGIN'
  | 'REQUEST.INVALID_QUERY'
  | 'REQUEST.INVALID_BODY'
  | 'REQUEST.TOO_LARGE'
  | 'ACCOUNT.NOT_FOUND'
  | 'ACCOUNT.EXISTS'
  | 'FOLDER.NOT_FOUND'
  | 'MESSAGE.NOT_FOUND'
  | 'ATTACHMENT.NOT_FOUND'
  | 'OUTBOX.NOT_FOUND'
  | 'FAULT.INVALID_SPEC'
  | 'FAULT.NOT_FOUND'
  | 'SNAPSHOT.NOT_FOUND'
  | 'WAIT.TIMEOUT'
  | 'SERVER.NOT_READY'
  | 'SERVER.ERROR';

export const PROBLEM_CODES: readonly ProblemCode[] = [
  'HTTP.NOT_FOUND', 'HTTP.METHOD_NOT_ALLOWED', 'HTTP.MISDIRECTED', 'HTTP.FORBIDDEN_ORIGIN',
  'REQUEST.INVALID_QUERY', 'REQUEST.INVALID_BODY', 'REQUEST.TOO_LARGE',
  'ACCOUNT.NOT_FOUND', 'ACCOUNT.EXISTS', 'FOLDER.NOT_FOUND', 'MESSAGE.NOT_FOUND', 'ATTACHMENT.NOT_FOUND',
  'OUTBOX.NOT_FOUND', 'FAULT.INVALID_SPEC', 'FAULT.NOT_FOUND', 'SNAPSHOT.NOT_FOUND', 'WAIT.TIMEOUT',
  'SERVER.NOT_READY', 'SERVER.ERROR',
];

const TITLES: Record<ProblemCode, string> = {
  'HTTP.NOT_FOUND': 'No such resource',
  'HTTP.METHOD_NOT_ALLOWED': 'Method not allowed',
  'HTTP.MISDIRECTED': 'Request for another host',
  'HTTP.FORBIDDEN_ORIGIN': 'Request from another origin',
  'REQUEST.INVALID_QUERY': 'Invalid query parameter',
  'REQUEST.INVALID_BODY': 'Invalid request body',
  'REQUEST.TOO_LARGE': 'Request body too large',
  'ACCOUNT.NOT_FOUND': 'No such account',
  'ACCOUNT.EXISTS': 'Account already exists',
  'FOLDER.NOT_FOUND': 'No such folder',
  'MESSAGE.NOT_FOUND': 'No such message',
  'ATTACHMENT.NOT_FOUND': 'No such attachment',
  'OUTBOX.NOT_FOUND': 'No such outbound message',
  'FAULT.INVALID_SPEC': 'Invalid fault spec',
  'FAULT.NOT_FOUND': 'No such fault',
  'SNAPSHOT.NOT_FOUND': 'No such snapshot',
  'WAIT.TIMEOUT': 'The awaited mail did not arrive in time',
  'SERVER.NOT_READY': 'Server not ready',
  'SERVER.ERROR': 'Internal server error',
};

export interface ProblemDocument {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly instance?: string;
  readonly code: ProblemCode;
  readonly [extension: string]: unknown;
}

/** Thrown by a route to answer with a problem; anything else thrown is a bug (500, no details). */
export class HttpProblem extends Error {
  readonly status: number;
  readonly code: ProblemCode;
  readonly extensions: Readonly<Record<string, unknown>>;

  constructor(status: number, code: ProblemCode, detail: string, extensions: Record<string, unknown> = {}) {
    super(detail);
    this.name = 'HttpProblem';
    this.status = status;
    this.code = code;
    this.extensions = extensions;
  }

  document(instance: string | undefined): ProblemDocument {
    return {
      type: problemType(this.code),
      title: TITLES[this.code],
      status: this.status,
      detail: this.message,
      ...(instance === undefined ? {} : { instance }),
      code: this.code,
      ...this.extensions,
    };
  }
}

/** A URN per code: stable, and no promise of a web page behind it. */
export function problemType(code: ProblemCode): string {
  return `urn:mock-mail-server:problem:${code.toLowerCase().replace('.', ':').replace(/_/g, '-')}`;
}
