import { FeatureWordingError } from './scenario-errors.ts';
/**
 * The scenario's clock. Time moves only when a step moves it, so "at 10:00" means 10:00 in every
 * run, on every machine. Times are UTC, so a run does not depend on the machine's time zone.
 */
export class VirtualClock {
  private current: Date;

  constructor(start: Date) {
    this.current = new Date(start.getTime());
  }

  now(): Date {
    return new Date(this.current.getTime());
  }

  /** Sets the time of day ("10:00", "09:30:15") on the current date. */
  setTimeOfDay(time: string): void {
    const match = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(time.trim());
    if (!match) throw new FeatureWordingError(`"${time}" is not a time of day; write it as HH:MM or HH:MM:SS`);
    const [hours, minutes, seconds] = [Number(match[1]), Number(match[2]), Number(match[3] ?? 0)];
    if (hours > 23 || minutes > 59 || seconds > 59) throw new FeatureWordingError(`"${time}" is not a valid time of day`);
    const next = new Date(this.current.getTime());
    next.setUTCHours(hours, minutes, seconds, 0);
    this.set(next);
  }

  /** Moves to an exact moment; time never runs backwards within a scenario. */
  set(moment: Date): void {
    if (Number.isNaN(moment.getTime())) throw new Error('Cannot set the clock to an invalid date');
    if (moment.getTime() < this.current.getTime()) {
      throw new Error(`The clock cannot go back from ${this.current.toISOString()} to ${moment.toISOString()}`);
    }
    this.current = new Date(moment.getTime());
  }

  advance(milliseconds: number): void {
    if (!(milliseconds >= 0)) throw new Error(`Cannot advance the clock by ${milliseconds} ms`);
    this.current = new Date(this.current.getTime() + milliseconds);
  }
}
