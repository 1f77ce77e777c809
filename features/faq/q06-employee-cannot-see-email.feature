@Q6
Feature: Q6 Why an employee cannot see an e-mail in a CRM form
  FAQ (pl): "Dlaczego pracownik nie widzi e-maila w formularzu elementu CRM"
  FAQ (en): "Why an employee cannot see an e-mail in a CRM form"

  To see an e-mail in a CRM item's form, an employee needs permission to view the items the e-mail
  is bound to. For example, if the e-mail is bound to a deal and a contact, but the employee has no
  access to contacts, they will not see the e-mail in the deal's form either. Access permissions
  are set by the Bitrix24 administrator and by employees with "User can edit settings".

  Background:
    Given the administrator "Adam Admin"
    And the employee "Anna Nowak" of the department "Deliveries"
    And the employee "Boris Lis" of the department "Sales"
    And "Anna Nowak" has connected the mailbox "sales@acme.test" to the CRM
    And the contact "Jan Kowalski" with the e-mail "jan.kowalski@client.test", managed by "Anna Nowak"
    And the deal "Online shop" with the client "Jan Kowalski", managed by "Boris Lis"
    And the CRM role "Deal managers" with these permissions:
      | item type | read | add | edit | delete      |
      | deal      | All  | All | All  | Deny access |
    And "Boris Lis" has the CRM role "Deal managers"
    And "Jan Kowalski <jan.kowalski@client.test>" has sent an e-mail to "sales@acme.test" with the subject "Question about the offer"

  @R6.3 @problem
  Scenario: The employee responsible for the deal does not see the client's e-mail in the deal's form
    Then "Boris Lis" does not see the e-mail "Question about the offer" in the form of the deal "Online shop"
    But "Adam Admin" sees the e-mail "Question about the offer" in the form of the deal "Online shop"

  @R6.3 @cause
  Scenario: The e-mail is bound to the deal and to the contact, and the employee may not read contacts
    Then the e-mail "Question about the offer" is bound to:
      | deal    | Online shop  |
      | contact | Jan Kowalski |
    And the read permission for contact items of the CRM role "Deal managers" is "Deny access"
    And "Boris Lis" cannot open the form of the contact "Jan Kowalski"
    And "Anna Nowak" cannot open the form of the deal "Online shop"

  @R6.3 @fix
  Scenario: With permission to read contacts the employee sees the e-mail in the deal's form
    When "Adam Admin" sets the read permission for contact items of the CRM role "Deal managers" to "All"
    Then "Boris Lis" sees the e-mail "Question about the offer" in the form of the deal "Online shop"
    And "Boris Lis" sees the e-mail "Question about the offer" in the form of the contact "Jan Kowalski"

  @R6.3 @R6.1
  Scenario Outline: Reading contacts at the level <level> for a contact managed in another department
    When "Adam Admin" sets the read permission for contact items of the CRM role "Deal managers" to "<level>"
    Then "Boris Lis" <visibility> the e-mail "Question about the offer" in the form of the deal "Online shop"

    Examples:
      | level                                   | visibility   |
      | Deny access                             | does not see |
      | Personal                                | does not see |
      | Personal and department                 | does not see |
      | Personal, department and subdepartments | does not see |
      | All open                                | sees         |
      | All                                     | sees         |

  # Every employee belongs at least to the company's root department; the department levels follow
  # the company structure (reference §1.10 rule 55: D = own department, F = with its subdepartments).
  @R6.3 @R6.1
  Scenario Outline: Reading contacts at the level <level> when the contact's responsible works in <where>
    Given the department "Key accounts" within the department "Sales"
    And the employee "Ewa Kos" of the department "<department>"
    And the contact "Ola Wisniewska" with the e-mail "ola@other.test", managed by "Ewa Kos"
    And the deal "Mobile app" with the client "Ola Wisniewska", managed by "Boris Lis"
    And "Ola Wisniewska <ola@other.test>" has sent an e-mail to "sales@acme.test" with the subject "Question about the app"
    When "Adam Admin" sets the read permission for contact items of the CRM role "Deal managers" to "<level>"
    Then "Boris Lis" <visibility> the e-mail "Question about the app" in the form of the deal "Mobile app"

    Examples:
      | level                                   | where                            | department   | visibility   |
      | Personal                                | his own department               | Sales        | does not see |
      | Personal and department                 | his own department               | Sales        | sees         |
      | Personal and department                 | a department below his           | Key accounts | does not see |
      | Personal, department and subdepartments | a department below his           | Key accounts | sees         |
      | Personal, department and subdepartments | the root department, above his   | Company      | does not see |

  @R6.3 @R6.1
  Scenario: With several roles the widest level wins
    Given the CRM role "Contact readers" with these permissions:
      | item type | read | add         | edit        | delete      |
      | contact   | All  | Deny access | Deny access | Deny access |
    When "Adam Admin" gives "Boris Lis" the CRM role "Contact readers"
    Then "Boris Lis" has the CRM roles "Deal managers, Contact readers"
    And "Boris Lis" sees the e-mail "Question about the offer" in the form of the deal "Online shop"

  @R6.3 @R9.2
  Scenario: A search does not find an e-mail the employee may not see
    When "Boris Lis" searches the CRM for "offer" in the subject
    Then the search finds nothing
    When "Adam Admin" searches the CRM for "offer" in the subject
    Then the search finds only the e-mail "Question about the offer"

  @R6.2 @error
  Scenario: An employee without "User can edit settings" cannot give himself access
    When "Boris Lis" tries to set the read permission for contact items of the CRM role "Deal managers" to "All"
    Then the CRM refuses with "CRM.NOT_ALLOWED_TO_CHANGE_RIGHTS"
    And the refusal says "only a Bitrix24 administrator or an employee with \"User can edit settings\" can"
    And the read permission for contact items of the CRM role "Deal managers" is "Deny access"
    And "Boris Lis" does not see the e-mail "Question about the offer" in the form of the deal "Online shop"

  @R6.2 @fix
  Scenario: An employee with "User can edit settings" can give the access
    Given the employee "Ewa Wrona" with "User can edit settings"
    When "Ewa Wrona" sets the read permission for contact items of the CRM role "Deal managers" to "All"
    Then "Boris Lis" sees the e-mail "Question about the offer" in the form of the deal "Online shop"
