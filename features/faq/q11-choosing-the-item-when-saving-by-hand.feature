@Q11
Feature: Q11 How to choose the item when saving an e-mail by hand
  FAQ (pl): "Jak wybrać element przy ręcznym zapisywaniu e-maila w CRM"
  FAQ (en): "How to choose the item when saving an e-mail by hand"

  When you save an e-mail to the CRM by hand, you cannot choose the item it is bound to. The
  rules depend on the mailbox settings and the CRM's automation rules.
  (Not in this answer of the FAQ: when the e-mail lands on a deal that was not created from a lead,
  "Change deal" can move it to another deal afterwards, as Q3 says; reference §1.11 rule 60.)

  Background:
    Given the employees:
      | name         | administrator |
      | Anna Nowak   | no            |
      | Boris Wójcik | no            |
      | Adam Admin   | yes           |
    And "Anna Nowak" has connected the mailbox "sales@acme.test" to the CRM
    And the mailbox "sales@acme.test" has these settings:
      | Integration with CRM | off |
    And the CRM has these contacts:
      | name         | e-mail                   | responsible |
      | Jan Kowalski | jan.kowalski@client.test | Anna Nowak  |
    And the CRM has these deals:
      | title    | contact      | stage | responsible  |
      | Printers | Jan Kowalski | New   | Boris Wójcik |
      | Scanners | Jan Kowalski | New   | Anna Nowak   |

  @R2.9 @R3.2 @R2.1 @problem
  Scenario: "Save to CRM" binds the e-mail by the rules: the client's most recently changed active deal
    Given "Jan Kowalski <jan.kowalski@client.test>" has sent an e-mail to "sales@acme.test" with the subject "About the printers"
    When "Anna Nowak" clicks "Save to CRM" next to the e-mail "About the printers"
    Then the e-mail "About the printers" is saved to the CRM and bound to:
      | deal    | Scanners     |
      | contact | Jan Kowalski |
    And the e-mail "About the printers" is not bound to the deal "Printers"

  @R2.9 @R2.1 @cause
  Scenario: Which deal it gets follows the CRM's data, not the person saving
    Given it is 09:30
    And the deal "Printers" is in the stage "Invoice"
    And "Jan Kowalski <jan.kowalski@client.test>" has sent an e-mail to "sales@acme.test" with the subject "About the printers"
    When "Anna Nowak" clicks "Save to CRM" next to the e-mail "About the printers"
    Then the e-mail "About the printers" is saved to the CRM and bound to the deal "Printers"
    And the e-mail activity "About the printers" is planned and its responsible is "Boris Wójcik"

  @R2.9 @R3.2 @cause
  Scenario: "Save to CRM" offers no choice of item: asking for a deal is refused and nothing is saved
    Given "Jan Kowalski <jan.kowalski@client.test>" has sent an e-mail to "sales@acme.test" with the subject "About the printers"
    When "Anna Nowak" tries to save the e-mail "About the printers" to the deal "Printers" with "Save to CRM"
    Then the CRM refuses with "CRM.SAVE_ITEM_NOT_CHOOSABLE"
    And the refusal says "you cannot choose it by hand"
    And the e-mail "About the printers" is still not saved to the CRM

  @R2.9 @R2.7 @R3.2 @cause
  Scenario Outline: The mailbox setting for new addresses decides what a manually saved e-mail is bound to: <create>
    Given the mailbox "sales@acme.test" has these settings:
      | Create lead for incoming e-mail from a new address | <create> |
    And "Ola Lis <ola@newcustomer.test>" has sent an e-mail to "sales@acme.test" with the subject "First question"
    When "Anna Nowak" clicks "Save to CRM" next to the e-mail "First question"
    Then the e-mail "First question" is saved to the CRM and bound to the <item>
    And the CRM has <leads> leads

    Examples:
      | create  | item                     | leads |
      | Lead    | lead "First question"    | 1     |
      | Contact | contact "Ola Lis"        | 0     |

  @R2.9 @R2.1 @cause
  Scenario: An automation rule decides where the next manually saved e-mail goes: it closed the deal the first one went to
    Given "Adam Admin" adds the automation rule "Won on first reply": when an e-mail is saved to a deal in the stage "New", change the stage to "Deal won"
    And "Jan Kowalski <jan.kowalski@client.test>" has sent an e-mail to "sales@acme.test" with the subject "We take the scanners"
    And "Anna Nowak" clicks "Save to CRM" next to the e-mail "We take the scanners"
    And the e-mail "We take the scanners" is bound to the deal "Scanners"
    And the deal "Scanners" is in the stage "Deal won" now
    And "Jan Kowalski <jan.kowalski@client.test>" has sent an e-mail to "sales@acme.test" with the subject "And the printers?"
    When "Anna Nowak" clicks "Save to CRM" next to the e-mail "And the printers?"
    Then the e-mail "And the printers?" is saved to the CRM and bound to:
      | deal    | Printers     |
      | contact | Jan Kowalski |

  @R2.9 @R7.1 @fix
  Scenario: To put the e-mail on another deal, change it afterwards with "Change deal"
    Given "Jan Kowalski <jan.kowalski@client.test>" has sent an e-mail to "sales@acme.test" with the subject "About the printers"
    And "Anna Nowak" clicks "Save to CRM" next to the e-mail "About the printers"
    When "Adam Admin" moves the e-mail "About the printers" to the deal "Printers" with "Change deal"
    Then the e-mail "About the printers" is bound to:
      | deal    | Printers     |
      | contact | Jan Kowalski |
    And the e-mail "About the printers" is not in the form of the deal "Scanners"

  @R2.9
  Scenario: The CRM's automation rules act on the item the e-mail was saved to
    Given "Adam Admin" adds the automation rule "Reply received": when an e-mail is saved to a deal in the stage "New", change the stage to "In progress"
    And "Jan Kowalski <jan.kowalski@client.test>" has sent an e-mail to "sales@acme.test" with the subject "About the scanners"
    When "Anna Nowak" clicks "Save to CRM" next to the e-mail "About the scanners"
    Then the deal "Scanners" is in the stage "In progress" now
    And the deal "Printers" is in the stage "New" now

  @R3.2 @R2.7
  Scenario: Saving by hand ignores the switch for new addresses and still creates a lead
    Given the mailbox "sales@acme.test" has these settings:
      | Create lead for incoming e-mail from a new address | off |
    And "Ola Lis <ola@newcustomer.test>" has sent an e-mail to "sales@acme.test" with the subject "First question"
    When "Anna Nowak" clicks "Save to CRM" next to the e-mail "First question"
    Then a lead "First question" is created for "Ola Lis <ola@newcustomer.test>" with the status "Unassigned" and the source "E-Mail"

  @R3.2 @R1.2
  Scenario: Saving by hand works for a message in the spam folder too
    Given the mailbox "sales@acme.test" has these settings:
      | Integration with CRM | on |
    And "Jan Kowalski <jan.kowalski@client.test>" sends an e-mail marked as spam to "sales@acme.test" with the subject "Caught by the filter"
    And the CRM synchronises the mailbox "sales@acme.test"
    And the e-mail "Caught by the filter" is not saved to the CRM because it is in the spam folder
    When "Anna Nowak" clicks "Save to CRM" next to the e-mail "Caught by the filter"
    Then the e-mail "Caught by the filter" is saved to the CRM and bound to the deal "Scanners"
