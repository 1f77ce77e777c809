import type { EmployeeDirectory } from '../employees/employee-directory.ts';
import { CrmError } from '../errors.ts';
import type { Clock, IdSource } from '../ids.ts';
import { normaliseEmail } from '../matching/normalise.ts';
import type { ConnectedMailbox } from './connected-mailbox.ts';
import type { MailboxFolder } from './folder-path.ts';
import { resolveMailboxSettings, type MailboxSettings } from './mailbox-settings.ts';
import { pickResponsible } from './responsible-queue.ts';
import { parseSettingsPatch } from './settings-patch.ts';

export interface ConnectMailboxInput {
  address: string;
  connectorId: number;
  accessList?: readonly number[];
  settings?: Readonly<Partial<MailboxSettings>>;
}

interface MailboxState {
  readonly id: number;
  readonly address: string;
  readonly connectorId: number;
  readonly connectedAt: Date;
  readonly access: Set<number>;
  folders: readonly MailboxFolder[];
  /** Only what someone chose; everything else follows the defaults, which follow the folders. */
  chosen: Partial<MailboxSettings>;
  queuePosition: number;
}

/** The connected mailboxes: who owns them, who may open them, and their CRM settings. */
export class MailboxRegistry {
  private readonly mailboxes = new Map<number, MailboxState>();
  private readonly ids: IdSource;
  private readonly employees: EmployeeDirectory;
  private readonly clock: Clock;

  constructor(ids: IdSource, employees: EmployeeDirectory, clock: Clock) {
    this.ids = ids;
    this.employees = employees;
    this.clock = clock;
  }

  connect(input: ConnectMailboxInput): ConnectedMailbox {
    this.employees.get(input.connectorId);
    if (this.find(input.address)) {
      throw new CrmError('CRM.MAILBOX_ALREADY_CONNECTED', `The mailbox ${input.address} is already connected.`);
    }
    const access = new Set([input.connectorId, ...(input.accessList ?? [])]);
    for (const id of access) this.employees.get(id);
    // The folders are not listed yet, so folder names chosen at connection are taken on trust.
    const chosen = parseSettingsPatch(input.settings ?? {}, { folders: undefined, isEmployee: (id) => this.employees.has(id) });
    const state: MailboxState = {
      id: this.ids.next('mailbox'),
      address: input.address.trim(),
      connectorId: input.connectorId,
      connectedAt: this.clock(),
      access,
      folders: [],
      chosen,
      queuePosition: 0,
    };
    this.mailboxes.set(state.id, state);
    return view(state);
  }

  get(id: number): ConnectedMailbox {
    return view(this.state(id));
  }

  byAddress(address: string): ConnectedMailbox {
    const state = this.find(address);
    if (!state) throw new CrmError('CRM.UNKNOWN_MAILBOX', `No mailbox ${address} is connected to the CRM.`);
    return view(state);
  }

  all(): readonly ConnectedMailbox[] {
    return [...this.mailboxes.values()].map(view);
  }

  /** The connector tells the CRM which folders the server has; defaults follow them. */
  registerFolders(id: number, folders: readonly MailboxFolder[]): void {
    this.state(id).folders = folders.map((f) => ({ ...f }));
  }

  /** Only the connector, or an administrator, may change a mailbox's settings (R4.3). */
  updateSettings(actorId: number, id: number, patch: Readonly<Record<string, unknown>>): ConnectedMailbox {
    const state = this.state(id);
    this.requireOwnerOrAdministrator(actorId, state);
    const change = parseSettingsPatch(patch, { folders: state.folders, isEmployee: (e) => this.employees.has(e) });
    state.chosen = { ...state.chosen, ...change };
    if (change.responsibleQueue) state.queuePosition = 0;
    return view(state);
  }

  /** Shares the mailbox with another employee; the same people as for its settings may (R4.3). */
  grantAccess(actorId: number, id: number, employeeId: number): ConnectedMailbox {
    const state = this.state(id);
    this.requireOwnerOrAdministrator(actorId, state);
    this.employees.get(employeeId);
    state.access.add(employeeId);
    return view(state);
  }

  /**
   * Mailbox access is its own list: CRM roles, even the administrator's, do not open a mailbox
   * (reference §1.10 rule 58).
   */
  hasAccess(id: number, employeeId: number): boolean {
    return this.state(id).access.has(employeeId);
  }

  /** The folders the connector should sync: the chosen ones, or every folder it listed. */
  foldersToSync(id: number): string[] {
    const state = this.state(id);
    const chosen = view(state).settings.foldersToSync;
    return chosen === 'all' ? state.folders.map((f) => f.path) : [...chosen];
  }

  /**
   * The responsible for a new item created from this mailbox's mail: next in the queue, skipping
   * inactive employees (R4.4). With nobody active in the queue the product turns to the portal's
   * administrators (reference §1.6 rule 35): the first active one, else the connector.
   */
  takeResponsible(id: number): number {
    const state = this.state(id);
    const queue = view(state).settings.responsibleQueue;
    const pick = pickResponsible(queue, state.queuePosition, (e) => this.employees.get(e).active);
    if (pick) {
      state.queuePosition = pick.nextPosition;
      return pick.employeeId;
    }
    return this.employees.all().find((e) => e.active && e.isAdministrator)?.id ?? state.connectorId;
  }

  private requireOwnerOrAdministrator(actorId: number, state: MailboxState): void {
    const actor = this.employees.get(actorId);
    if (actor.id === state.connectorId || actor.isAdministrator) return;
    throw new CrmError(
      'CRM.NOT_ALLOWED_TO_CHANGE_MAILBOX_SETTINGS',
      `${actor.name} cannot change the settings of ${state.address}: only the employee who connected it or an administrator can.`,
    );
  }

  private state(id: number): MailboxState {
    const state = this.mailboxes.get(id);
    if (!state) throw new CrmError('CRM.UNKNOWN_MAILBOX', `There is no connected mailbox with id ${id}.`);
    return state;
  }

  /** Whether the address is one of the connected mailboxes (R1.4: their mail is internal). */
  isConnectedAddress(address: string): boolean {
    return this.find(address) !== undefined;
  }

  private find(address: string): MailboxState | undefined {
    const key = normaliseEmail(address);
    return [...this.mailboxes.values()].find((m) => normaliseEmail(m.address) === key);
  }
}

function view(state: MailboxState): ConnectedMailbox {
  return {
    id: state.id,
    address: state.address,
    connectorId: state.connectorId,
    connectedAt: state.connectedAt,
    accessList: [...state.access],
    folders: state.folders,
    settings: resolveMailboxSettings(state.connectorId, state.folders, state.chosen),
  };
}
