@mail-server
Feature: The mock mail server delivers mail as a real one does
  The CRM is only as well tested as the mail server it talks to. These scenarios pin down how the
  server files mail that customers send: what it refuses, and what it keeps for the outside world.

  Background:
    Given the employee "Anna Nowak"
    And "Anna Nowak" has connected the mailbox "sales@acme.test" to the CRM

  @error
  Scenario: Mail for an unknown user of a hosted domain is refused at RCPT
    When "Jan Kowalski <jan.kowalski@client.test>" tries to send an e-mail to "nobody@acme.test" with the subject "Anyone there?"
    Then the mail server refuses the recipient "nobody@acme.test" with "550 5.1.1"
    And no mailbox holds the e-mail "Anyone there?"

  Scenario: Mail for another domain is kept in the outbox, not in any mailbox
    When "Jan Kowalski <jan.kowalski@client.test>" sends an e-mail to "partner@elsewhere.test" with the subject "Forwarded offer"
    Then the outbox holds the e-mail "Forwarded offer" for "partner@elsewhere.test"
    And no mailbox holds the e-mail "Forwarded offer"

  Scenario: Mail for a hosted user arrives in the INBOX with the time the server received it
    Given it is 10:30
    When "Jan Kowalski <jan.kowalski@client.test>" sends an e-mail to "sales@acme.test" with the subject "On time"
    Then the mailbox "sales@acme.test" holds the e-mail "On time" in the folder "INBOX", received at 10:30
