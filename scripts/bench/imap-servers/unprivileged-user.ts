/**
 * The account a child server runs as: ourselves, or `nobody` when we are root (Dovecot refuses
 * to run its login processes as root, and a benchmark has no business running servers as root).
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';

export interface UnixIdentity {
  readonly user: string;
  readonly group: string;
  readonly uid: number;
  readonly gid: number;
  /** True when a child must be started with this uid/gid instead of inheriting ours. */
  readonly switchUser: boolean;
}

function readTable(path: string): string[][] {
  try {
    return readFileSync(path, 'utf8').split('\n').filter(Boolean).map((line) => line.split(':'));
  } catch {
    return [];
  }
}

function groupName(gid: number): string | undefined {
  return readTable('/etc/group').find((fields) => Number(fields[2]) === gid)?.[0];
}

export function unprivilegedIdentity(): UnixIdentity {
  const self = os.userInfo();
  if (self.uid !== 0) {
    const group = groupName(self.gid);
    if (!group) throw new Error(`No name for group ${self.gid} in /etc/group`);
    return { user: self.username, group, uid: self.uid, gid: self.gid, switchUser: false };
  }
  const nobody = readTable('/etc/passwd').find((fields) => fields[0] === 'nobody');
  if (!nobody) throw new Error('Running as root and there is no user "nobody" to run the server as');
  const uid = Number(nobody[2]);
  const gid = Number(nobody[3]);
  const group = groupName(gid);
  if (!group) throw new Error(`No name for group ${gid} in /etc/group`);
  return { user: 'nobody', group, uid, gid, switchUser: true };
}
