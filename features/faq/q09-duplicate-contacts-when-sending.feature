@Q9
Feature: Q9 Why sending from a CRM form can create duplicate contacts
  FAQ (pl): "Dlaczego mogą powstawać duplikaty kontaktów przy wysyłaniu e-maila z formularza CRM"
  FAQ (en): "Why sending from a CRM form can create duplicate contacts"

  No duplicates are created when you send an e-mail to a contact that already exists in the CRM,
  even if that contact is not linked to the current form. Duplicates can appear when you send to
  an address from the mail address book (marked with a blue icon): the CRM takes the address as
  new and creates a duplicate, even if the e-mail already exists in another form. The same can
  happen to addresses written in a different format (e.g. with extra spaces).
  (How Bitrix24 does it, reference §1.8 rule 49: an address that was not picked from the CRM, typed
  or taken from the address book, gets no duplicate check, so it always makes a new contact; only a
  contact picked from the CRM is taken as that contact. The form refuses an address with white
  space inside it, and drops the white space around one.)
  To stop the CRM creating contacts for recipients from the address book: CRM > Settings > Other >
  Other settings > Activities, untick "Allow sending e-mails to arbitrary addresses" and Apply.
  E-mail can then be sent only to addresses from the CRM, and no more duplicates appear.

  Background:
    Given the administrator "Adam Admin"
    And the employee "Anna Nowak"
    And "Anna Nowak" has connected the mailbox "sales@acme.test" to the CRM
    And "Anna Nowak" has the CRM role "Manager"
    And the contact "Jan Kowalski" with the e-mail "jan.kowalski@client.test", managed by "Anna Nowak"
    And the contact "Ola Wisniewska" with the e-mail "ola@other.test", managed by "Anna Nowak"
    And the deal "Online shop" with the client "Jan Kowalski", managed by "Anna Nowak"

  @R8.3 @fix
  Scenario: Sending to a contact already in the CRM, not linked to the form, creates no duplicate
    When "Anna Nowak" sends an e-mail from the deal "Online shop" to the CRM contact "Ola Wisniewska" with the subject "Partnership"
    Then "ola@other.test" receives the e-mail "Partnership" from "sales@acme.test"
    And the CRM has 1 contact reached at "ola@other.test"
    And the CRM has 2 contacts
    And the e-mail "Partnership" is bound to:
      | deal    | Online shop    |
      | contact | Jan Kowalski   |
      | contact | Ola Wisniewska |

  @R8.3 @cause
  Scenario Outline: Only a contact picked from the CRM is taken as that contact; any other address is new to the CRM: <how>
    Given "Ola Wisniewska <ola@other.test>" has sent an e-mail to "sales@acme.test" with the subject "Hello from Ola"
    When "Anna Nowak" sends an e-mail from the deal "Online shop" to <recipient> with the subject "Partnership"
    Then "ola@other.test" receives the e-mail "Partnership" from "sales@acme.test"
    And the CRM has <contacts> contacts reached at "ola@other.test"

    Examples: the same contact
      | how                                | recipient                                   | contacts |
      | picked from the CRM                | the CRM contact "Ola Wisniewska"            | 1        |

    Examples: a duplicate
      | how                                | recipient                                   | contacts |
      | typed as stored                    | the typed address "ola@other.test"          | 2        |
      | typed in other case                | the typed address "OLA@Other.TEST"          | 2        |
      | typed with spaces around it        | the typed address "  ola@other.test "       | 2        |
      | picked from the mail address book  | "ola@other.test" from the mail address book | 2        |

  @R8.3 @problem
  Scenario: An address picked from the mail address book becomes a duplicate contact
    Given "Ola Wisniewska <ola@other.test>" has sent an e-mail to "sales@acme.test" with the subject "Hello from Ola"
    When "Anna Nowak" sends an e-mail from the deal "Online shop" to "ola@other.test" from the mail address book with the subject "Partnership"
    Then "ola@other.test" receives the e-mail "Partnership" from "sales@acme.test"
    And the CRM has 2 contacts reached at "ola@other.test"
    And the CRM has 3 contacts

  @R8.3 @problem
  Scenario: An address written with extra spaces reaches the same person but becomes a duplicate contact
    When "Anna Nowak" sends an e-mail from the deal "Online shop" to the typed address " ola@other.test  " with the subject "Partnership"
    Then "ola@other.test" receives the e-mail "Partnership" from "sales@acme.test"
    And the CRM has 2 contacts reached at "ola@other.test"
    And the CRM has 3 contacts

  @R8.5 @error
  Scenario: An address with spaces inside it is refused by the form, and nothing is created
    When "Anna Nowak" tries to send an e-mail from the deal "Online shop" to the typed address "ola @ other.test" with the subject "Partnership"
    Then the CRM refuses with "CRM.SEND_INVALID_ADDRESS"
    And nobody receives the e-mail "Partnership"
    And the CRM has 2 contacts

  @R8.3 @error
  Scenario: Only the mailbox's correspondents are in the mail address book
    When "Anna Nowak" tries to send an e-mail from the deal "Online shop" to "stranger@nowhere.test" from the mail address book with the subject "Partnership"
    Then nobody receives the e-mail "Partnership"
    And the CRM has 2 contacts

  @R8.4 @fix
  Scenario Outline: With "Allow sending e-mails to arbitrary addresses" off, addresses not from the CRM are refused: <recipient>
    Given "Ola Wisniewska <ola@other.test>" has sent an e-mail to "sales@acme.test" with the subject "Hello from Ola"
    And "Adam Admin" sets the CRM setting "Allow sending e-mails to arbitrary addresses" to "off"
    When "Anna Nowak" tries to send an e-mail from the deal "Online shop" to <recipient> with the subject "Partnership"
    Then the CRM refuses with "CRM.SEND_ARBITRARY_ADDRESS_NOT_ALLOWED"
    And the refusal says "e-mail goes only to addresses from the CRM"
    And nobody receives the e-mail "Partnership"
    And the CRM has 2 contacts

    Examples:
      | recipient                                 |
      | "ola@other.test" from the mail address book |
      | the typed address "ola@other.test"        |
      | the typed address "new@client.test"       |
      | the new address "new@client.test" named "New Client" |

  @R8.4 @fix
  Scenario: With the setting off, CRM addresses still work and no duplicates appear
    Given the CRM setting "Allow sending e-mails to arbitrary addresses" is off
    When "Anna Nowak" sends an e-mail from the deal "Online shop" to the CRM contact "Ola Wisniewska" with the subject "Partnership"
    And "Anna Nowak" sends an e-mail from the deal "Online shop" to its client with the subject "Partnership again"
    Then "ola@other.test" receives the e-mail "Partnership" from "sales@acme.test"
    And "jan.kowalski@client.test" receives the e-mail "Partnership again" from "sales@acme.test"
    And the CRM has 1 contact reached at "ola@other.test"
    And the CRM has 2 contacts

  @R8.4 @R6.2 @error
  Scenario: Only an administrator or an employee with "User can edit settings" can change the setting
    When "Anna Nowak" tries to set the CRM setting "Allow sending e-mails to arbitrary addresses" to "off"
    Then the CRM refuses with "CRM.NOT_ALLOWED_TO_CHANGE_CRM_SETTINGS"
    And the CRM setting "Allow sending e-mails to arbitrary addresses" is on now
