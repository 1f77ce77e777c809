@Q3
Feature: Q3 Can an e-mail be added to another deal
  FAQ (pl): "Czy można dodać e-mail do innego deala"
  FAQ (en): "Can an e-mail be added to another deal"

  To add an e-mail to another deal, the employee needs permission to edit those deals. CRM access
  permissions can be set by the Bitrix24 administrator and by an employee with "User can edit
  settings". Open the deal the e-mail is bound to, click Open next to the e-mail in the timeline,
  then More > Change deal. If there is no "Change deal", the e-mail was added to a deal created
  from a lead: it is bound to both the deal and the lead, so its deal cannot be changed.

  Background:
    Given the administrator "Adam Admin"
    And the employee "Anna Nowak" of the department "Sales"
    And the employee "Boris Lis" of the department "Deliveries"
    And "Anna Nowak" has connected the mailbox "sales@acme.test" to the CRM
    And the CRM role "Sales" with these permissions:
      | item type | read | add      | edit     | delete      |
      | lead      | All  | Personal | Personal | Deny access |
      | deal      | All  | Personal | Personal | Deny access |
      | contact   | All  | Personal | Personal | Deny access |
    And "Anna Nowak" has the CRM role "Sales"
    And "Boris Lis" has the CRM role "Sales"
    And the contact "Jan Kowalski" with the e-mail "jan.kowalski@client.test", managed by "Anna Nowak"
    And the deal "Online shop" with the client "Jan Kowalski", managed by "Anna Nowak"
    And the deal "Mobile app" with the client "Jan Kowalski", managed by "Anna Nowak"

  @R7.1 @problem
  Scenario: An e-mail about one deal lands on the client's most recently changed deal
    When "Jan Kowalski <jan.kowalski@client.test>" sends an e-mail to "sales@acme.test" with the subject "Delivery of the shop"
    And the CRM synchronises the mailbox "sales@acme.test"
    Then the e-mail "Delivery of the shop" is bound to:
      | deal    | Mobile app   |
      | contact | Jan Kowalski |
    And "Change deal" is offered for the e-mail "Delivery of the shop"

  @R7.1 @fix
  Scenario: An employee who may edit both deals moves the e-mail with "Change deal"
    Given "Jan Kowalski <jan.kowalski@client.test>" has sent an e-mail to "sales@acme.test" with the subject "Delivery of the shop"
    When "Anna Nowak" moves the e-mail "Delivery of the shop" to the deal "Online shop" with "Change deal"
    Then the e-mail "Delivery of the shop" is in the form of the deal "Online shop"
    And the e-mail "Delivery of the shop" is not in the form of the deal "Mobile app"
    And the e-mail "Delivery of the shop" is bound to:
      | deal    | Online shop  |
      | contact | Jan Kowalski |
    And the e-mail "Delivery of the shop" is in the form of the contact "Jan Kowalski"

  @R7.1 @error
  Scenario: Without permission to edit the deals the move is refused and the e-mail stays
    Given "Jan Kowalski <jan.kowalski@client.test>" has sent an e-mail to "sales@acme.test" with the subject "Delivery of the shop"
    When "Boris Lis" tries to move the e-mail "Delivery of the shop" to the deal "Online shop" with "Change deal"
    Then the CRM refuses with "CRM.CHANGE_DEAL_NOT_ALLOWED"
    And the refusal says "needs permission to edit both deals"
    And the e-mail "Delivery of the shop" is in the form of the deal "Mobile app"
    And the e-mail "Delivery of the shop" is not in the form of the deal "Online shop"

  @R7.1 @error
  Scenario: Permission to edit the deal the e-mail leaves is not enough
    Given the deal "Boris's deal" with the client "Jan Kowalski", managed by "Boris Lis"
    And "Jan Kowalski <jan.kowalski@client.test>" has sent an e-mail to "sales@acme.test" with the subject "Delivery of the shop"
    And the e-mail "Delivery of the shop" is in the form of the deal "Boris's deal"
    When "Boris Lis" tries to move the e-mail "Delivery of the shop" to the deal "Online shop" with "Change deal"
    Then the CRM refuses with "CRM.CHANGE_DEAL_NOT_ALLOWED"
    And the refusal says "may not edit the deal \"Online shop\""
    And the e-mail "Delivery of the shop" is in the form of the deal "Boris's deal"

  @R7.1 @error
  Scenario: Permission to edit the deal the e-mail joins is not enough
    Given "Jan Kowalski <jan.kowalski@client.test>" has sent an e-mail to "sales@acme.test" with the subject "Delivery of the shop"
    And the deal "Boris's deal" with the client "Jan Kowalski", managed by "Boris Lis"
    When "Boris Lis" tries to move the e-mail "Delivery of the shop" to the deal "Boris's deal" with "Change deal"
    Then the CRM refuses with "CRM.CHANGE_DEAL_NOT_ALLOWED"
    And the refusal says "may not edit the deal \"Mobile app\""
    And the e-mail "Delivery of the shop" is not in the form of the deal "Boris's deal"

  @R7.1 @R6.1 @cause
  Scenario Outline: Whether "Change deal" works depends on the role's permission to edit deals: "<level>"
    Given "Jan Kowalski <jan.kowalski@client.test>" has sent an e-mail to "sales@acme.test" with the subject "Delivery of the shop"
    When "Adam Admin" sets the edit permission for deal items of the CRM role "Sales" to "<level>"
    And "Boris Lis" tries to move the e-mail "Delivery of the shop" to the deal "Online shop" with "Change deal"
    Then the e-mail "Delivery of the shop" is in the form of the deal "<deal>"

    Examples: Boris, in another department, may not edit Anna's deals
      | level                                   | deal       |
      | Deny access                             | Mobile app |
      | Personal                                | Mobile app |
      | Personal and department                 | Mobile app |
      | Personal, department and subdepartments | Mobile app |

    Examples: Boris may edit every deal open to everyone, as these are
      | level    | deal        |
      | All open | Online shop |
      | All      | Online shop |

  @R7.1 @R6.1
  Scenario: With "Personal and department", a colleague of Anna's department may move the e-mail between her deals
    Given the employee "Celina Wrona" of the department "Sales"
    And "Celina Wrona" has the CRM role "Sales"
    And "Jan Kowalski <jan.kowalski@client.test>" has sent an e-mail to "sales@acme.test" with the subject "Delivery of the shop"
    When "Adam Admin" sets the edit permission for deal items of the CRM role "Sales" to "Personal and department"
    And "Boris Lis" tries to move the e-mail "Delivery of the shop" to the deal "Online shop" with "Change deal"
    Then the CRM refuses with "CRM.CHANGE_DEAL_NOT_ALLOWED"
    When "Celina Wrona" moves the e-mail "Delivery of the shop" to the deal "Online shop" with "Change deal"
    Then the e-mail "Delivery of the shop" is in the form of the deal "Online shop"

  @R7.1 @R6.2 @fix
  Scenario: Once the administrator lets the role edit all deals, the move succeeds
    Given "Jan Kowalski <jan.kowalski@client.test>" has sent an e-mail to "sales@acme.test" with the subject "Delivery of the shop"
    When "Adam Admin" sets the edit permission for deal items of the CRM role "Sales" to "All"
    And "Boris Lis" moves the e-mail "Delivery of the shop" to the deal "Online shop" with "Change deal"
    Then the e-mail "Delivery of the shop" is in the form of the deal "Online shop"

  @R7.2 @problem
  Scenario: "Change deal" is not offered for an e-mail added to a deal created from a lead
    Given "Piotr Zielinski <piotr@newclient.test>" has sent an e-mail to "sales@acme.test" with the subject "Website request"
    And the deal "Website project" created from the lead "Website request", managed by "Anna Nowak"
    Then the e-mail "Website request" is bound to:
      | deal    | Website project |
      | lead    | Website request |
      | contact | Piotr Zielinski |
    And "Change deal" is not offered for the e-mail "Website request", because it is bound to both the lead and the deal

  @R7.2 @error
  Scenario: Moving such an e-mail is refused with that reason, even for an administrator
    Given "Piotr Zielinski <piotr@newclient.test>" has sent an e-mail to "sales@acme.test" with the subject "Website request"
    And the deal "Website project" created from the lead "Website request", managed by "Anna Nowak"
    When "Adam Admin" tries to move the e-mail "Website request" to the deal "Online shop" with "Change deal"
    Then the CRM refuses with "CRM.CHANGE_DEAL_CONVERTED_LEAD"
    And the refusal says "bound to both the deal and the lead"
    And the e-mail "Website request" is in the form of the deal "Website project"
    And the e-mail "Website request" is in the form of the lead "Website request"

  @R6.2 @error
  Scenario: An employee without "User can edit settings" cannot change access permissions
    When "Boris Lis" tries to give "Boris Lis" the CRM role "Administrator"
    Then the CRM refuses with "CRM.NOT_ALLOWED_TO_CHANGE_RIGHTS"
    And "Boris Lis" has the CRM roles "Sales"
    When "Anna Nowak" tries to set the edit permission for deal items of the CRM role "Sales" to "All"
    Then the CRM refuses with "CRM.NOT_ALLOWED_TO_CHANGE_RIGHTS"
    And the edit permission for deal items of the CRM role "Sales" is "Personal"

  @R6.2
  Scenario Outline: Who may change CRM access permissions: <who>
    Given <who>
    When "Ewa Wrona" gives "Boris Lis" the CRM role "Administrator"
    Then "Boris Lis" has the CRM roles "Sales, Administrator"

    Examples:
      | who                                                 |
      | the administrator "Ewa Wrona"                       |
      | the employee "Ewa Wrona" with "User can edit settings" |
