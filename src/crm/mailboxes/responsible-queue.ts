/** Where a mailbox's queue stands: the position the next new item's responsible is taken from. */
export interface QueuePick {
  readonly employeeId: number;
  /** The position to start from next time. */
  readonly nextPosition: number;
}

/**
 * Round-robin over the mailbox's responsible queue, skipping inactive employees (R4.4; the
 * pointer is kept per mailbox, reference §1.6 rule 35). Undefined when nobody in the queue is
 * active: the caller decides who stands in.
 */
export function pickResponsible(
  queue: readonly number[],
  position: number,
  isActive: (employeeId: number) => boolean,
): QueuePick | undefined {
  for (let step = 0; step < queue.length; step++) {
    const at = (position + step) % queue.length;
    const employeeId = queue[at];
    if (employeeId !== undefined && isActive(employeeId)) return { employeeId, nextPosition: (at + 1) % queue.length };
  }
  return undefined;
}
