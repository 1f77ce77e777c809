import { authenticateCommand } from './authenticate.ts';
import { capabilityCommand } from './capability.ts';
import { checkCommand } from './check.ts';
import { closeCommand } from './close.ts';
import type { Command } from './contract.ts';
import { enableCommand } from './enable.ts';
import { examineCommand } from './examine.ts';
import { fetchCommand } from './fetch.ts';
import { idCommand } from './id.ts';
import { idleCommand } from './idle.ts';
import { listCommand } from './list.ts';
import { loginCommand } from './login.ts';
import { logoutCommand } from './logout.ts';
import { lsubCommand } from './lsub.ts';
import { namespaceCommand } from './namespace.ts';
import { noopCommand } from './noop.ts';
import { searchCommand } from './search.ts';
import { selectCommand } from './select.ts';
import { starttlsCommand } from './starttls.ts';
import { statusCommand } from './status.ts';
import { storeCommand } from './store.ts';
import { uidFetchCommand } from './uid-fetch.ts';
import { uidSearchCommand } from './uid-search.ts';
import { uidStoreCommand } from './uid-store.ts';
import { unselectCommand } from './unselect.ts';

/** Every command the server implements, by name; anything else is answered BAD. */
const COMMANDS: readonly Command[] = [
  capabilityCommand,
  noopCommand,
  logoutCommand,
  idCommand,
  starttlsCommand,
  loginCommand,
  authenticateCommand,
  enableCommand,
  namespaceCommand,
  listCommand,
  lsubCommand,
  statusCommand,
  selectCommand,
  examineCommand,
  idleCommand,
  checkCommand,
  closeCommand,
  unselectCommand,
  fetchCommand,
  uidFetchCommand,
  searchCommand,
  uidSearchCommand,
  storeCommand,
  uidStoreCommand,
];

const BY_NAME = new Map(COMMANDS.map((command) => [command.name, command]));

export function findCommand(name: string): Command | undefined {
  return BY_NAME.get(name);
}

/** Names are unique: a second command of the same name would silently shadow the first. */
export function registeredNames(): string[] {
  return COMMANDS.map((command) => command.name);
}
