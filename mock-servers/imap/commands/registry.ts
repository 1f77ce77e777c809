import { appendCommand } from './append.ts';
import { authenticateCommand } from './authenticate.ts';
import { capabilityCommand } from './capability.ts';
import { checkCommand } from './check.ts';
import { closeCommand } from './close.ts';
import type { Command } from './contract.ts';
import { copyCommand } from './copy.ts';
import { createCommand } from './create.ts';
import { deleteCommand } from './delete.ts';
import { enableCommand } from './enable.ts';
import { examineCommand } from './examine.ts';
import { expungeCommand } from './expunge.ts';
import { fetchCommand } from './fetch.ts';
import { idCommand } from './id.ts';
import { idleCommand } from './idle.ts';
import { listCommand } from './list.ts';
import { loginCommand } from './login.ts';
import { logoutCommand } from './logout.ts';
import { lsubCommand } from './lsub.ts';
import { moveCommand } from './move.ts';
import { namespaceCommand } from './namespace.ts';
import { noopCommand } from './noop.ts';
import { renameCommand } from './rename.ts';
import { searchCommand } from './search.ts';
import { selectCommand } from './select.ts';
import { starttlsCommand } from './starttls.ts';
import { statusCommand } from './status.ts';
import { storeCommand } from './store.ts';
import { subscribeCommand } from './subscribe.ts';
import { uidCopyCommand } from './uid-copy.ts';
import { uidExpungeCommand } from './uid-expunge.ts';
import { uidFetchCommand } from './uid-fetch.ts';
import { uidMoveCommand } from './uid-move.ts';
import { uidSearchCommand } from './uid-search.ts';
import { uidStoreCommand } from './uid-store.ts';
import { unselectCommand } from './unselect.ts';
import { unsubscribeCommand } from './unsubscribe.ts';

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
  createCommand,
  deleteCommand,
  renameCommand,
  subscribeCommand,
  unsubscribeCommand,
  statusCommand,
  appendCommand,
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
  copyCommand,
  uidCopyCommand,
  moveCommand,
  uidMoveCommand,
  expungeCommand,
  uidExpungeCommand,
];

const BY_NAME = new Map(COMMANDS.map((command) => [command.name, command]));

export function findCommand(name: string): Command | undefined {
  return BY_NAME.get(name);
}

/** Names are unique: a second command of the same name would silently shadow the first. */
export function registeredNames(): string[] {
  return COMMANDS.map((command) => command.name);
}
