import { describe, expect, it } from 'vitest';
import { Crm } from '../crm.ts';
import { manualClock } from '../testing.ts';

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
