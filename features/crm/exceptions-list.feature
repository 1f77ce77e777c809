Feature: The CRM's exceptions list
  CRM > Settings > Other > Exceptions: no lead or deal is ever created from a listed address,
  and its mail is not saved automatically. Saving by hand still works, and an answer to CRM
  mail still reaches its deal (see replies-to-crm-mail.feature).

  Background:
    Given the employees:
      | name         | can edit settings |
      | Anna Nowak   | no                |
      | Edyta Ustaw  | yes               |
    And "Anna Nowak" has connected the mailbox "sales@acme.test" to the CRM

  @R1.4 @problem
  Scenario: Mail from a listed address creates nothing and is not saved automatically
    When "Edyta Ustaw" adds "newsletter@shop.test" to the CRM's exceptions list
    And "Shop <newsletter@shop.test>" sends an e-mail to "sales@acme.test" with the subject "Weekly offers"
    And the CRM synchronises the mailbox "sales@acme.test"
    Then the e-mail "Weekly offers" is not saved to the CRM because the sender is on the exceptions list
    And the CRM has no leads

  @R1.4 @R8.3
  Scenario: The list compares addresses as matching does: case and surrounding spaces do not count
    When "Edyta Ustaw" adds " NewsLetter@Shop.test " to the CRM's exceptions list
    And "Shop <newsletter@shop.test>" sends an e-mail to "sales@acme.test" with the subject "Weekly offers"
    And the CRM synchronises the mailbox "sales@acme.test"
    Then the e-mail "Weekly offers" is not saved to the CRM because the sender is on the exceptions list

  @R1.4 @R3.2
  Scenario: Saving by hand ignores the list
    Given the address "newsletter@shop.test" is on the CRM's exceptions list
    And "Shop <newsletter@shop.test>" has sent an e-mail to "sales@acme.test" with the subject "Weekly offers"
    When "Anna Nowak" clicks "Save to CRM" next to the e-mail "Weekly offers"
    Then the e-mail "Weekly offers" is saved to the CRM and bound to the lead "Weekly offers"

  @R1.4 @R6.2 @error
  Scenario: Only an administrator or an employee with "User can edit settings" changes the list
    When "Anna Nowak" tries to add "newsletter@shop.test" to the CRM's exceptions list
    Then the CRM refuses with "CRM.NOT_ALLOWED_TO_CHANGE_CRM_SETTINGS"
