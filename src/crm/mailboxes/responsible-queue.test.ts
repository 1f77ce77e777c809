import { describe, expect, it } from 'vitest';
import { pickResponsible } from './responsible-queue.ts';

describe('responsible queue (R4.4)', () => {
  const everyone = () => true;

  it('R4.4: goes round the queue in order', () => {
    let position = 0;
    const picked: number[] = [];
    for (let i = 0; i < 5; i++) {
      const pick = pickResponsible([7, 8, 9], position, everyone);
      picked.push(pick!.employeeId);
      position = pick!.nextPosition;
    }
    expect(picked).toEqual([7, 8, 9, 7, 8]);
  });

  it('R4.4: skips inactive employees', () => {
    expect(pickResponsible([7, 8, 9], 1, (id) => id !== 8)).toEqual({ employeeId: 9, nextPosition: 0 });
  });

  it('R4.4: says nobody when no one in the queue is active', () => {
    expect(pickResponsible([7, 8], 0, () => false)).toBeUndefined();
    expect(pickResponsible([], 0, everyone)).toBeUndefined();
  });
});
