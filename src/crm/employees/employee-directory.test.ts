import { describe, expect, it } from 'vitest';
import { Crm } from '../crm.ts';
import { sequentialIds } from '../ids.ts';
import { manualClock } from '../testing.ts';
import { EmployeeDirectory } from './employee-directory.ts';

describe('employees', () => {
  it('are active, not administrators, numbered from 1 by default', () => {
    const crm = new Crm({ clock: manualClock().now });
    expect(crm.addEmployee({ name: 'Anna', department: 'Sales' })).toEqual({
      id: 1,
      name: 'Anna',
      active: true,
      department: 'Sales',
      isAdministrator: false,
      canEditSettings: false,
    });
    expect(crm.employeeByName('Anna').id).toBe(1);
  });

  it('unknown ids and names are CRM.UNKNOWN_EMPLOYEE; a second employee with the same name is refused', () => {
    const crm = new Crm({ clock: manualClock().now });
    crm.addEmployee({ name: 'Anna' });
    expect(() => crm.employee(2)).toThrow(expect.objectContaining({ code: 'CRM.UNKNOWN_EMPLOYEE' }));
    expect(() => crm.employeeByName('Boris')).toThrow(expect.objectContaining({ code: 'CRM.UNKNOWN_EMPLOYEE' }));
    expect(() => crm.addEmployee({ name: 'Anna' })).toThrow(expect.objectContaining({ code: 'CRM.DUPLICATE_EMPLOYEE_NAME' }));
  });

  it('items need a known responsible', () => {
    const crm = new Crm({ clock: manualClock().now });
    expect(() => crm.addLead({ title: 'x', responsibleId: 1 })).toThrow(expect.objectContaining({ code: 'CRM.UNKNOWN_EMPLOYEE' }));
  });
});

describe('employee e-mail addresses (R1.4)', () => {
  it('R1.4 finds an active employee by address, trimmed and lower-cased; refuses a non-address', () => {
    const directory = new EmployeeDirectory(sequentialIds());
    const anna = directory.add({ name: 'Anna', email: ' anna@acme.test' });
    expect(anna.email).toBe('anna@acme.test');
    expect(directory.activeByEmail('ANNA@acme.test ')?.id).toBe(anna.id);
    directory.setActive(anna.id, false);
    expect(directory.activeByEmail('anna@acme.test')).toBeUndefined();
    expect(() => directory.add({ name: 'Bad', email: 'bad' })).toThrow(expect.objectContaining({ code: 'CRM.INVALID_EMAIL_VALUE' }));
  });
});
