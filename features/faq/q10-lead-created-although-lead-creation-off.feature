@Q10
Feature: Q10 Why a lead was created although lead creation is off in the mailbox settings
  FAQ (pl): "Dlaczego w CRM utworzono lead, mimo że w ustawieniach poczty wyłączono tworzenie leadów"
  FAQ (en): "Why a lead was created although lead creation is off in the mailbox settings"

  Problem: a repeat lead is created from an incoming e-mail although lead creation is switched
  off in the mailbox settings.
  Cause: "Enable repeat sales mode" is on in the CRM settings.
  (Why the mailbox switch does not stop it, from how Bitrix24 works rather than from the FAQ:
  reference §1.4 rule 25, the switch only decides what happens to senders the CRM does not know,
  and a known client without an active deal gets a repeat lead.)
  Fix: CRM > Settings > Other > Other settings: clear "Enable repeat sales mode", tick
  "Enable legacy lead creation mode", Apply. A client who writes again then goes to their active
  deal, or, without one, to their closed lead.

  Background:
    Given the employees:
      | name       | administrator |
      | Anna Nowak | no            |
      | Adam Admin | yes           |
    And "Anna Nowak" has connected the mailbox "sales@acme.test" to the CRM
    And the mailbox "sales@acme.test" has these settings:
      | Create lead for incoming e-mail from a new address | off |
    And the CRM has these leads:
      | title         | name         | e-mail                   | responsible |
      | First enquiry | Jan Kowalski | jan.kowalski@client.test | Anna Nowak  |
    And the lead "First enquiry" was converted to a deal and a contact
    And the deal "First enquiry" is in the stage "Deal won"

  @R2.3 @problem
  Scenario: A returning client's e-mail creates a repeat lead although lead creation is off
    When "Jan Kowalski <jan.kowalski@client.test>" sends an e-mail to "sales@acme.test" with the subject "New order"
    And the CRM synchronises the mailbox "sales@acme.test"
    Then a repeat lead "New order" is created for the contact "Jan Kowalski"
    And the e-mail "New order" is saved to the CRM and bound to:
      | lead    | New order    |
      | contact | Jan Kowalski |

  @R2.3 @R2.7
  Scenario: The mailbox switch does hold for a sender the CRM does not know
    When "Ola Lis <ola@newcustomer.test>" sends an e-mail to "sales@acme.test" with the subject "Hello"
    And the CRM synchronises the mailbox "sales@acme.test"
    Then the e-mail "Hello" is not saved to the CRM because lead creation for new addresses is off
    And the CRM has 1 lead

  @R2.3 @cause
  Scenario: "Enable repeat sales mode" is on unless someone switched it off
    Then the CRM setting "Enable repeat sales mode" is on now
    And the CRM setting "Enable legacy lead creation mode" is off now

  @R2.1 @fix
  Scenario: After the fix, a request from a client with an active deal goes to that deal
    Given the CRM has these deals:
      | title    | contact      | stage   | responsible |
      | Printers | Jan Kowalski | Invoice | Anna Nowak  |
    When "Adam Admin" sets the CRM setting "Enable repeat sales mode" to "off"
    And "Adam Admin" sets the CRM setting "Enable legacy lead creation mode" to "on"
    And "Jan Kowalski <jan.kowalski@client.test>" sends an e-mail to "sales@acme.test" with the subject "Another printer"
    And the CRM synchronises the mailbox "sales@acme.test"
    Then the CRM has 1 lead
    And the e-mail "Another printer" is saved to the CRM and bound to:
      | deal    | Printers     |
      | contact | Jan Kowalski |

  @R2.4 @fix
  Scenario: After the fix, a request from a client without an active deal goes to the closed lead
    When "Adam Admin" sets the CRM setting "Enable repeat sales mode" to "off"
    And "Adam Admin" sets the CRM setting "Enable legacy lead creation mode" to "on"
    And "Jan Kowalski <jan.kowalski@client.test>" sends an e-mail to "sales@acme.test" with the subject "Back again"
    And the CRM synchronises the mailbox "sales@acme.test"
    Then the CRM has 1 lead
    And the e-mail "Back again" is saved to the CRM and bound to:
      | lead    | First enquiry |
      | contact | Jan Kowalski  |

  Scenario Outline: A returning client without an active deal, with repeat sales mode <repeat sales> and legacy lead creation mode <legacy>
    Given the CRM setting "Enable repeat sales mode" is <repeat sales>
    And the CRM setting "Enable legacy lead creation mode" is <legacy>
    When "Jan Kowalski <jan.kowalski@client.test>" sends an e-mail to "sales@acme.test" with the subject "Once more"
    And the CRM synchronises the mailbox "sales@acme.test"
    Then the CRM has <leads> leads
    And the e-mail "Once more" is saved to the CRM and bound to the <owner>

    @R2.3
    Examples: repeat sales mode on: a repeat lead, whatever the legacy mode says
      | repeat sales | legacy | leads | owner                |
      | on           | off    | 2     | lead "Once more"     |
      | on           | on     | 2     | lead "Once more"     |

    @R2.4
    Examples: repeat sales mode off, legacy lead creation mode on: the closed lead
      | repeat sales | legacy | leads | owner                |
      | off          | on     | 1     | lead "First enquiry" |

    @R2.5
    Examples: both off: the client alone
      | repeat sales | legacy | leads | owner                  |
      | off          | off    | 1     | contact "Jan Kowalski" |

  @R6.2 @error
  Scenario: Only an administrator or an employee with "User can edit settings" changes the CRM settings
    When "Anna Nowak" tries to set the CRM setting "Enable repeat sales mode" to "off"
    Then the CRM refuses with "CRM.NOT_ALLOWED_TO_CHANGE_CRM_SETTINGS"
    And the CRM setting "Enable repeat sales mode" is on now

  @R2.1
  Scenario Outline: A returning client with an active deal: the deal gets the e-mail, whatever the settings (repeat sales <repeat sales>, legacy <legacy>)
    Given the CRM has these deals:
      | title    | contact      | stage   | responsible |
      | Printers | Jan Kowalski | Invoice | Anna Nowak  |
    And the CRM setting "Enable repeat sales mode" is <repeat sales>
    And the CRM setting "Enable legacy lead creation mode" is <legacy>
    When "Jan Kowalski <jan.kowalski@client.test>" sends an e-mail to "sales@acme.test" with the subject "Once more"
    And the CRM synchronises the mailbox "sales@acme.test"
    Then the CRM has 1 lead
    And the e-mail "Once more" is saved to the CRM and bound to:
      | deal    | Printers     |
      | contact | Jan Kowalski |

    Examples:
      | repeat sales | legacy |
      | on           | off    |
      | on           | on     |
      | off          | on     |
      | off          | off    |
