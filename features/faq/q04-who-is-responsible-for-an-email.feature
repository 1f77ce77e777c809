@Q4
Feature: Q4 Who is responsible for an e-mail in a CRM form
  FAQ (pl): "Kto może być odpowiedzialny za e-mail w formularzu elementu CRM"
  FAQ (en): "Who is responsible for an e-mail in a CRM form"

  The employee responsible for an e-mail in a CRM item's form is the employee responsible for
  the item itself. When an e-mail is saved to an item, the timeline shows a planned activity and
  a system entry about the new e-mail, with the avatar of the employee who connected the
  mailbox. That employee can change the mailbox's CRM integration settings.

  Background:
    Given the employees:
      | name         | administrator |
      | Anna Nowak   | no            |
      | Boris Wójcik | no            |
      | Clara Zięba  | no            |
      | Adam Admin   | yes           |
    And "Anna Nowak" has connected the mailbox "sales@acme.test" to the CRM
    And "Boris Wójcik" has access to the mailbox "sales@acme.test"
    And the CRM has these contacts:
      | name         | e-mail                   | responsible |
      | Jan Kowalski | jan.kowalski@client.test | Clara Zięba |
    And the CRM has these deals:
      | title    | contact      | stage   | responsible  |
      | Printers | Jan Kowalski | Invoice | Boris Wójcik |

  @R4.1 @problem
  Scenario: The e-mail's responsible is the responsible of the deal it is saved to, not the mailbox's owner
    When "Jan Kowalski <jan.kowalski@client.test>" sends an e-mail to "sales@acme.test" with the subject "Toner"
    And the CRM synchronises the mailbox "sales@acme.test"
    Then the e-mail "Toner" is saved to the CRM and bound to:
      | deal    | Printers     |
      | contact | Jan Kowalski |
    And the e-mail activity "Toner" is planned and its responsible is "Boris Wójcik"

  @R4.2 @cause
  Scenario: The "New e-mail" entry shows the avatar of the employee who connected the mailbox, whoever saved it
    Given the mailbox "sales@acme.test" has these settings:
      | Integration with CRM | off |
    And "Jan Kowalski <jan.kowalski@client.test>" has sent an e-mail to "sales@acme.test" with the subject "Toner"
    When "Boris Wójcik" clicks "Save to CRM" next to the e-mail "Toner"
    Then the timeline of the deal "Printers" shows "New e-mail" for the e-mail "Toner" with the avatar of "Anna Nowak"
    And the timeline of the contact "Jan Kowalski" shows "New e-mail" for the e-mail "Toner" with the avatar of "Anna Nowak"
    And the e-mail activity "Toner" is planned

  # The FAQ's "zaplanowanej aktywności" is the usual, unread case: Bitrix24 saves an e-mail already
  # read in Mail as a completed activity (R5.4; reference §1.7 rule 37), with the same entry.
  @R4.2 @R5.4
  Scenario: An e-mail read in Mail before "Save to CRM" is saved as a completed activity, with the same "New e-mail" entry
    Given the mailbox "sales@acme.test" has these settings:
      | Integration with CRM | off |
    And "Jan Kowalski <jan.kowalski@client.test>" sends an e-mail to "sales@acme.test" with the subject "Toner"
    And "Boris Wójcik" reads the e-mail "Toner" in the mailbox "sales@acme.test"
    And the CRM synchronises the mailbox "sales@acme.test"
    When "Boris Wójcik" clicks "Save to CRM" next to the e-mail "Toner"
    Then the e-mail activity "Toner" is completed
    And the responsible of the e-mail activity "Toner" is "Boris Wójcik"
    And the timeline of the deal "Printers" shows "New e-mail" for the e-mail "Toner" with the avatar of "Anna Nowak"

  @R4.3 @fix
  Scenario Outline: Who may change the mailbox's CRM integration: <employee>
    When <employee> sets "Integration with CRM" of the mailbox "sales@acme.test" to "off"
    And "Jan Kowalski <jan.kowalski@client.test>" sends an e-mail to "sales@acme.test" with the subject "Toner"
    And the CRM synchronises the mailbox "sales@acme.test"
    Then the e-mail "Toner" is not saved to the CRM because CRM integration is off

    Examples:
      | employee     |
      | "Anna Nowak" |
      | "Adam Admin" |

  @R4.3 @error
  Scenario: An employee who only has access to the mailbox cannot change its CRM integration
    When "Boris Wójcik" tries to set "Integration with CRM" of the mailbox "sales@acme.test" to "off"
    Then the CRM refuses with "CRM.NOT_ALLOWED_TO_CHANGE_MAILBOX_SETTINGS"

  @R4.4 @R4.1
  Scenario: New leads go in turn to the employees of the mailbox's queue, skipping a dismissed one
    Given new items from the mailbox "sales@acme.test" go in turn to "Anna Nowak, Boris Wójcik and Clara Zięba"
    And "Boris Wójcik" is dismissed
    When these customers send e-mails to "sales@acme.test":
      | from               | subject   |
      | one@customer.test  | First     |
      | two@customer.test  | Second    |
      | three@customer.test | Third    |
    And the CRM synchronises the mailbox "sales@acme.test"
    Then the responsible of the lead "First" is "Anna Nowak"
    And the responsible of the lead "Second" is "Clara Zięba"
    And the responsible of the lead "Third" is "Anna Nowak"
    And the responsible of the e-mail activity "Second" is "Clara Zięba"
