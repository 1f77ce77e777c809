@Q2
Feature: Q2 Who can create leads and deals from e-mail
  FAQ (pl): "Kto może tworzyć leady i deale na podstawie wiadomości e-mail"
  FAQ (en): "Who can create leads and deals from e-mail"

  If "Integration with CRM" is on in the mailbox settings, leads or deals are created
  automatically. If it is off, an employee with access to the mailbox can save an e-mail to the
  CRM by hand: in the list of incoming e-mails, click "Save to CRM" next to it.

  Background:
    Given the employees:
      | name         |
      | Anna Nowak   |
      | Boris Wójcik |
      | Clara Zięba  |
    And "Anna Nowak" has connected the mailbox "sales@acme.test" to the CRM
    And "Boris Wójcik" has access to the mailbox "sales@acme.test"

  @R2.7
  Scenario: With the integration on, an e-mail from a new address creates a lead
    When "Jan Kowalski <jan.kowalski@client.test>" sends an e-mail to "sales@acme.test" with the subject "Request for a quote"
    And the CRM synchronises the mailbox "sales@acme.test"
    Then a lead "Request for a quote" is created for "Jan Kowalski <jan.kowalski@client.test>" with the status "Unassigned" and the source "E-Mail"
    And the e-mail "Request for a quote" is saved to the CRM and bound to the lead "Request for a quote"
    And the e-mail activity "Request for a quote" is planned and its responsible is "Anna Nowak"

  @R2.7
  Scenario Outline: What an e-mail from a new address creates depends on the mailbox setting: <create>
    Given the mailbox "sales@acme.test" has these settings:
      | Create lead for incoming e-mail from a new address | <create> |
    When "Jan Kowalski <jan.kowalski@client.test>" sends an e-mail to "sales@acme.test" with the subject "Hello"
    And the CRM synchronises the mailbox "sales@acme.test"
    Then the CRM has <leads> leads
    And the CRM has <contacts> contacts

    Examples:
      | create  | leads | contacts |
      | Lead    | 1     | 0        |
      | Contact | 0     | 1        |
      | off     | 0     | 0        |

  @R2.6
  Scenario: In Simple CRM mode the e-mail creates a deal with a contact instead of a lead
    Given the CRM mode is "Simple CRM"
    When "Jan Kowalski <jan.kowalski@client.test>" sends an e-mail to "sales@acme.test" with the subject "Request for a quote"
    And the CRM synchronises the mailbox "sales@acme.test"
    Then the CRM has no leads
    And a deal "Request for a quote" is created for the new contact "Jan Kowalski <jan.kowalski@client.test>" in the stage "New"
    And the e-mail "Request for a quote" is saved to the CRM and bound to:
      | deal    | Request for a quote |
      | contact | Jan Kowalski        |

  @R1.1 @problem
  Scenario: With the integration off, nothing is created automatically
    Given the mailbox "sales@acme.test" has these settings:
      | Integration with CRM | off |
    When "Jan Kowalski <jan.kowalski@client.test>" sends an e-mail to "sales@acme.test" with the subject "Request for a quote"
    And the CRM synchronises the mailbox "sales@acme.test"
    Then the e-mail "Request for a quote" is listed in the folder "INBOX" of the mailbox "sales@acme.test"
    But the e-mail "Request for a quote" is not saved to the CRM because CRM integration is off
    And the CRM has no leads

  @R1.1 @cause
  Scenario: "Integration with CRM" is a switch of each mailbox: the same mail to a mailbox with it on creates a lead
    Given "Anna Nowak" has connected the mailbox "info@acme.test" to the CRM
    And the mailbox "sales@acme.test" has these settings:
      | Integration with CRM | off |
    When "Jan Kowalski <jan.kowalski@client.test>" sends an e-mail to "sales@acme.test" with the subject "To sales"
    And "Ola Lis <ola@newcustomer.test>" sends an e-mail to "info@acme.test" with the subject "To info"
    And the CRM synchronises the mailbox "sales@acme.test"
    And the CRM synchronises the mailbox "info@acme.test"
    Then the e-mail "To sales" is not saved to the CRM because CRM integration is off
    And the e-mail "To info" is saved to the CRM and bound to the lead "To info"
    And the CRM has 1 lead

  @R1.1 @R3.1 @fix
  Scenario: With the integration off, an employee with access to the mailbox saves the e-mail by hand
    Given the mailbox "sales@acme.test" has these settings:
      | Integration with CRM | off |
    And "Jan Kowalski <jan.kowalski@client.test>" has sent an e-mail to "sales@acme.test" with the subject "Request for a quote"
    When "Boris Wójcik" clicks "Save to CRM" next to the e-mail "Request for a quote"
    Then the e-mail "Request for a quote" is saved to the CRM and bound to the lead "Request for a quote"
    And the CRM has 1 lead

  @R3.1 @error
  Scenario: An employee without access to the mailbox cannot save its e-mail
    Given the mailbox "sales@acme.test" has these settings:
      | Integration with CRM | off |
    And "Jan Kowalski <jan.kowalski@client.test>" has sent an e-mail to "sales@acme.test" with the subject "Request for a quote"
    When "Clara Zięba" tries to click "Save to CRM" next to the e-mail "Request for a quote"
    Then the CRM refuses with "CRM.MAILBOX_ACCESS_DENIED"
    And the e-mail "Request for a quote" is still not saved to the CRM
