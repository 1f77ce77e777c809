import { describe, expect, it } from 'vitest';
import { Resources, withResources } from './resources.ts';

describe('Resources', () => {
  it('releases newest first and keeps going past a failure, which it reports', async () => {
    const resources = new Resources();
    const order: string[] = [];
    resources.add('server', () => void order.push('server'));
    resources.add('broken', () => { throw new Error('port stuck'); });
    resources.add('client', () => void order.push('client'));
    const failures = await resources.release();
    expect(order).toEqual(['client', 'server']);
    expect(failures).toEqual(['broken: port stuck']);
    expect(resources.held).toBe(0);
  });

  it('releases an entry released early only once', async () => {
    const resources = new Resources();
    let count = 0;
    const release = resources.add('server', () => void count++);
    await release();
    await release();
    await resources.release();
    expect(count).toBe(1);
  });

  it('runs last-resort releases until they are withdrawn', () => {
    const resources = new Resources();
    const ran: string[] = [];
    resources.addLastResort('kill', () => ran.push('kill'));
    const withdraw = resources.addLastResort('rm', () => ran.push('rm'));
    withdraw();
    resources.releaseLastResorts();
    expect(ran).toEqual(['kill']);
  });
});

describe('withResources', () => {
  it('releases everything when the body throws, and passes the error on', async () => {
    const released: string[] = [];
    await expect(
      withResources(async (resources) => {
        resources.add('server', () => void released.push('server'));
        resources.addLastResort('folder', () => released.push('folder'));
        throw new Error('fetch failed');
      }),
    ).rejects.toThrow('fetch failed');
    expect(released).toEqual(['server', 'folder']);
  });
});

describe('an interrupted run', () => {
  it('releases a resource registered after the release began at once, and stops its registrant', async () => {
    const resources = new Resources();
    const released: string[] = [];
    let registerLate: (() => void) | undefined;
    resources.add('first', async () => {
      released.push('first');
      registerLate?.();
    });
    registerLate = () => {
      expect(() => resources.add('late server', () => void released.push('late server'))).toThrow(/Interrupted/);
      expect(() => resources.throwIfReleasing()).toThrow(/Interrupted/);
    };
    await resources.release();
    await Promise.resolve();
    expect(released).toEqual(['first', 'late server']);
  });
});
