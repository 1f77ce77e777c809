import type { FaultEvent, FaultPlan } from './fault-plan.ts';

/**
 * Runs one question to the plan and returns its answer with the faults it fired. The plan is
 * synchronous, so the events caught are exactly this question's, and the server that asked can
 * file them under the connection that caused them (transcripts are per connection).
 */
export function askPlan<T>(plan: FaultPlan, question: (plan: FaultPlan) => T): { answer: T; fired: FaultEvent[] } {
  const fired: FaultEvent[] = [];
  const stop = plan.onFault((event) => fired.push(event));
  try {
    return { answer: question(plan), fired };
  } finally {
    stop();
  }
}
