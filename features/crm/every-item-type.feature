Feature: Every kind of CRM item with the same steps
  Leads, deals, contacts and companies are set up, counted and checked with the same families of
  steps: with or without an e-mail (a deal has its client's), none or exactly N of a type, status or
  stage, responsible, and what their timelines show.

  Background:
    Given the employees:
      | name         |
      | Anna Nowak   |
      | Boris Wójcik |
    And "Anna Nowak" has connected the mailbox "sales@acme.test" to the CRM

  @R2.1 @R4.1
  Scenario: Mail from a lead's address goes to that lead, whose responsible gets the e-mail
    Given the lead "Printers" with the e-mail "jan@client.test", managed by "Anna Nowak"
    And the lead "Printers" is managed by "Boris Wójcik"
    When "Jan Kowalski <jan@client.test>" sends an e-mail to "sales@acme.test" with the subject "Toner"
    And the CRM synchronises the mailbox "sales@acme.test"
    Then the CRM has 1 lead
    And the CRM has no deals
    And the CRM has no contacts
    And the CRM has no companies
    And the e-mail "Toner" is saved to the CRM and bound to the lead "Printers"
    And the responsible of the lead "Printers" is "Boris Wójcik"
    And the responsible of the e-mail activity "Toner" is "Boris Wójcik"
    And the timeline of the lead "Printers" shows the e-mail "Toner"

  @R2.7
  Scenario: A lead without an e-mail is no match: the sender gets a new lead
    Given the lead "Phone enquiry" without an e-mail, managed by "Anna Nowak"
    When "Jan Kowalski <jan@client.test>" sends an e-mail to "sales@acme.test" with the subject "Toner"
    And the CRM synchronises the mailbox "sales@acme.test"
    Then the CRM has 2 leads
    And the CRM has the lead "Toner"
    And the timeline of the lead "Phone enquiry" does not show the e-mail "Toner"
    And the timeline of the lead "Toner" shows the e-mail "Toner"

  @R2.1 @R2.3 @R4.1
  Scenario: Mail from a company's address goes to the company, and a company without one gets nothing
    Given the CRM setting "Enable repeat sales mode" is off
    And the company "Client Ltd" with the e-mail "office@client.test", managed by "Anna Nowak"
    And the company "Quiet Ltd" without an e-mail, managed by "Boris Wójcik"
    When "Client Ltd <office@client.test>" sends an e-mail to "sales@acme.test" with the subject "Invoice"
    And the CRM synchronises the mailbox "sales@acme.test"
    Then the CRM has 2 companies
    And the CRM has no leads
    And the e-mail "Invoice" is saved to the CRM and bound to the company "Client Ltd"
    And the timeline of the company "Client Ltd" shows the e-mail "Invoice"
    And the timeline of the company "Quiet Ltd" does not show the e-mail "Invoice"
    And the responsible of the e-mail activity "Invoice" is "Anna Nowak"

  @R8.1
  Scenario: A company without an e-mail offers nobody to write to
    Given the company "Quiet Ltd" without an e-mail, managed by "Anna Nowak"
    Then sending e-mail from the company "Quiet Ltd" is unavailable because "no e-mail"

  @R2.1 @R4.1
  Scenario: A contact's deal gets the mail, and the deal's responsible the e-mail
    Given the contact "Jan Kowalski" with the e-mail "jan@client.test", managed by "Anna Nowak"
    And the contact "Ola Lis" without an e-mail, managed by "Anna Nowak"
    And the deal "Online shop" with the client "Jan Kowalski", managed by "Anna Nowak"
    And the deal "Online shop" is managed by "Boris Wójcik"
    And the deal "Online shop" is in the stage "In progress"
    When "Jan Kowalski <jan@client.test>" sends an e-mail to "sales@acme.test" with the subject "Delivery date"
    And the CRM synchronises the mailbox "sales@acme.test"
    Then the CRM has 2 contacts
    And the CRM has 1 deal
    And the CRM has no lead "Delivery date"
    And the e-mail "Delivery date" is saved to the CRM and bound to the deal "Online shop"
    And the deal "Online shop" is in the stage "In progress" now
    And the responsible of the e-mail activity "Delivery date" is "Boris Wójcik"
    And the timeline of the contact "Jan Kowalski" shows the e-mail "Delivery date"
    And the timeline of the contact "Ola Lis" does not show the e-mail "Delivery date"
