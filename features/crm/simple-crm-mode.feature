Feature: Simple CRM mode
  In "Simple CRM" mode the CRM works without leads: where classic mode would create a lead from
  an e-mail, a deal is created, with a contact for a new sender. Repeat sales mode does not apply.

  Background:
    Given the employees:
      | name         |
      | Anna Nowak   |
      | Boris Wójcik |
    And "Anna Nowak" has connected the mailbox "sales@acme.test" to the CRM
    And the CRM mode is "Simple CRM"

  @R2.6 @R2.7 @R4.4
  Scenario: A new sender gets a deal and a contact, for the next employee of the queue
    Given new items from the mailbox "sales@acme.test" go in turn to "Boris Wójcik"
    When "Jan Kowalski <jan.kowalski@client.test>" sends an e-mail to "sales@acme.test" with the subject "Request for a quote"
    And the CRM synchronises the mailbox "sales@acme.test"
    Then the CRM has no leads
    And a deal "Request for a quote" is created for the new contact "Jan Kowalski <jan.kowalski@client.test>" in the stage "New"
    And the responsible of the deal "Request for a quote" is "Boris Wójcik"
    And the e-mail activity "Request for a quote" is planned and its responsible is "Boris Wójcik"

  @R2.6 @R2.3
  Scenario: A known client without an active deal gets a repeat deal, even with repeat sales mode off
    Given the CRM setting "Enable repeat sales mode" is off
    And the CRM has these contacts:
      | name         | e-mail                   | responsible |
      | Jan Kowalski | jan.kowalski@client.test | Anna Nowak  |
    When "Jan Kowalski <jan.kowalski@client.test>" sends an e-mail to "sales@acme.test" with the subject "New order"
    And the CRM synchronises the mailbox "sales@acme.test"
    Then a repeat deal "New order" is created for the contact "Jan Kowalski"
    And the CRM has 1 contact
    And the CRM has no leads

  @R2.6 @R2.1
  Scenario: A known client with an active deal: the e-mail goes to that deal and nothing is created
    Given the CRM has these contacts:
      | name         | e-mail                   | responsible |
      | Jan Kowalski | jan.kowalski@client.test | Anna Nowak  |
    And the CRM has these deals:
      | title    | contact      | stage   | responsible |
      | Printers | Jan Kowalski | Invoice | Anna Nowak  |
    When "Jan Kowalski <jan.kowalski@client.test>" sends an e-mail to "sales@acme.test" with the subject "Toner"
    And the CRM synchronises the mailbox "sales@acme.test"
    Then the CRM has 1 deal
    And the e-mail "Toner" is saved to the CRM and bound to the deal "Printers"

  @R2.6 @R2.7
  Scenario: With creation for new addresses off, a new sender's mail is not saved
    Given the mailbox "sales@acme.test" has these settings:
      | Create lead for incoming e-mail from a new address | off |
    When "Jan Kowalski <jan.kowalski@client.test>" sends an e-mail to "sales@acme.test" with the subject "Hello"
    And the CRM synchronises the mailbox "sales@acme.test"
    Then the e-mail "Hello" is not saved to the CRM because lead creation for new addresses is off
    And the CRM has 0 deals
