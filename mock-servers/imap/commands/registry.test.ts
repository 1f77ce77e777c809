import { describe, expect, it } from 'vitest';
import { findCommand, registeredNames } from './registry.ts';

describe('command registry', () => {
  it('registers each command once, under its upper-case name', () => {
    const names = registeredNames();
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toBe(name.toUpperCase());
    expect(findCommand('UID FETCH')?.allowedIn).toEqual(['selected']);
    expect(findCommand('APPEND')?.allowedIn).toEqual(['authenticated', 'selected']);
    expect(findCommand('XAPPEND')).toBeUndefined();
  });

  it('marks the commands that end a selection', () => {
    const ending = registeredNames().filter((name) => findCommand(name)?.endsSelection);
    expect(ending.sort()).toEqual(['CLOSE', 'EXAMINE', 'LOGOUT', 'SELECT', 'UNSELECT']);
  });

  it('marks the sequence-number commands during which no EXPUNGE may be sent (RFC 3501 §7.4.1)', () => {
    const deferring = registeredNames().filter((name) => findCommand(name)?.defersExpunges);
    expect(deferring.sort()).toEqual(['FETCH', 'SEARCH', 'STORE']);
  });
});
