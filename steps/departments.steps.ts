import { Given } from '@cucumber/cucumber';
import type { CrmWorld } from './support/world.ts';

// The company structure: departments under the root department "Company", for the department levels of access (R6.1).

// Adds a department below another one ("Company" is the root, to which every employee belongs at least).
Given('the department {string} within the department {string}', function (this: CrmWorld, name: string, parent: string) {
  this.sim.crm.addDepartment(name, parent);
});
