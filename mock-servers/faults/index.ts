export { FaultPlan, type FaultEvent, type FaultPlanOptions, type ImapCommandFailure, type SmtpRecipientContext } from './fault-plan.ts';
export { describeFault, type FaultProtocol, type FaultRule, type SmtpFaultReply } from './fault-rules.ts';
export { FAULT_KINDS, parseFault } from './parse-fault.ts';
export { seededRandom } from './seeded-random.ts';
export { askPlan } from './capture-faults.ts';
