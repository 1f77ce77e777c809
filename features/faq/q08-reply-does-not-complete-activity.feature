@Q8
Feature: Q8 Why replying does not complete the activity
  FAQ (pl): "Dlaczego odpowiedź na e-mail nie zamyka Aktywności w CRM"
  FAQ (en): "Why replying does not complete the activity"

  The activity is not completed automatically, so that the correspondence can go on if needed.
  To complete it, either complete the activity by hand, when the correspondence on the matter is
  over, or create a new activity from the e-mail, when you plan to go on working with the client
  on the basis of this e-mail.

  Background:
    Given the administrator "Adam Admin"
    And the employee "Anna Nowak"
    And "Anna Nowak" has connected the mailbox "sales@acme.test" to the CRM
    And "Anna Nowak" has the CRM role "Manager"
    And it is 09:30
    And "Jan Kowalski <jan.kowalski@client.test>" has sent an e-mail to "sales@acme.test" with the subject "Question about delivery"

  @R8.6 @problem
  Scenario: Replying to an e-mail from the CRM leaves its activity open
    Given the e-mail "Question about delivery" is saved to the CRM and bound to the lead "Question about delivery"
    And the e-mail activity "Question about delivery" is still planned
    When "Anna Nowak" replies from the lead "Question about delivery" to the e-mail "Question about delivery" with the subject "Re: Question about delivery"
    Then "jan.kowalski@client.test" receives the e-mail "Re: Question about delivery" from "sales@acme.test"
    And the e-mail "Re: Question about delivery" that "jan.kowalski@client.test" receives answers the e-mail "Question about delivery"
    And the e-mail "Re: Question about delivery" is an outgoing activity, completed, whose responsible is "Anna Nowak"
    But the e-mail activity "Question about delivery" is still planned

  @R8.6 @R9.1 @cause
  Scenario: The correspondence can go on in the same thread
    Given "Anna Nowak" replies from the lead "Question about delivery" to the e-mail "Question about delivery" with the subject "Re: Question about delivery"
    And it is 11:00
    When "Jan Kowalski <jan.kowalski@client.test>" replies to the e-mail "Re: Question about delivery" with the subject "Delivery on Friday, please"
    And the CRM synchronises the mailbox "sales@acme.test"
    Then "Anna Nowak" sees in the form of the lead "Question about delivery" the e-mails:
      | e-mail                      | direction | in reply to                 |
      | Question about delivery     | incoming  |                             |
      | Re: Question about delivery | outgoing  | Question about delivery     |
      | Delivery on Friday, please  | incoming  | Re: Question about delivery |
    And the e-mail activity "Question about delivery" is still planned
    And the CRM has 1 lead

  @R8.6 @R8.3
  Scenario: Replying to a client who is a lead creates no contact
    When "Anna Nowak" replies from the lead "Question about delivery" to the e-mail "Question about delivery" with the subject "Re: Question about delivery"
    Then the CRM has 0 contacts
    And the e-mail "Re: Question about delivery" is bound to:
      | lead | Question about delivery |

  @R8.6 @fix
  Scenario: "Complete" by hand when the correspondence is over
    Given "Anna Nowak" replies from the lead "Question about delivery" to the e-mail "Question about delivery" with the subject "Re: Question about delivery"
    When "Anna Nowak" completes the e-mail activity "Question about delivery"
    Then the e-mail activity "Question about delivery" is completed

  @R8.6 @fix
  Scenario: Creating a new activity from the e-mail completes it and plans the next step
    When "Anna Nowak" creates a new activity "Call Jan about the delivery date" from the e-mail "Question about delivery"
    Then the e-mail activity "Question about delivery" is completed
    And a planned activity "Call Jan about the delivery date" is in the form of the lead "Question about delivery"

  @R8.6 @error
  Scenario: Only someone who may edit the item can complete its e-mail
    Given the employee "Boris Lis"
    And "Boris Lis" has the CRM role "Manager"
    When "Boris Lis" tries to complete the e-mail activity "Question about delivery"
    Then the CRM refuses with "CRM.ACTIVITY_EDIT_NOT_ALLOWED"
    And the e-mail activity "Question about delivery" is still planned
