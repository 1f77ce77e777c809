Feature: Closed leads and e-mail
  A lead that is closed ("Good lead" after conversion, or "Junk lead") is no match for new mail:
  the sender is matched as if the lead were not there. Only "Enable legacy lead creation mode",
  with repeat sales mode off, sends a returning sender's mail back to their closed lead.

  Background:
    Given the employees:
      | name       |
      | Anna Nowak |
    And "Anna Nowak" has connected the mailbox "sales@acme.test" to the CRM
    And the CRM has these leads:
      | title    | name    | e-mail              | status    | responsible |
      | Spammy   | Ola Lis | ola@newcustomer.test | Junk lead | Anna Nowak  |

  @R2.2 @R2.7
  Scenario: A junk lead is no match: the sender gets a new lead
    When "Ola Lis <ola@newcustomer.test>" sends an e-mail to "sales@acme.test" with the subject "Real question"
    And the CRM synchronises the mailbox "sales@acme.test"
    Then the CRM has 2 leads
    And the e-mail "Real question" is saved to the CRM and bound to the lead "Real question"

  @R2.2
  Scenario: An in-progress lead gets the e-mail and nothing is created
    Given the lead "Spammy" has the status "In progress"
    When "Ola Lis <ola@newcustomer.test>" sends an e-mail to "sales@acme.test" with the subject "Real question"
    And the CRM synchronises the mailbox "sales@acme.test"
    Then the CRM has 1 lead
    And the e-mail "Real question" is saved to the CRM and bound to the lead "Spammy"

  @R2.4
  Scenario: In legacy lead creation mode the sender's mail goes back to the closed lead
    Given the CRM setting "Enable repeat sales mode" is off
    And the CRM setting "Enable legacy lead creation mode" is on
    When "Ola Lis <ola@newcustomer.test>" sends an e-mail to "sales@acme.test" with the subject "Real question"
    And the CRM synchronises the mailbox "sales@acme.test"
    Then the CRM has 1 lead
    And the e-mail "Real question" is saved to the CRM and bound to the lead "Spammy"

  @R2.2 @R7.2
  Scenario: A converted lead's e-mail is bound to the lead, the new deal and the new contact
    Given the lead "Spammy" has the status "In progress"
    And "Ola Lis <ola@newcustomer.test>" has sent an e-mail to "sales@acme.test" with the subject "Order"
    When the lead "Spammy" is converted to a deal and a contact
    Then the e-mail "Order" is saved to the CRM and bound to:
      | deal    | Spammy  |
      | lead    | Spammy  |
      | contact | Ola Lis |
    And the lead "Spammy" has the status "Good lead" now
