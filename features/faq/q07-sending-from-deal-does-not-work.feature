@Q7
Feature: Q7 Why sending e-mail from a deal form does not work
  FAQ (pl): "Dlaczego wysyłanie e-maila z formularza deala nie działa"
  FAQ (en): "Why sending e-mail from a deal form does not work"

  Problem: sending an e-mail from a deal form does not work, the button is inactive.
  Cause: from a deal, e-mail can be sent only to a contact or company linked to the deal.
  (Read with Q9, which sends from a deal to a CRM contact that is not its client: the deal's form
  offers only its own client, so without one the button is inactive. Besides its client, the form
  offers the addresses of the deal's earlier e-mails, the last used first: Bitrix24's recipient
  choice, reference §1.8 rule 46. With Q9's fix, "Allow sending e-mails to arbitrary addresses"
  off, "Add new address" is refused like any address not from the CRM, so only the "Client" fix
  remains.)
  Fix: pick a client from the CRM in the deal's "Client" field, and make sure the client has an
  e-mail; or create a new contact: More > E-mail, click Add in the To field, choose "Add new
  address", enter the client's name and e-mail and Save. The e-mail can then be sent from the deal
  form. The client is added to the CRM, but not to the deal: to link it to the deal, choose it in
  the "Client" field.

  Background:
    Given the administrator "Adam Admin"
    And the employee "Anna Nowak"
    And "Anna Nowak" has connected the mailbox "sales@acme.test" to the CRM
    And "Anna Nowak" has the CRM role "Manager"
    And the contact "Jan Kowalski" with the e-mail "jan.kowalski@client.test", managed by "Anna Nowak"
    And the deal "Online shop" without a client, managed by "Anna Nowak"

  @R8.1 @problem
  Scenario: A deal without a client cannot send e-mail, and the CRM says why
    Then sending e-mail from the deal "Online shop" is unavailable because "No contact or company is linked to the deal \"Online shop\""
    When "Anna Nowak" tries to send an e-mail from the deal "Online shop" to its client with the subject "Our offer"
    Then the CRM refuses with "CRM.SEND_NO_RECIPIENT"
    And the refusal says "Choose a client with an e-mail in the \"Client\" field"
    And the refusal says "To → Add → \"Add new address\""
    And nobody receives the e-mail "Our offer"

  @R8.1 @problem
  Scenario: A client without an e-mail does not help
    Given the contact "Ola Wisniewska" without an e-mail, managed by "Anna Nowak"
    And the deal "Mobile app" with the client "Ola Wisniewska", managed by "Anna Nowak"
    Then sending e-mail from the deal "Mobile app" is unavailable because "The client linked to the deal \"Mobile app\" has no e-mail"

  @R8.1 @cause
  Scenario: A deal's form offers only its own client, even when the contact is in the CRM
    Then the e-mail form of the contact "Jan Kowalski" offers "jan.kowalski@client.test"
    But sending e-mail from the deal "Online shop" is unavailable because "No contact or company is linked to the deal \"Online shop\""

  @R8.1 @R8.2 @fix
  Scenario: Pick a client with an e-mail in the deal's "Client" field
    When "Anna Nowak" chooses "Jan Kowalski" in the "Client" field of the deal "Online shop"
    Then the e-mail form of the deal "Online shop" offers "jan.kowalski@client.test"
    When "Anna Nowak" sends an e-mail from the deal "Online shop" to its client with the subject "Our offer"
    Then "jan.kowalski@client.test" receives the e-mail "Our offer" from "sales@acme.test"
    And the e-mail "Our offer" is an outgoing activity, completed, whose responsible is "Anna Nowak"
    And the e-mail "Our offer" is bound to:
      | deal    | Online shop  |
      | contact | Jan Kowalski |

  @R8.1
  Scenario Outline: The form offers the e-mail of the deal's <client kind>
    Given the <client kind> "<client>" with the e-mail "<address>", managed by "Anna Nowak"
    And the deal "Mobile app" with the client "<client>", managed by "Anna Nowak"
    Then the e-mail form of the deal "Mobile app" offers "<address>"

    Examples:
      | client kind | client         | address             |
      | contact     | Ola Wisniewska | ola@other.test      |
      | company     | Firma Sp. z o.o. | biuro@firma.test  |

  @R8.2 @fix
  Scenario: "Add new address" sends the e-mail and adds a contact to the CRM, but not to the deal
    When "Anna Nowak" sends an e-mail from the deal "Online shop" to the new address "piotr@newclient.test" named "Piotr Zielinski" with the subject "Our offer"
    Then "piotr@newclient.test" receives the e-mail "Our offer" from "sales@acme.test"
    And a contact "Piotr Zielinski" reached at "piotr@newclient.test" is in the CRM
    And the deal "Online shop" has no client
    And the e-mail "Our offer" is bound to:
      | deal    | Online shop     |
      | contact | Piotr Zielinski |

  @R8.2 @R8.1 @fix
  Scenario: After "Add new address" the deal's form can send: it offers the address of its earlier e-mail
    Given "Anna Nowak" sends an e-mail from the deal "Online shop" to the new address "piotr@newclient.test" named "Piotr Zielinski" with the subject "Our offer"
    Then the deal "Online shop" has no client
    And the e-mail form of the deal "Online shop" offers "piotr@newclient.test"
    When "Anna Nowak" sends an e-mail from the deal "Online shop" to the offered address "piotr@newclient.test" with the subject "Our offer, part 2"
    Then "piotr@newclient.test" receives the e-mail "Our offer, part 2" from "sales@acme.test"
    And the CRM has 1 contact reached at "piotr@newclient.test"

  @R8.1
  Scenario: The deal's form lists the addresses of its earlier e-mails, the last used first
    Given the contact "Ola Wisniewska" with the e-mail "ola@other.test", managed by "Anna Nowak"
    And "Anna Nowak" chooses "Jan Kowalski" in the "Client" field of the deal "Online shop"
    And it is 10:00
    And "Anna Nowak" sends an e-mail from the deal "Online shop" to the CRM contact "Ola Wisniewska" with the subject "Partnership"
    And it is 10:30
    And "Anna Nowak" sends an e-mail from the deal "Online shop" to the new address "piotr@newclient.test" named "Piotr Zielinski" with the subject "Our offer"
    Then the e-mail form of the deal "Online shop" offers "piotr@newclient.test, ola@other.test, jan.kowalski@client.test"

  @R8.2 @fix
  Scenario: The new contact is linked to the deal once chosen in "Client"
    Given "Anna Nowak" sends an e-mail from the deal "Online shop" to the new address "piotr@newclient.test" named "Piotr Zielinski" with the subject "Our offer"
    When "Anna Nowak" chooses "Piotr Zielinski" in the "Client" field of the deal "Online shop"
    Then the e-mail form of the deal "Online shop" offers "piotr@newclient.test"

  @R8.5 @error
  Scenario: An employee who may not edit the deal cannot send from its form
    Given the employee "Boris Lis"
    And "Anna Nowak" chooses "Jan Kowalski" in the "Client" field of the deal "Online shop"
    When "Boris Lis" tries to send an e-mail from the deal "Online shop" to its client with the subject "Our offer"
    Then the CRM refuses with "CRM.SEND_NOT_ALLOWED"
    And the refusal says "does not have permission to edit activities of the deal \"Online shop\""
    And nobody receives the e-mail "Our offer"

  @R8.5 @error
  Scenario: An address no mail system would deliver is refused
    When "Anna Nowak" tries to send an e-mail from the deal "Online shop" to the typed address "piotr zielinski" with the subject "Our offer"
    Then the CRM refuses with "CRM.SEND_INVALID_ADDRESS"
    And the CRM has 1 contact

  @R8.5
  Scenario: The e-mail really leaves through the mail server and a copy lands in the Sent folder
    Given "Anna Nowak" chooses "Jan Kowalski" in the "Client" field of the deal "Online shop"
    When "Anna Nowak" sends an e-mail from the deal "Online shop" to its client with the subject "Our offer"
    And the CRM synchronises the mailbox "sales@acme.test"
    Then "jan.kowalski@client.test" receives the e-mail "Our offer" from "sales@acme.test"
    And the e-mail "Our offer" is listed in the folder "Sent" of the mailbox "sales@acme.test"
    And the e-mail "Our offer" is saved to the CRM once
