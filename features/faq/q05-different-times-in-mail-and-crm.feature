@Q5
Feature: Q5 Why one e-mail shows different times in Mail and in the CRM
  FAQ (pl): "Dlaczego czas wysłania tego samego e-maila jest różny w poczcie i CRM"
  FAQ (en): "Why one e-mail shows different times in Mail and in the CRM"

  An e-mail can show three different times: when it was really received (Mail, top right corner
  of the message), when it entered the CRM (the item's timeline), and on the activity made from
  it: the time it entered the CRM while the activity is planned, the time it was completed once
  it is completed.

  Background:
    Given the employees:
      | name         | CRM roles     |
      | Anna Nowak   | Manager       |
      | Boris Wójcik | Administrator |
    And "Anna Nowak" has connected the mailbox "sales@acme.test" to the CRM

  @R5.1 @R5.2 @R5.3 @problem
  Scenario: Received, entered the CRM and planned: the times differ because they are different moments
    Given it is 09:10
    And "Jan Kowalski <jan.kowalski@client.test>" sends an e-mail to "sales@acme.test" with the subject "Delivery date"
    And it is 09:45
    When the CRM synchronises the mailbox "sales@acme.test"
    Then Mail shows the e-mail "Delivery date" as received at 09:10
    And the timeline of the lead "Delivery date" shows that the e-mail "Delivery date" entered the CRM at 09:45
    And the e-mail activity "Delivery date" is planned
    And the e-mail activity "Delivery date" shows the time 09:45

  @R5.1 @R5.2 @cause
  Scenario Outline: The CRM learns of an e-mail when it synchronises the mailbox, here at <synchronised>
    Given it is 09:10
    And "Jan Kowalski <jan.kowalski@client.test>" sends an e-mail to "sales@acme.test" with the subject "Delivery date"
    And it is <synchronised>
    When the CRM synchronises the mailbox "sales@acme.test"
    Then Mail shows the e-mail "Delivery date" as received at 09:10
    And the timeline of the lead "Delivery date" shows that the e-mail "Delivery date" entered the CRM at <synchronised>
    And the e-mail activity "Delivery date" shows the time <synchronised>

    Examples:
      | synchronised |
      | 09:10        |
      | 09:11:30     |
      | 17:45        |

  @R5.3 @fix
  Scenario: Once the activity is completed it shows the time it was completed
    Given it is 09:10
    And "Jan Kowalski <jan.kowalski@client.test>" has sent an e-mail to "sales@acme.test" with the subject "Delivery date"
    And it is 11:30
    When "Boris Wójcik" completes the e-mail activity "Delivery date"
    Then the e-mail activity "Delivery date" is completed
    And the e-mail activity "Delivery date" shows the time 11:30
    And the timeline of the lead "Delivery date" shows that the e-mail "Delivery date" entered the CRM at 09:10
    And Mail shows the e-mail "Delivery date" as received at 09:10

  @R5.3 @error
  Scenario: A completed activity keeps its completion time
    Given "Jan Kowalski <jan.kowalski@client.test>" has sent an e-mail to "sales@acme.test" with the subject "Delivery date"
    And it is 10:00
    And "Anna Nowak" completes the e-mail activity "Delivery date"
    And it is 12:00
    When "Boris Wójcik" tries to complete the e-mail activity "Delivery date"
    Then the CRM refuses with "CRM.ACTIVITY_ALREADY_COMPLETED"
    And the e-mail activity "Delivery date" shows the time 10:00

  @R5.4
  Scenario: An e-mail already read in Mail before the synchronisation is saved as completed
    Given it is 09:10
    And "Jan Kowalski <jan.kowalski@client.test>" sends an e-mail to "sales@acme.test" with the subject "Delivery date"
    And it is 09:20
    And "Anna Nowak" reads the e-mail "Delivery date" in the mailbox "sales@acme.test"
    And it is 09:45
    When the CRM synchronises the mailbox "sales@acme.test"
    Then the e-mail activity "Delivery date" is completed
    And the e-mail activity "Delivery date" shows the time 09:45
    And Mail shows the e-mail "Delivery date" as received at 09:10
