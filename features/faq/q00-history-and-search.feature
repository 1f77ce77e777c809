@Q0
Feature: Q0 The correspondence is kept in the form, and an e-mail can be found quickly
  FAQ (pl): "Historia korespondencji jest zapisywana w formularzu i można szybko znaleźć potrzebny e-mail"
  FAQ (en): "The correspondence is kept in the form, and an e-mail can be found quickly"

  In Bitrix24 you can write to clients by e-mail from a CRM item's form. The history of the
  correspondence is kept in the form, and the e-mail you need can be found quickly.
  (The FAQ does not say how the search works: the fields, "every word must occur" and "newest
  first" below are the project's model, rule R9.2.)

  Background:
    Given the administrator "Adam Admin"
    And the employee "Anna Nowak"
    And "Anna Nowak" has connected the mailbox "sales@acme.test" to the CRM
    And "Anna Nowak" has the CRM role "Manager"
    And the contact "Jan Kowalski" with the e-mail "jan.kowalski@client.test", managed by "Anna Nowak"
    And the deal "Online shop" with the client "Jan Kowalski", managed by "Anna Nowak"
    And the contact "Ola Wisniewska" with the e-mail "ola@other.test", managed by "Anna Nowak"
    And the deal "Mobile app" with the client "Ola Wisniewska", managed by "Anna Nowak"
    And it is 09:10
    And "Jan Kowalski <jan.kowalski@client.test>" has sent an e-mail to "sales@acme.test" with the subject "Request for a quote" and the text "We need an online shop with card payments."
    And it is 09:40
    And "Ola Wisniewska <ola@other.test>" has sent an e-mail to "sales@acme.test" with the subject "Mobile app budget" and the text "Our budget is limited, please advise."

  @R9.1
  Scenario: The deal's form keeps the correspondence with the client in order, replies under their parent
    Given it is 10:00
    And "Anna Nowak" replies from the deal "Online shop" to the e-mail "Request for a quote" with the subject "Re: Request for a quote"
    And it is 11:15
    And "Jan Kowalski <jan.kowalski@client.test>" has sent an e-mail to "sales@acme.test" with the subject "Invoice details" and the text "Please invoice our head office."
    And it is 12:30
    When "Jan Kowalski <jan.kowalski@client.test>" replies to the e-mail "Re: Request for a quote" with the subject "Quote accepted"
    And the CRM synchronises the mailbox "sales@acme.test"
    Then "Anna Nowak" sees in the form of the deal "Online shop" the e-mails:
      | e-mail                  | direction | in reply to             |
      | Request for a quote     | incoming  |                         |
      | Re: Request for a quote | outgoing  | Request for a quote     |
      | Quote accepted          | incoming  | Re: Request for a quote |
      | Invoice details         | incoming  |                         |
    And "Anna Nowak" sees in the form of the contact "Ola Wisniewska" the e-mails:
      | e-mail            | direction | in reply to |
      | Mobile app budget | incoming  |             |

  @R9.2
  Scenario Outline: Find an e-mail in the whole CRM by <what>
    When "Anna Nowak" searches the CRM for "<words>" <where>
    Then the search finds only the e-mail "<found>"

    Examples:
      | what                 | words            | where          | found               |
      | subject              | quote            | in the subject | Request for a quote |
      | sender's name        | wisniewska       | in the sender  | Mobile app budget   |
      | sender's address     | jan.kowalski@    | in the sender  | Request for a quote |
      | text                 | card payments    | in the text    | Request for a quote |
      | any of them          | BUDGET           | anywhere       | Mobile app budget   |

  @R9.2
  Scenario: Newest first, every word must match
    Given it is 10:30
    And "Jan Kowalski <jan.kowalski@client.test>" has sent an e-mail to "sales@acme.test" with the subject "Shop budget" and the text "What would the shop cost?"
    When "Anna Nowak" searches the CRM for "budget" anywhere
    Then the search finds the e-mails:
      | Shop budget       |
      | Mobile app budget |
    When "Anna Nowak" searches the CRM for "shop budget" in the subject
    Then the search finds only the e-mail "Shop budget"

  @R9.2
  Scenario: Search within one form finds only that item's e-mails
    When "Anna Nowak" searches the form of the deal "Online shop" for "budget" anywhere
    Then the search finds nothing
    When "Anna Nowak" searches the form of the deal "Mobile app" for "budget" anywhere
    Then the search finds only the e-mail "Mobile app budget"

  @R9.2 @R6.3
  Scenario: A search finds only e-mails the employee may see
    Given the employee "Boris Lis"
    And the CRM role "Deal readers" with these permissions:
      | item type | read | add         | edit        | delete      |
      | deal      | All  | Deny access | Deny access | Deny access |
    And "Boris Lis" has the CRM role "Deal readers"
    When "Boris Lis" searches the CRM for "quote" anywhere
    Then the search finds nothing
    When "Boris Lis" searches the form of the deal "Online shop" for "quote" anywhere
    Then the search finds nothing
