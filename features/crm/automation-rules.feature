Feature: Automation rules with the e-mail trigger
  "When an e-mail is saved to a lead in status X / a deal in stage Y, do this": the rule runs
  as the e-mail is saved, by the synchronisation or by hand, on the items it is bound to.

  Background:
    Given the employees:
      | name         | administrator |
      | Anna Nowak   | no            |
      | Boris Wójcik | no            |
      | Adam Admin   | yes           |
    And "Anna Nowak" has connected the mailbox "sales@acme.test" to the CRM

  @R2.9
  Scenario: A new lead from e-mail moves on to "In progress" as its e-mail is saved
    Given "Adam Admin" adds the automation rule "Take up": when an e-mail is saved to a lead in the status "Unassigned", change the status to "In progress"
    When "Jan Kowalski <jan.kowalski@client.test>" sends an e-mail to "sales@acme.test" with the subject "Request"
    And the CRM synchronises the mailbox "sales@acme.test"
    Then the lead "Request" has the status "In progress" now

  @R2.9 @R4.1
  Scenario: A rule hands the deal to another employee, and the new e-mail goes with it
    Given the CRM has these contacts:
      | name         | e-mail                   | responsible |
      | Jan Kowalski | jan.kowalski@client.test | Anna Nowak  |
    And the CRM has these deals:
      | title    | contact      | stage         | responsible |
      | Printers | Jan Kowalski | Final invoice | Anna Nowak  |
    And "Adam Admin" adds the automation rule "Billing": when an e-mail is saved to a deal in the stage "Final invoice", change the responsible to "Boris Wójcik"
    When "Jan Kowalski <jan.kowalski@client.test>" sends an e-mail to "sales@acme.test" with the subject "Invoice question"
    And the CRM synchronises the mailbox "sales@acme.test"
    Then the responsible of the deal "Printers" is "Boris Wójcik"
    And the responsible of the e-mail activity "Invoice question" is "Boris Wójcik"

  @R2.9
  Scenario: A rule fires only for the stage it belongs to
    Given the CRM has these contacts:
      | name         | e-mail                   | responsible |
      | Jan Kowalski | jan.kowalski@client.test | Anna Nowak  |
    And the CRM has these deals:
      | title    | contact      | stage   | responsible |
      | Printers | Jan Kowalski | Invoice | Anna Nowak  |
    And "Adam Admin" adds the automation rule "New deals": when an e-mail is saved to a deal in the stage "New", change the stage to "Create papers"
    When "Jan Kowalski <jan.kowalski@client.test>" sends an e-mail to "sales@acme.test" with the subject "Toner"
    And the CRM synchronises the mailbox "sales@acme.test"
    Then the deal "Printers" is in the stage "Invoice" now

  @R2.9 @R6.2 @error
  Scenario: Only an administrator or an employee with "User can edit settings" adds automation rules
    When "Anna Nowak" tries to add the automation rule "Mine": when an e-mail is saved to a lead in the status "Unassigned", change the status to "Processed"
    Then the CRM refuses with "CRM.NOT_ALLOWED_TO_CHANGE_CRM_SETTINGS"
