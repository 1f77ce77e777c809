@mail-server
Feature: The CRM copes with a mail server that misbehaves
  Real mail servers greylist, refuse recipients, drop connections and rebuild their indexes. The
  mock mail server does all of these on cue, so these scenarios show what the CRM and the people
  sending to it see when it happens. A fault can be set by a step or by a tag on the scenario,
  such as @fault:greylist:retry-after=5m.

  Background:
    Given the employee "Anna Nowak"
    And "Anna Nowak" has connected the mailbox "sales@acme.test" to the CRM

  @R1.5
  Scenario: A connection dropped in the middle of a FETCH saves every e-mail once
    When these customers send e-mails to "sales@acme.test":
      | from                | subject |
      | one@customer.test   | First   |
      | two@customer.test   | Second  |
      | three@customer.test | Third   |
    And the mail server drops the IMAP connection in the middle of the next FETCH
    And the CRM synchronises the mailbox "sales@acme.test"
    And the CRM synchronises the mailbox "sales@acme.test"
    Then the mail server cut the IMAP connection in the middle of a FETCH and the CRM reconnected
    And the e-mail "First" is saved to the CRM once
    And the e-mail "Second" is saved to the CRM once
    And the e-mail "Third" is saved to the CRM once
    And the CRM has 3 leads

  @R1.5
  Scenario: A new UIDVALIDITY makes the CRM read the folder again, and nothing is saved twice
    When these customers send e-mails to "sales@acme.test":
      | from              | subject |
      | one@customer.test | First   |
      | two@customer.test | Second  |
    And the CRM synchronises the mailbox "sales@acme.test"
    And the folder "INBOX" of "sales@acme.test" gets a new UIDVALIDITY
    And the CRM synchronises the mailbox "sales@acme.test"
    Then the CRM's last synchronisation fetched 2 e-mails
    And the e-mail "First" is saved to the CRM once
    And the e-mail "Second" is saved to the CRM once
    And the CRM has 2 leads

  @R1.5 @fault:drop-mid-fetch:after=1
  Scenario: On a link that cuts every FETCH after its first e-mail, the CRM keeps each e-mail it got and saves every one once
    When these customers send e-mails to "sales@acme.test":
      | from                | subject |
      | one@customer.test   | First   |
      | two@customer.test   | Second  |
      | three@customer.test | Third   |
      | four@customer.test  | Fourth  |
    And the CRM synchronises the mailbox "sales@acme.test"
    And the CRM synchronises the mailbox "sales@acme.test"
    Then the mail server cut 3 FETCHes short and the CRM reconnected as often
    And the e-mail "First" is saved to the CRM once
    And the e-mail "Second" is saved to the CRM once
    And the e-mail "Third" is saved to the CRM once
    And the e-mail "Fourth" is saved to the CRM once
    And the CRM has 4 leads
    And the CRM's last synchronisation fetched 0 e-mails

  @error @fault:greylist:retry-after=5m
  Scenario: A greylisted sender is told to try later, and gets through five minutes on
    When "Jan Kowalski <jan.kowalski@client.test>" tries to send an e-mail to "sales@acme.test" with the subject "Offer"
    Then the mail server refuses the recipient "sales@acme.test" with "451 4.7.1"
    And no mailbox holds the e-mail "Offer"
    When 5 minutes pass
    And "Jan Kowalski <jan.kowalski@client.test>" sends an e-mail to "sales@acme.test" with the subject "Offer"
    And the CRM synchronises the mailbox "sales@acme.test"
    Then the e-mail "Offer" is saved to the CRM once

  @error
  Scenario: A retry before the greylisting delay is refused again
    Given the mail server greylists new senders for 5 minutes
    When "Jan Kowalski <jan.kowalski@client.test>" tries to send an e-mail to "sales@acme.test" with the subject "Too soon"
    And 4 minutes pass
    And "Jan Kowalski <jan.kowalski@client.test>" tries to send an e-mail to "sales@acme.test" with the subject "Too soon"
    Then the mail server refuses the recipient "sales@acme.test" with "451 4.7.1"
    And no mailbox holds the e-mail "Too soon"

  @error
  Scenario: A refused recipient shows in the sender's result, and the other recipient gets the e-mail
    Given the mail server refuses the 2nd recipient with 550
    When "Jan Kowalski <jan.kowalski@client.test>" sends an e-mail to "sales@acme.test" and "partner@elsewhere.test" with the subject "For both of you"
    Then the mail server accepted the e-mail for "sales@acme.test" and refused "partner@elsewhere.test" with "550 5.1.1"
    And the mailbox "sales@acme.test" holds the e-mail "For both of you" in the folder "INBOX", received at 09:00

  @R1.5
  Scenario: An e-mail deleted in another mail client before the synchronisation never reaches the CRM
    When these customers send e-mails to "sales@acme.test":
      | from              | subject |
      | one@customer.test | First   |
      | two@customer.test | Second  |
    And another mail client deletes the e-mail "First" from "INBOX" of "sales@acme.test"
    And the CRM synchronises the mailbox "sales@acme.test"
    Then no mailbox holds the e-mail "First"
    And the e-mail "Second" is saved to the CRM once
    And the CRM has 1 lead
