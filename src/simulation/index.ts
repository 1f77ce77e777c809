export { Simulation, DEFAULT_START, type SimulationOptions, type IncomingEmail } from './simulation.ts';
export { MailboxConnection, type SyncResult } from './mailbox-connection.ts';
export { VirtualClock } from './virtual-clock.ts';
export type { FormRecipient } from './simulation.ts';
