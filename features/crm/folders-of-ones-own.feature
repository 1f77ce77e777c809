Feature: Folders of one's own in the folder settings
  A user makes folders on the mail server from any mail client (a phone, a desktop client), nested
  ones too ("Clients/Junk"). The CRM learns the server's folders from its connector's list at each
  synchronisation, and every folder setting ("Move spam to folder", the folder roles of "Configure
  folders for synchronization", the folders to synchronise) offers exactly those folders. The FAQ's
  fix for Q1, "choose another folder for spam", works with a folder of one's own.

  Background:
    Given the employee "Anna Nowak"
    And "Anna Nowak" has connected the mailbox "sales@acme.test" to the CRM

  @R1.2 @R1.3
  Scenario Outline: Spam moved to a folder of one's own is not saved, mail in INBOX is (<folder>)
    Given the mailbox "sales@acme.test" has a folder "<folder>" of its own
    And "Anna Nowak" sets "Move spam to folder" of the mailbox "sales@acme.test" to "<folder>"
    When "Spammer <win@lottery.test>" sends an e-mail to "sales@acme.test" with the subject "You won"
    And "Jan Kowalski <jan@client.test>" sends an e-mail to "sales@acme.test" with the subject "Question"
    And another mail client moves the e-mail "You won" from the folder "INBOX" to the folder "<folder>" of the mailbox "sales@acme.test"
    And the CRM synchronises the mailbox "sales@acme.test"
    Then the e-mail "You won" is not saved to the CRM because it is in the spam folder
    And the e-mail "Question" is saved to the CRM and bound to the lead "Question"
    And the setting "Move spam to folder" of the mailbox "sales@acme.test" is "<folder>"

    Examples:
      | folder       |
      | Junk mail    |
      | Clients/Junk |

  @R1.3
  Scenario: A folder made after the CRM's last synchronisation is offered once the CRM synchronises
    When another mail client creates the folder "Clients/Junk" in the mailbox "sales@acme.test"
    And "Anna Nowak" tries to set "Move spam to folder" of the mailbox "sales@acme.test" to "Clients/Junk"
    Then the CRM refuses with "CRM.UNKNOWN_FOLDER"
    And the refusal says "The mailbox has no folder \"Clients/Junk\""
    When the CRM synchronises the mailbox "sales@acme.test"
    Then the folder settings of the mailbox "sales@acme.test" offer "INBOX, Sent, Spam, Trash, Drafts, Clients/Junk"
    When "Anna Nowak" sets "Move spam to folder" of the mailbox "sales@acme.test" to "Clients/Junk"
    Then the setting "Move spam to folder" of the mailbox "sales@acme.test" is "Clients/Junk"

  @R1.2
  Scenario Outline: "<setting>" takes a folder of one's own, whose mail is then not saved automatically
    Given the mailbox "sales@acme.test" has a folder "Old/Bin" of its own
    And "Anna Nowak" sets "<setting>" of the mailbox "sales@acme.test" to "Old/Bin"
    When "Jan Kowalski <jan@client.test>" sends an e-mail to "sales@acme.test" with the subject "Question"
    And another mail client moves the e-mail "Question" from the folder "INBOX" to the folder "Old/Bin" of the mailbox "sales@acme.test"
    And the CRM synchronises the mailbox "sales@acme.test"
    Then the e-mail "Question" is not saved to the CRM because it is in the trash or drafts folder
    And the setting "<setting>" of the mailbox "sales@acme.test" is "Old/Bin"

    Examples:
      | setting       |
      | Trash folder  |
      | Drafts folder |

  @R1.5
  Scenario: Only the folders chosen for synchronization are fetched, a folder of one's own among them
    Given the mailbox "sales@acme.test" has a folder "Clients/Acme" of its own
    And the mailbox "sales@acme.test" has a folder "Archive" of its own
    And "Anna Nowak" sets "Folders for synchronization" of the mailbox "sales@acme.test" to "INBOX, Clients/Acme"
    When "Jan Kowalski <jan@client.test>" sends an e-mail to "sales@acme.test" with the subject "Order"
    And "Ola Lis <ola@other.test>" sends an e-mail to "sales@acme.test" with the subject "Old thread"
    And another mail client moves the e-mail "Order" from the folder "INBOX" to the folder "Clients/Acme" of the mailbox "sales@acme.test"
    And another mail client moves the e-mail "Old thread" from the folder "INBOX" to the folder "Archive" of the mailbox "sales@acme.test"
    And the CRM synchronises the mailbox "sales@acme.test"
    Then the CRM's last synchronisation fetched 1 e-mail
    And the e-mail "Order" is saved to the CRM and bound to the lead "Order"
    And the e-mail "Old thread" is still not saved to the CRM

  @R1.3
  Scenario: The spam folder renamed on the server is a new folder to the CRM: the setting falls back to Spam until chosen again
    Given the mailbox "sales@acme.test" has a folder "Junk mail" of its own
    And "Anna Nowak" sets "Move spam to folder" of the mailbox "sales@acme.test" to "Junk mail"
    When another mail client renames the folder "Junk mail" of the mailbox "sales@acme.test" to "Junk 2026"
    And the CRM synchronises the mailbox "sales@acme.test"
    Then the mail server has the folders "INBOX, Sent, Spam, Trash, Drafts, Junk 2026" in the mailbox "sales@acme.test"
    And the setting "Move spam to folder" of the mailbox "sales@acme.test" is "Spam"
    When "Anna Nowak" sets "Move spam to folder" of the mailbox "sales@acme.test" to "Junk 2026"
    Then the setting "Move spam to folder" of the mailbox "sales@acme.test" is "Junk 2026"

  @R1.3
  Scenario: The spam folder deleted on the server can no longer be chosen, and the setting falls back to Spam
    Given the mailbox "sales@acme.test" has a folder "Junk mail" of its own
    And the mailbox "sales@acme.test" moves spam to the folder "Junk mail"
    When another mail client deletes the folder "Junk mail" of the mailbox "sales@acme.test"
    And the CRM synchronises the mailbox "sales@acme.test"
    Then the folder settings of the mailbox "sales@acme.test" offer "INBOX, Sent, Spam, Trash, Drafts"
    And the setting "Move spam to folder" of the mailbox "sales@acme.test" is "Spam"
    When "Anna Nowak" tries to set "Move spam to folder" of the mailbox "sales@acme.test" to "Junk mail"
    Then the CRM refuses with "CRM.UNKNOWN_FOLDER"

  @R1.2
  Scenario: The server's own Spam folder cannot be deleted, since the server files spam into it
    When another mail client tries to delete the folder "Spam" of the mailbox "sales@acme.test"
    Then the mail server refused with "cannot be deleted"
    And the mail server has the folders "INBOX, Sent, Spam, Trash, Drafts" in the mailbox "sales@acme.test"
