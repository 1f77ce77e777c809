@Q1
Feature: Q1 Why e-mails are not saved to the CRM automatically
  FAQ (pl): "Dlaczego e-maile nie są automatycznie zapisywane w CRM"
  FAQ (en): "Why e-mails are not saved to the CRM automatically"

  If e-mails are not saved to the CRM automatically, but an employee can save them by hand,
  check the mailbox settings: Mail > Settings > Mailbox settings > Configure folders for
  synchronization, and look at "Move spam to folder". If Inbox is chosen there, no incoming
  e-mail is saved to the CRM automatically. Choose another folder for spam, for example Spam:
  incoming e-mails are then saved to the CRM again.

  Background:
    Given the employee "Anna Nowak"
    And "Anna Nowak" has connected the mailbox "sales@acme.test" to the CRM

  @R1.3 @problem
  Scenario: With spam moved to Inbox, incoming e-mail is not saved to the CRM
    Given the mailbox "sales@acme.test" moves spam to the folder "INBOX"
    When "Jan Kowalski <jan.kowalski@client.test>" sends an e-mail to "sales@acme.test" with the subject "Request for a quote"
    And the CRM synchronises the mailbox "sales@acme.test"
    Then the e-mail "Request for a quote" is listed in the folder "INBOX" of the mailbox "sales@acme.test"
    But the e-mail "Request for a quote" is not saved to the CRM because it is in the spam folder
    And the CRM has no leads

  @R1.3 @problem
  Scenario: With spam moved to Inbox, incoming e-mail in any other synchronised folder is not saved either
    Given the mailbox "sales@acme.test" has a folder "Orders" of its own
    And the mailbox "sales@acme.test" moves spam to the folder "INBOX"
    And "Jan Kowalski <jan.kowalski@client.test>" sends an e-mail to "sales@acme.test" with the subject "Order 17"
    And "Anna Nowak" moves the e-mail "Order 17" to the folder "Orders" of the mailbox "sales@acme.test"
    When the CRM synchronises the mailbox "sales@acme.test"
    Then the e-mail "Order 17" is listed in the folder "Orders" of the mailbox "sales@acme.test"
    But the e-mail "Order 17" is not saved to the CRM because spam is moved to the Inbox
    And the CRM has no leads

  @R1.3 @R1.2 @cause
  Scenario Outline: The folder chosen in "Move spam to folder" is the spam folder, so mail arriving there is not saved (spam folder <spam folder>)
    Given the mailbox "sales@acme.test" moves spam to the folder "<spam folder>"
    When "Jan Kowalski <jan.kowalski@client.test>" sends an e-mail to "sales@acme.test" with the subject "Request for a quote"
    And the CRM synchronises the mailbox "sales@acme.test"
    Then the e-mail "Request for a quote" is listed in the folder "INBOX" of the mailbox "sales@acme.test"
    And the CRM has <leads> leads

    Examples:
      | spam folder | leads |
      | INBOX       | 0     |
      | Spam        | 1     |

  @R1.3 @R3.1 @R3.2 @R2.7
  Scenario: An employee can still save the e-mail by hand with "Save to CRM"
    Given the mailbox "sales@acme.test" moves spam to the folder "INBOX"
    And "Jan Kowalski <jan.kowalski@client.test>" has sent an e-mail to "sales@acme.test" with the subject "Request for a quote"
    When "Anna Nowak" clicks "Save to CRM" next to the e-mail "Request for a quote"
    Then a lead "Request for a quote" is created for "Jan Kowalski <jan.kowalski@client.test>" with the status "Unassigned" and the source "E-Mail"
    And the e-mail "Request for a quote" is saved to the CRM and bound to the lead "Request for a quote"
    And the e-mail activity "Request for a quote" is planned and its responsible is "Anna Nowak"

  @R1.3 @fix
  Scenario: With spam moved to the Spam folder, e-mail that arrives afterwards is saved again
    Given the mailbox "sales@acme.test" moves spam to the folder "INBOX"
    And "Jan Kowalski <jan.kowalski@client.test>" has sent an e-mail to "sales@acme.test" with the subject "First request"
    When "Anna Nowak" sets "Move spam to folder" of the mailbox "sales@acme.test" to "Spam"
    And "Jan Kowalski <jan.kowalski@client.test>" sends an e-mail to "sales@acme.test" with the subject "Second request"
    And the CRM synchronises the mailbox "sales@acme.test"
    Then the e-mail "Second request" is saved to the CRM and bound to the lead "Second request"
    And the e-mail "First request" is still not saved to the CRM

  @R1.2
  Scenario: With the default settings, a message the spam filter moved to Spam is not saved
    When "Win Big <promo@lottery.test>" sends an e-mail marked as spam to "sales@acme.test" with the subject "You have won"
    And the CRM synchronises the mailbox "sales@acme.test"
    Then the e-mail "You have won" is listed in the folder "Spam" of the mailbox "sales@acme.test"
    But the e-mail "You have won" is not saved to the CRM because it is in the spam folder
    And the CRM has no leads

  @R1.2 @R3.2
  Scenario Outline: Mail moved to <folder> before the synchronisation is not saved automatically, but can be saved by hand
    When "Jan Kowalski <jan.kowalski@client.test>" sends an e-mail to "sales@acme.test" with the subject "Request for a quote"
    And "Anna Nowak" moves the e-mail "Request for a quote" to the folder "<folder>" of the mailbox "sales@acme.test"
    And the CRM synchronises the mailbox "sales@acme.test"
    Then the e-mail "Request for a quote" is listed in the folder "<folder>" of the mailbox "sales@acme.test"
    But the e-mail "Request for a quote" is not saved to the CRM because <reason>
    When "Anna Nowak" clicks "Save to CRM" next to the e-mail "Request for a quote"
    Then the e-mail "Request for a quote" is saved to the CRM and bound to the lead "Request for a quote"

    Examples:
      | folder | reason                              |
      | Spam   | it is in the spam folder            |
      | Trash  | it is in the trash or drafts folder |
      | Drafts | it is in the trash or drafts folder |

  @R1.5 @R3.3
  Scenario: Synchronising again or saving by hand twice never saves an e-mail twice
    Given "Jan Kowalski <jan.kowalski@client.test>" has sent an e-mail to "sales@acme.test" with the subject "Request for a quote"
    When the CRM synchronises the mailbox "sales@acme.test"
    And "Anna Nowak" clicks "Save to CRM" next to the e-mail "Request for a quote"
    Then the e-mail "Request for a quote" is saved to the CRM once
    And the CRM has 1 lead

  @R1.3 @error
  Scenario: The spam folder must be a folder of the mailbox
    When "Anna Nowak" tries to set "Move spam to folder" of the mailbox "sales@acme.test" to "Junk mail"
    Then the CRM refuses with "CRM.UNKNOWN_FOLDER"

  @R1.4
  Scenario: Mail from a colleague is not saved to the CRM
    Given the employee "Ewa Kot" with the e-mail "ewa.kot@acme.test"
    When "Ewa Kot <ewa.kot@acme.test>" sends an e-mail to "sales@acme.test" with the subject "Lunch?"
    And the CRM synchronises the mailbox "sales@acme.test"
    Then the e-mail "Lunch?" is not saved to the CRM because the sender is an employee
    And the CRM has no leads

  @R1.4 @R3.2
  Scenario: Mail from before the mailbox was connected is listed, but only the last days are saved
    Given the mailbox "info@acme.test" exists on the mail server but is not connected to the CRM yet
    And "Jan Kowalski <jan.kowalski@client.test>" sends an e-mail to "info@acme.test" with the subject "Old question"
    And 10 days pass
    And "Ola Lis <ola@newcustomer.test>" sends an e-mail to "info@acme.test" with the subject "New question"
    When "Anna Nowak" has connected the mailbox "info@acme.test" to the CRM
    Then the e-mail "Old question" is not saved to the CRM because it is older than the processing period
    And the e-mail "New question" is saved to the CRM and bound to the lead "New question"
    When "Anna Nowak" clicks "Save to CRM" next to the e-mail "Old question"
    Then the e-mail "Old question" is saved to the CRM and bound to the lead "Old question"

  @R1.4
  Scenario Outline: "Process e-mails for the last N days" set to <period> when connecting: mail from <days> days before makes <leads> lead(s)
    Given the mailbox "info@acme.test" exists on the mail server but is not connected to the CRM yet
    And "Jan Kowalski <jan.kowalski@client.test>" sends an e-mail to "info@acme.test" with the subject "Old question"
    And <days> days pass
    When "Anna Nowak" has connected the mailbox "info@acme.test" to the CRM with these settings:
      | Process e-mails for the last N days | <period> |
    Then the CRM has <leads> leads

    Examples:
      | period  | days | leads |
      | 7 days  | 6    | 1     |
      | 7 days  | 8    | 0     |
      | 30 days | 8    | 1     |
      | 30 days | 31   | 0     |
      | all     | 365  | 1     |

  @R1.5
  Scenario: A connection dropped during synchronisation saves nothing twice
    When these customers send e-mails to "sales@acme.test":
      | from                | subject |
      | one@customer.test   | First   |
      | two@customer.test   | Second  |
      | three@customer.test | Third   |
    And the network drops the CRM's connection to the mail server at e-mail number 2 of the next synchronisation
    And the CRM synchronises the mailbox "sales@acme.test"
    And the CRM synchronises the mailbox "sales@acme.test"
    Then the network dropped the connection 1 time and the CRM reconnected
    And the e-mail "First" is saved to the CRM once
    And the e-mail "Second" is saved to the CRM once
    And the e-mail "Third" is saved to the CRM once
    And the CRM has 3 leads
