import { describe, expect, it } from 'vitest';
import { dovecotConfig, dovecotLayout, maildirFlags, passwdLine } from './dovecot-config.ts';

describe('dovecotConfig', () => {
  const config = dovecotConfig({ root: '/tmp/bench-dovecot-x', port: 40123, user: 'nobody', group: 'nogroup' });

  it('keeps everything under the instance folder and listens on loopback only', () => {
    expect(config).toContain('base_dir = /tmp/bench-dovecot-x/run');
    expect(config).toContain('mail_location = maildir:/tmp/bench-dovecot-x/home/Maildir');
    expect(config).toMatch(/inet_listener imap \{\n {4}address = 127\.0\.0\.1\n {4}port = 40123\n/);
    expect(config).toMatch(/inet_listener imaps \{\n {4}port = 0\n/);
    expect(config).toContain('listen = 127.0.0.1');
  });

  it('runs every process as the given unprivileged user', () => {
    for (const setting of ['default_login_user = nobody', 'default_internal_user = nobody', 'default_internal_group = nogroup', 'args = uid=nobody gid=nogroup']) {
      expect(config).toContain(setting);
    }
    expect(config).not.toMatch(/\broot\b/);
  });

  it('names its files from one root', () => {
    expect(dovecotLayout('/r')).toEqual({ configFile: '/r/dovecot.conf', passwdFile: '/r/passwd', baseDir: '/r/run', home: '/r/home', maildir: '/r/home/Maildir' });
  });
});

describe('passwdLine', () => {
  it('writes a plain-text passwd-file entry', () => {
    expect(passwdLine('sales@acme.test', 'secret')).toBe('sales@acme.test:{PLAIN}secret:::::\n');
  });

  it('refuses a field that would break the file', () => {
    expect(() => passwdLine('a:b', 'secret')).toThrow(/":"/);
    expect(() => passwdLine('a', 'se\ncret')).toThrow();
  });
});

describe('maildirFlags', () => {
  it('writes the info letters in ASCII order and drops keywords maildir cannot name', () => {
    expect(maildirFlags(['\\Seen', '\\Answered', '\\Flagged', '$Label1'])).toBe('FRS');
    expect(maildirFlags([])).toBe('');
  });
});
