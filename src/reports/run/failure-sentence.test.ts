import { describe, expect, it } from 'vitest';
import { plainMessage, projectRelative } from './failure-sentence.ts';

describe('failure sentences', () => {
  it('shows paths into the project, on this machine or another, from its root', () => {
    const stack = 'Error: x\n    at f (/work/repo/src/simulation/simulation.ts:111:13)\n    at g (file:///home/ci/other/steps/x.steps.ts:3:1)\n    at h (/home/ci/other/node_modules/@cucumber/cucumber-expressions/dist/a.js:1:1)';
    expect(projectRelative(stack, '/work/repo')).toBe('Error: x\n    at f (src/simulation/simulation.ts:111:13)\n    at g (steps/x.steps.ts:3:1)\n    at h (node_modules/@cucumber/cucumber-expressions/dist/a.js:1:1)');
  });

  it('keeps the first paragraph of an error without its class and stack', () => {
    expect(plainMessage('AssertionError [ERR_ASSERTION]: Expected 1\n    at x (a.ts:1)\n\n  Timeline of the lead')).toBe('Expected 1');
    expect(plainMessage('NothingFoundFailure: Expected a lead "Quote"; the CRM has no such lead')).toBe('Expected a lead "Quote"; the CRM has no such lead');
  });
});
