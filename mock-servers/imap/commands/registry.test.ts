import { describe, expect, it } from 'vitest';
import { findCommand, registeredNames } from './registry.ts';

describe('command registry', () => {
  it('registers each command once, under its upper-case name', () => {
    const names = registeredNames();
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toBe(name.toUpperCase());
    expect(findCommand('UID FETCH')?.allowedIn).toEqual(['selected']);
    expect(findCommand('APPEND')).toBeUndefined();
  });

  it('marks the commands that end a selection', () => {
    const ending = registeredNames().filter((name) => findCommand(name)?.endsSelection);
    expect(ending.sort()).toEqual(['CLOSE', 'EXAMINE', 'LOGOUT', 'SELECT', 'UNSELECT']);
  });
});
