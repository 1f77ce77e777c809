Feature: Who the sender is, and which client that makes them
  The CRM takes the sender from Reply-To when a message has one, else from From, and compares
  addresses after trimming and lower-casing only. Contacts and companies are searched first: a
  contact is bound together with its company only if it works there.

  Background:
    Given the employees:
      | name       |
      | Anna Nowak |
    And "Anna Nowak" has connected the mailbox "sales@acme.test" to the CRM
    And the CRM has these companies:
      | title       | e-mail              | responsible |
      | Client Ltd  | office@client.test  | Anna Nowak  |
    And the CRM has these contacts:
      | name         | e-mail                                           | company    | responsible |
      | Jan Kowalski | jan.kowalski@client.test, jan@home.test (HOME)   | Client Ltd | Anna Nowak  |
    And the CRM has these deals:
      | title    | company    | stage | responsible |
      | Printers | Client Ltd | New   | Anna Nowak  |

  @R2.1
  Scenario: A message sent by a web form on the client's behalf is matched by its Reply-To
    When "Web form <noreply@forms.test>" sends an e-mail to "sales@acme.test" with the subject "Form request" and the Reply-To "Jan Kowalski <jan.kowalski@client.test>"
    And the CRM synchronises the mailbox "sales@acme.test"
    Then the e-mail "Form request" is saved to the CRM and bound to:
      | deal    | Printers     |
      | contact | Jan Kowalski |
      | company | Client Ltd   |
    And the CRM has no leads

  @R2.1
  Scenario: Any of a contact's e-mail values matches, whatever its type
    When "Jan <JAN@home.test>" sends an e-mail to "sales@acme.test" with the subject "From home"
    And the CRM synchronises the mailbox "sales@acme.test"
    Then the e-mail "From home" is saved to the CRM and bound to the deal "Printers"

  @R2.1
  Scenario: Mail from the company's own address goes to the company's deal and the company
    When "Client Ltd <office@client.test>" sends an e-mail to "sales@acme.test" with the subject "Order"
    And the CRM synchronises the mailbox "sales@acme.test"
    Then the e-mail "Order" is saved to the CRM and bound to:
      | deal    | Printers   |
      | company | Client Ltd |
