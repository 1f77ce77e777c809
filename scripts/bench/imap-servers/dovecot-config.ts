/**
 * A Dovecot 2.3 configuration for one unprivileged instance: everything (sockets, state, mail,
 * users) under one temporary folder, plain IMAP on one loopback port, one user from a
 * passwd-file, maildir storage. Settings are Dovecot 2.3's names (the Debian 12 / Ubuntu 24.04
 * package); `disable_plaintext_auth = no` is needed because there is no TLS on loopback.
 */
export interface DovecotConfigInput {
  /** Absolute path of the instance's folder. */
  readonly root: string;
  readonly port: number;
  /** The unprivileged user and group every Dovecot process runs as (Dovecot's "rootless" set-up). */
  readonly user: string;
  readonly group: string;
}

export interface DovecotLayout {
  readonly configFile: string;
  readonly passwdFile: string;
  readonly baseDir: string;
  readonly home: string;
  readonly maildir: string;
}

export function dovecotLayout(root: string): DovecotLayout {
  return {
    configFile: `${root}/dovecot.conf`,
    passwdFile: `${root}/passwd`,
    baseDir: `${root}/run`,
    home: `${root}/home`,
    maildir: `${root}/home/Maildir`,
  };
}

/** The passwd-file line for one user with a plain-text password (fine for a throw-away instance). */
export function passwdLine(user: string, password: string): string {
  if (/[:\n]/.test(user) || /[:\n]/.test(password)) throw new Error('passwd-file fields cannot hold ":" or a newline');
  return `${user}:{PLAIN}${password}:::::\n`;
}

export function dovecotConfig(input: DovecotConfigInput): string {
  const layout = dovecotLayout(input.root);
  return `# Generated for one benchmark run; deleted with its folder.
protocols = imap
listen = 127.0.0.1
base_dir = ${layout.baseDir}
state_dir = ${layout.baseDir}/state
instance_name = bench-${input.port}
log_path = /dev/stderr
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
default_login_user = ${input.user}
default_internal_user = ${input.user}
default_internal_group = ${input.group}
mail_location = maildir:${layout.maildir}
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${layout.passwdFile}
}
userdb {
  driver = static
  args = uid=${input.user} gid=${input.group} home=${layout.home}
}
service imap-login {
  chroot =
  inet_listener imap {
    address = 127.0.0.1
    port = ${input.port}
  }
  inet_listener imaps {
    port = 0
  }
}
service anvil {
  chroot =
}
service stats {
  unix_listener stats-reader {
    mode = 0600
  }
  unix_listener stats-writer {
    mode = 0600
  }
}
`;
}

/** Maildir flag letters (maildir ":2," info), from IMAP system flags. */
export function maildirFlags(flags: readonly string[]): string {
  const letters: Record<string, string> = { '\\Draft': 'D', '\\Flagged': 'F', '\\Answered': 'R', '\\Seen': 'S', '\\Deleted': 'T' };
  return flags
    .map((flag) => letters[flag])
    .filter((letter): letter is string => letter !== undefined)
    .sort()
    .join('');
}
