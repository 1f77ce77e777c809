import type { SMTPServerSession } from 'smtp-server';
import { formatRfc5322Date } from './rfc5322-date.ts';

/**
 * The "with" protocol of a Received field: ESMTP, plus S over TLS and A after AUTH (RFC 3848),
 * or UTF8SMTP with the same suffixes when the client used SMTPUTF8 (RFC 6531 §3.7.3).
 */
export function receivedProtocol(session: SMTPServerSession): string {
  const type = session.transmissionType || 'SMTP';
  return session.envelope.smtpUtf8 ? type.replace(/^E?SMTP/, 'UTF8SMTP') : type;
}

/**
 * Return-Path and Received, as every MTA adds on final delivery (RFC 5321 §4.4). A TLS session
 * says which protocol and cipher it used in a comment, as Postfix and Exim do.
 */
export function traceFields(session: SMTPServerSession, mailFrom: string, hostname: string, id: number, now: Date): string[] {
  const helo = session.hostNameAppearsAs || 'unknown';
  const tls = session.secure && session.tlsOptions ? ` (using ${session.tlsOptions.version} with cipher ${session.tlsOptions.name})` : '';
  return [
    `Return-Path: <${mailFrom}>`,
    `Received: from ${helo} (${session.remoteAddress})${tls} by ${hostname} with ${receivedProtocol(session)} id ${id}; ${formatRfc5322Date(now)}`,
  ];
}
