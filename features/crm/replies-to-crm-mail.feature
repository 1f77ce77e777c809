Feature: Replies to CRM e-mail stay with their deal or lead
  A customer's answer names the e-mail it answers in its In-Reply-To and References headers.
  When that e-mail is in the CRM, the answer goes to the same deal or lead while it is in
  progress, whatever the other rules would pick, and it appears under it in the thread.

  Background:
    Given the employees:
      | name         | administrator |
      | Anna Nowak   | no            |
      | Adam Admin   | yes           |
    And "Anna Nowak" has connected the mailbox "sales@acme.test" to the CRM
    And the CRM has these contacts:
      | name         | e-mail                   | responsible |
      | Jan Kowalski | jan.kowalski@client.test | Anna Nowak  |
    And the CRM has these deals:
      | title    | contact      | stage | responsible |
      | Printers | Jan Kowalski | New   | Anna Nowak  |
    And "Jan Kowalski <jan.kowalski@client.test>" has sent an e-mail to "sales@acme.test" with the subject "Printer offer"
    And it is 10:00
    And the CRM has these deals:
      | title    | contact      | stage | responsible |
      | Scanners | Jan Kowalski | New   | Anna Nowak  |

  @R2.8 @R9.1
  Scenario: The answer goes to the deal of the e-mail it answers, not to the client's newest deal
    When "Jan Kowalski <jan.kowalski@client.test>" replies to the e-mail "Printer offer"
    And the CRM synchronises the mailbox "sales@acme.test"
    Then the e-mail "Re: Printer offer" is saved to the CRM and bound to:
      | deal    | Printers     |
      | contact | Jan Kowalski |
    And the e-mail "Re: Printer offer" is a reply in the thread of the e-mail "Printer offer"

  @R2.1
  Scenario: A new e-mail from the same client, not a reply, goes to the newest deal
    When "Jan Kowalski <jan.kowalski@client.test>" sends an e-mail to "sales@acme.test" with the subject "Scanner question"
    And the CRM synchronises the mailbox "sales@acme.test"
    Then the e-mail "Scanner question" is saved to the CRM and bound to the deal "Scanners"

  @R2.8 @R1.4
  Scenario: An answer reaches the deal even from an address on the exceptions list
    Given the address "jan.kowalski@client.test" is on the CRM's exceptions list
    When "Jan Kowalski <jan.kowalski@client.test>" replies to the e-mail "Printer offer"
    And the CRM synchronises the mailbox "sales@acme.test"
    Then the e-mail "Re: Printer offer" is saved to the CRM and bound to the deal "Printers"

  @R2.8
  Scenario: An answer from a colleague of the client, from an address the CRM does not know, still goes to the deal
    Given the mailbox "sales@acme.test" has these settings:
      | Create lead for incoming e-mail from a new address | off |
    When "Piotr Nowy <piotr@client.test>" replies to the e-mail "Printer offer"
    And the CRM synchronises the mailbox "sales@acme.test"
    Then the e-mail "Re: Printer offer" is saved to the CRM and bound to the deal "Printers"
    And the CRM has no leads

  @R2.8 @R2.1
  Scenario: When that deal is closed, the ordinary rules decide, and the answer stays in the thread
    Given the deal "Printers" is in the stage "Deal lost"
    When "Jan Kowalski <jan.kowalski@client.test>" replies to the e-mail "Printer offer"
    And the CRM synchronises the mailbox "sales@acme.test"
    Then the e-mail "Re: Printer offer" is saved to the CRM and bound to the deal "Scanners"
    And the e-mail "Re: Printer offer" is a reply in the thread of the e-mail "Printer offer"

  @R2.8 @R2.2
  Scenario: An answer to a lead's e-mail goes to that lead
    Given "Ola Lis <ola@newcustomer.test>" has sent an e-mail to "sales@acme.test" with the subject "First question"
    When "Ola Lis <ola@newcustomer.test>" replies to the e-mail "First question" with the subject "More details"
    And the CRM synchronises the mailbox "sales@acme.test"
    Then the e-mail "More details" is saved to the CRM and bound to the lead "First question"
    And the CRM has 1 lead
