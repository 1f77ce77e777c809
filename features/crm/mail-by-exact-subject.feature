Feature: Working in Mail on one e-mail, found by its exact subject
  An employee with access to the mailbox reads, marks as unread, flags, moves and deletes e-mails
  in Mail; each is an IMAP command on the mail server, which the CRM's connector sees at its next
  synchronisation. An e-mail is found by its whole subject: "Read one" is not "Unread one".

  Background:
    Given the employee "Anna Nowak"
    And "Anna Nowak" has connected the mailbox "sales@acme.test" to the CRM
    When these customers send e-mails to "sales@acme.test":
      | from                           | subject    |
      | Jan Kowalski <jan@client.test> | Read one   |
      | Ola Lis <ola@other.test>       | Unread one |

  @R5.4
  Scenario: Reading one e-mail leaves the e-mail whose subject contains its subject unread
    When "Anna Nowak" reads the e-mail "Read one" in the mailbox "sales@acme.test"
    Then the e-mail "Read one" in the folder "INBOX" of the mailbox "sales@acme.test" is read
    And the e-mail "Unread one" in the folder "INBOX" of the mailbox "sales@acme.test" is unread
    When the CRM synchronises the mailbox "sales@acme.test"
    Then the e-mail activity "Read one" is completed
    And the e-mail activity "Unread one" is planned

  @R5.4
  Scenario: Marked as unread again before the sync, the e-mail is saved as a planned activity
    When "Anna Nowak" reads the e-mail "Unread one" in the mailbox "sales@acme.test"
    And "Anna Nowak" marks the e-mail "Unread one" as unread in the mailbox "sales@acme.test"
    And the CRM synchronises the mailbox "sales@acme.test"
    Then the e-mail "Unread one" in the folder "INBOX" of the mailbox "sales@acme.test" is unread
    And the e-mail activity "Unread one" is planned

  @R1.2
  Scenario: A flag changes nothing for the CRM; moving to Trash keeps it out; deleting leaves nothing to save
    When "Anna Nowak" flags the e-mail "Read one" in the mailbox "sales@acme.test"
    And "Anna Nowak" moves the e-mail "Unread one" to the folder "Trash" of the mailbox "sales@acme.test"
    Then the e-mail "Read one" in the folder "INBOX" of the mailbox "sales@acme.test" is flagged
    And the e-mail "Read one" in the folder "INBOX" of the mailbox "sales@acme.test" is unread
    And the mailbox "sales@acme.test" holds the e-mail "Unread one" in the folder "Trash"
    And the mailbox "sales@acme.test" holds no e-mail "Unread one" in the folder "INBOX"
    When "Anna Nowak" moves the e-mail "Unread one" from the folder "Trash" to the folder "Drafts" of the mailbox "sales@acme.test"
    And "Anna Nowak" deletes the e-mail "Unread one" from the folder "Drafts" of the mailbox "sales@acme.test"
    Then the mailbox "sales@acme.test" holds no e-mail "Unread one" in the folder "Trash"
    And the mailbox "sales@acme.test" holds no e-mail "Unread one" in the folder "Drafts"
    When the CRM synchronises the mailbox "sales@acme.test"
    Then the e-mail "Read one" is saved to the CRM and bound to the lead "Read one"
    And the e-mail "Unread one" is still not saved to the CRM
    And the CRM has 1 lead

  @R1.2
  Scenario: Deleted in Mail before the CRM synchronises, an e-mail never reaches the CRM
    When "Anna Nowak" deletes the e-mail "Read one" in the mailbox "sales@acme.test"
    And the CRM synchronises the mailbox "sales@acme.test"
    Then the mailbox "sales@acme.test" holds no e-mail "Read one" in the folder "INBOX"
    And the e-mail "Read one" is still not saved to the CRM
    And the e-mail "Unread one" is saved to the CRM and bound to the lead "Unread one"
