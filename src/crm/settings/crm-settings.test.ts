import { describe, expect, it } from 'vitest';
import { Crm } from '../crm.ts';
import { mayEditSettings } from '../employees/may-edit-settings.ts';
import { manualClock } from '../testing.ts';

const code = (c: string) => expect.objectContaining({ code: c });

function setup() {
  const crm = new Crm({ clock: manualClock().now });
  return {
    crm,
    admin: crm.addEmployee({ name: 'Adam', isAdministrator: true }),
    editor: crm.addEmployee({ name: 'Edith', canEditSettings: true }),
    plain: crm.addEmployee({ name: 'Piotr' }),
  };
}

describe('CRM settings (faq-rules §0)', () => {
  it('§0 defaults: Classic CRM, repeat sales on, legacy lead creation off, arbitrary addresses allowed, no exceptions', () => {
    expect(setup().crm.crmSettings()).toEqual({
      crmMode: 'Classic CRM',
      repeatSalesMode: true,
      legacyLeadCreationMode: false,
      allowSendingToArbitraryAddresses: true,
      exceptions: [],
    });
  });

  it('R6.2 an administrator or an employee with "User can edit settings" changes them, by product wording', () => {
    const { crm, admin, editor } = setup();
    crm.updateCrmSettings(admin.id, { 'Enable repeat sales mode': false, 'enable legacy lead creation mode': true });
    crm.updateCrmSettings(editor.id, { 'CRM mode': 'simple crm', allowSendingToArbitraryAddresses: false });
    expect(crm.crmSettings()).toMatchObject({
      crmMode: 'Simple CRM',
      repeatSalesMode: false,
      legacyLeadCreationMode: true,
      allowSendingToArbitraryAddresses: false,
    });
  });

  it('R6.2 anyone else is refused with CRM.NOT_ALLOWED_TO_CHANGE_CRM_SETTINGS and nothing changes', () => {
    const { crm, plain } = setup();
    expect(() => crm.updateCrmSettings(plain.id, { repeatSalesMode: false })).toThrow(code('CRM.NOT_ALLOWED_TO_CHANGE_CRM_SETTINGS'));
    expect(() => crm.addToExceptions(plain.id, ['x@y.test'])).toThrow(/administrator or an employee with "User can edit settings"/);
    expect(crm.crmSettings().repeatSalesMode).toBe(true);
  });

  it('R6.2 a dismissed administrator changes nothing', () => {
    const { crm, admin } = setup();
    crm.setEmployeeActive(admin.id, false);
    expect(mayEditSettings(crm.employee(admin.id))).toBe(false);
    expect(() => crm.updateCrmSettings(admin.id, { repeatSalesMode: false })).toThrow(code('CRM.NOT_ALLOWED_TO_CHANGE_CRM_SETTINGS'));
  });

  it('§0 an unknown setting is CRM.UNKNOWN_SETTING listing the settings in product wording', () => {
    const { crm, admin } = setup();
    expect(() => crm.updateCrmSettings(admin.id, { 'Enable repeat sale mode': false })).toThrow(
      /Unknown CRM setting "Enable repeat sale mode"\. CRM settings: "CRM mode", "Enable repeat sales mode", "Enable legacy lead creation mode", "Allow sending e-mails to arbitrary addresses", "Exceptions"\./,
    );
  });

  it('§0 a wrong value is CRM.INVALID_SETTING_VALUE saying what is expected; a bad patch changes nothing', () => {
    const { crm, admin } = setup();
    expect(() => crm.updateCrmSettings(admin.id, { 'CRM mode': 'Simple' })).toThrow(/expected "Classic CRM" or "Simple CRM"/);
    expect(() => crm.updateCrmSettings(admin.id, { repeatSalesMode: false, legacyLeadCreationMode: 'yes' })).toThrow(code('CRM.INVALID_SETTING_VALUE'));
    expect(() => crm.updateCrmSettings(admin.id, { exceptions: 'a@b.test' })).toThrow(code('CRM.INVALID_SETTING_VALUE'));
    expect(() => crm.updateCrmSettings(admin.id, { exceptions: ['not an address'] })).toThrow(code('CRM.INVALID_SETTING_VALUE'));
    expect(crm.crmSettings().repeatSalesMode).toBe(true);
  });

  it('R1.4 the exceptions list: added once whatever the case, removed again', () => {
    const { crm, admin } = setup();
    crm.addToExceptions(admin.id, ['Noreply@Shop.test ', 'noreply@shop.test', 'news@shop.test']);
    expect(crm.crmSettings().exceptions).toEqual(['Noreply@Shop.test', 'news@shop.test']);
    crm.removeFromExceptions(admin.id, ['NOREPLY@shop.test']);
    expect(crm.crmSettings().exceptions).toEqual(['news@shop.test']);
  });
});
