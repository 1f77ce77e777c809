import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findDovecot } from './dovecot.ts';

describe('findDovecot', () => {
  const folders: string[] = [];
  const folder = async () => {
    const created = await mkdtemp(path.join(os.tmpdir(), 'find-dovecot-'));
    folders.push(created);
    return created;
  };
  afterEach(async () => {
    for (const created of folders.splice(0)) await rm(created, { recursive: true, force: true });
  });

  it('finds nothing where there is no dovecot', async () => {
    expect(await findDovecot([await folder()])).toBeUndefined();
  });

  it('takes the first executable dovecot and its version', async () => {
    const empty = await folder();
    const installed = await folder();
    const binary = path.join(installed, 'dovecot');
    await writeFile(binary, '#!/bin/sh\necho "2.3.21 (47349e2482)"\n');
    await chmod(binary, 0o755);
    expect(await findDovecot([empty, installed])).toEqual({ binary, version: '2.3.21' });
  });

  it('passes over a dovecot file that is not executable', async () => {
    const installed = await folder();
    await writeFile(path.join(installed, 'dovecot'), 'not a program');
    expect(await findDovecot([installed])).toBeUndefined();
  });
});
