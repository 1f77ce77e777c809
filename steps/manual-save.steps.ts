import { When } from '@cucumber/cucumber';
import type { ItemWords } from './support/parameter-types.ts';
import type { CrmWorld } from './support/world.ts';

// "Save to CRM" has no item to choose (Q11, R2.9): asking for one is refused and kept for `the CRM refuses with {string}`.

// "Save to CRM" asked to bind the e-mail to that item: refused with CRM.SAVE_ITEM_NOT_CHOOSABLE, nothing saved (Q11).
When('{employee} tries to save the e-mail {string} to the {item} with "Save to CRM"', function (this: CrmWorld, employee: string, subject: string, item: ItemWords) {
  const chosen = this.sim.item(item.type, item.label);
  this.attempt(() => this.sim.saveToCrm(employee, subject, chosen));
});
