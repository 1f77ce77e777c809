import type { ActivityStore } from '../activities/activity-store.ts';
import type { EmailActivity } from '../activities/email-activity.ts';
import type { AutomationRules } from '../automation/automation-rules.ts';
import { runEmailTrigger } from '../automation/run-email-trigger.ts';
import type { EmployeeDirectory } from '../employees/employee-directory.ts';
import type { Clock } from '../ids.ts';
import { sortBindings, type ItemRef } from '../items/item-ref.ts';
import type { ItemStore } from '../items/item-store.ts';
import type { ConnectedMailbox } from '../mailboxes/connected-mailbox.ts';
import type { MailboxMessage } from '../mailboxes/mailbox-message.ts';
import type { MailboxRegistry } from '../mailboxes/mailbox-registry.ts';
import { hasReadingProblem } from '../mailboxes/reading-problems.ts';
import { findClosedLead, findMatches } from '../matching/find-matches.ts';
import type { CrmSettingsStore } from '../settings/crm-settings-store.ts';
import type { Timelines } from '../timeline/timeline.ts';
import { decideBinding } from './binding-decision.ts';
import { createForDecision } from './create-items.ts';
import { automaticSaveBlocker, isOutgoing, processingPeriodBlocker } from './gates.ts';
import type { IntakeOutcome, NotSavedOutcome, NotSavedReason } from './outcome.ts';
import { outsideParty } from './parties.ts';
import { recordActivity } from './record-activity.ts';
import { findParent, replyBindings, replyTarget } from './thread.ts';

export interface IntakeDeps {
  readonly clock: Clock;
  readonly items: ItemStore;
  readonly activities: ActivityStore;
  readonly timelines: Timelines;
  readonly mailboxes: MailboxRegistry;
  readonly employees: EmployeeDirectory;
  readonly settings: CrmSettingsStore;
  readonly automation: AutomationRules;
}

/**
 * Turns a mailbox message into an e-mail activity, or says why not. The sync and "Save to CRM"
 * share it; `savedById` (the employee who pressed the button) makes the save manual, which skips
 * the automatic gates (R3.2). In order: saved before? (R1.5, R3.3) → the mailbox's folder gates
 * (R1.1–R1.3) → a reply to CRM mail? (R2.8) → the processing period (R1.4) → whom it is with,
 * without employees and exceptions (R1.4) → the routing rules (R2.1–R2.7) → the activity, then
 * the automation rules (R2.9).
 */
export function saveMessage(deps: IntakeDeps, mailbox: ConnectedMailbox, message: MailboxMessage, savedById?: number): IntakeOutcome {
  const notSaved = (reason: NotSavedReason, activity?: EmailActivity): NotSavedOutcome => ({
    saved: false,
    reason,
    mailboxMessage: message,
    ...(activity && { activity }),
  });

  const existing = deps.activities.forMessage(mailbox.id, message.id, message.messageId, message.contentDigest);
  if (existing) return notSaved('already-saved', existing);

  // A message the connector could not read has no sender, text or date to save (R1.5 keeps it listed).
  if (hasReadingProblem(message, 'unparsable')) return notSaved('unreadable-message');

  const manual = savedById !== undefined;
  const outgoing = isOutgoing(mailbox.settings, message.folder);
  const gate = manual ? undefined : automaticSaveBlocker(mailbox.settings, message.folder);
  if (gate) return notSaved(gate);

  const parent = findParent(deps.activities, message);
  const target = parent && replyTarget(deps.items, parent);
  // R2.8: a reply to CRM mail goes to its thread "whatever the other settings say".
  const period = manual || target ? undefined : processingPeriodBlocker(mailbox, message);
  if (period) return notSaved(period);

  const party = outsideParty(
    message,
    outgoing,
    {
      isInternal: (address) => deps.employees.activeByEmail(address) !== undefined || deps.mailboxes.isConnectedAddress(address),
      isException: (address) => deps.settings.isException(address),
    },
    manual || target !== undefined,
  );
  if (!party.ok) return notSaved(party.reason === 'no-sender' && hasReadingProblem(message, 'sender-unreadable') ? 'unreadable-sender' : party.reason);
  const addresses = party.party.map((a) => a.address);
  const match = findMatches(deps.items, addresses);

  let bindings: ItemRef[];
  let created: ItemRef[] = [];
  if (target) {
    bindings = replyBindings(target, match);
  } else {
    const settings = deps.settings.get();
    const decision = decideBinding({
      match,
      ...closedLeadFor(deps, settings.legacyLeadCreationMode && !settings.repeatSalesMode, addresses, match),
      settings,
      createForNewParty: outgoing ? mailbox.settings.createForNewRecipient : mailbox.settings.createForNewSender,
      forced: manual,
      outgoing,
    });
    if (decision.kind === 'not-saved') return notSaved(decision.reason);
    if (decision.kind === 'bind') {
      bindings = sortBindings(decision.bindings);
    } else {
      ({ bindings, created } = createForDecision(deps, mailbox, decision, party.party, message.subject));
    }
  }

  const recorded = recordActivity(deps, {
    mailbox,
    message,
    direction: outgoing ? 'outgoing' : 'incoming',
    bindings,
    ...(savedById !== undefined && { savedById }),
    ...(parent && { parentId: parent.id }),
  });
  const { activity, runs } = runEmailTrigger({ items: deps.items, activities: deps.activities, rules: deps.automation.all() }, recorded);
  return { saved: true, mailboxMessage: message, activity, created, automation: runs };
}

function closedLeadFor(deps: IntakeDeps, legacy: boolean, addresses: readonly string[], match: ReturnType<typeof findMatches>) {
  if (!legacy) return {};
  const lead = findClosedLead(deps.items, addresses, match.kind === 'client' ? match : undefined);
  return lead ? { closedLead: lead } : {};
}
