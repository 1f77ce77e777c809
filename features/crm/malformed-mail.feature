Feature: Malformed e-mail loses nothing and is explained
  Mail from outside is not always well formed: no sender, a From that is not an address, a Date
  that is not a date or lies in the future, no Message-ID, broken MIME, bytes in a character set
  nobody declared, a header too big to parse. The connector reads what it can, never stops at
  such a message, and lists every one in the mailbox; the list says in plain words what could not
  be read, and why a message is not in the CRM when it cannot be saved.

  Background:
    Given the employee "Anna Nowak"
    And "Anna Nowak" has connected the mailbox "sales@acme.test" to the CRM

  @R1.5
  Scenario: A message too broken to parse is listed with its size and a reason, and the mail after it is still saved
    Given "jan@client.test" sends an e-mail to "sales@acme.test" with the subject "Before"
    And "jan@client.test" sends an e-mail over SMTP to "sales@acme.test" with the subject "Huge header" and a header of 1100 KiB
    And "jan@client.test" sends an e-mail to "sales@acme.test" with the subject "After"
    When the CRM synchronises the mailbox "sales@acme.test"
    Then the e-mail "Before" is saved to the CRM once
    And the e-mail "After" is saved to the CRM once
    And the mailbox "sales@acme.test" lists the e-mail "Huge header" as not saved because the message cannot be read
    And the mailbox "sales@acme.test" lists the e-mail "Huge header" noting that it could not be read at all
    And the mailbox "sales@acme.test" lists the e-mail "Huge header" with a size over 1100 KiB

  @R3.1 @R2.9
  Scenario: "Save to CRM" on a message that cannot be read is refused with a reason
    Given "jan@client.test" sends an e-mail over SMTP to "sales@acme.test" with the subject "Huge header" and a header of 1100 KiB
    And the CRM synchronises the mailbox "sales@acme.test"
    When "Anna Nowak" tries to click "Save to CRM" next to the e-mail "Huge header"
    Then the CRM refuses with "CRM.SAVE_UNREADABLE_MESSAGE"
    And the e-mail "Huge header" is still not saved to the CRM

  @R3.1 @R2.9
  Scenario: A message without a From is listed as having no sender, and cannot be saved by hand
    When "jan@client.test" sends this raw message over SMTP to "sales@acme.test":
      """
      To: sales@acme.test
      Subject: Who wrote this?
      Message-ID: <anonymous-1@client.test>

      Nobody signed this.
      """
    And the CRM synchronises the mailbox "sales@acme.test"
    Then the mailbox "sales@acme.test" lists the e-mail "Who wrote this?" as not saved because it names no sender
    When "Anna Nowak" tries to click "Save to CRM" next to the e-mail "Who wrote this?"
    Then the CRM refuses with "CRM.SAVE_NO_SENDER_ADDRESS"

  @R2.7
  Scenario: A From that is not an address is named as such
    When "jan@client.test" sends this raw message over SMTP to "sales@acme.test":
      """
      From: <<<@@@>>>
      To: sales@acme.test
      Subject: Odd sender
      Message-ID: <odd-1@client.test>

      Hello.
      """
    And the CRM synchronises the mailbox "sales@acme.test"
    Then the mailbox "sales@acme.test" lists the e-mail "Odd sender" as not saved because its sender address cannot be read
    And the mailbox "sales@acme.test" lists the e-mail "Odd sender" noting that its From cannot be read

  @R1.5
  Scenario: A message without a Message-ID is still saved only once, however often it is synced
    When "jan@client.test" sends this raw message over SMTP to "sales@acme.test":
      """
      From: Jan Kowalski <jan@client.test>
      To: sales@acme.test
      Subject: No id here
      Date: Mon, 02 Mar 2026 08:59:00 +0000

      Please call me.
      """
    And the CRM synchronises the mailbox "sales@acme.test"
    And the CRM synchronises the mailbox "sales@acme.test"
    And the folder "INBOX" of "sales@acme.test" gets a new UIDVALIDITY
    And the CRM synchronises the mailbox "sales@acme.test"
    Then the e-mail "No id here" is saved to the CRM once
    And the mailbox "sales@acme.test" lists the e-mail "No id here" noting that it has no Message-ID

  @R1.5
  Scenario: A message without a Message-ID that reaches two connected mailboxes is saved once
    Given "Anna Nowak" has connected the mailbox "office@acme.test" to the CRM
    When "jan@client.test" sends this raw message over SMTP to "sales@acme.test" and "office@acme.test":
      """
      From: Jan Kowalski <jan@client.test>
      To: sales@acme.test, office@acme.test
      Subject: To everyone

      Please call me.
      """
    And the CRM synchronises the mailbox "sales@acme.test"
    And the CRM synchronises the mailbox "office@acme.test"
    Then the e-mail "To everyone" is saved to the CRM once
    And the e-mail "To everyone" is listed in the folder "INBOX" of the mailbox "office@acme.test"

  @R5.1
  Scenario: A Date that is not a date gives way to the time the mail server received the message
    Given 1 day passes
    When "jan@client.test" sends this raw message over SMTP to "sales@acme.test":
      """
      From: jan@client.test
      To: sales@acme.test
      Subject: Sometime
      Message-ID: <sometime-1@client.test>
      Date: yesterday-ish

      Hello.
      """
    And the CRM synchronises the mailbox "sales@acme.test"
    Then the e-mail "Sometime" is saved to the CRM once
    And Mail shows the e-mail "Sometime" as received at 09:00
    And the mailbox "sales@acme.test" lists the e-mail "Sometime" dated when the mail server received it
    And the mailbox "sales@acme.test" lists the e-mail "Sometime" noting that its Date cannot be read

  @R5.1
  Scenario: A Date in the future gives way to the time the mail server received the message
    When "jan@client.test" sends this raw message over SMTP to "sales@acme.test":
      """
      From: jan@client.test
      To: sales@acme.test
      Subject: From the future
      Message-ID: <future-1@client.test>
      Date: Wed, 01 Jan 2031 09:00:00 +0000

      Hello.
      """
    And the CRM synchronises the mailbox "sales@acme.test"
    Then the e-mail "From the future" is saved to the CRM once
    And the mailbox "sales@acme.test" lists the e-mail "From the future" dated when the mail server received it
    And the mailbox "sales@acme.test" lists the e-mail "From the future" noting that its Date is in the future

  @R2.7
  Scenario: A multipart message whose boundary never appears keeps its text
    When "jan@client.test" sends this raw message over SMTP to "sales@acme.test":
      """
      From: jan@client.test
      To: sales@acme.test
      Subject: Lost parts
      Message-ID: <parts-1@client.test>
      MIME-Version: 1.0
      Content-Type: multipart/mixed; boundary="announced"

      --other
      Content-Type: text/plain

      We would like 40 printers.
      --other--
      """
    And the CRM synchronises the mailbox "sales@acme.test"
    Then the e-mail "Lost parts" is saved to the CRM once
    And the e-mail "Lost parts" in the CRM has the text "We would like 40 printers."
    And the mailbox "sales@acme.test" lists the e-mail "Lost parts" noting that its parts cannot be told apart

  @R2.7
  Scenario: Cut-off base64 and an unknown character set: what can be read is saved, the rest is named
    When "jan@client.test" sends this raw message over SMTP to "sales@acme.test":
      """
      From: jan@client.test
      To: sales@acme.test
      Subject: Damaged parts
      Message-ID: <damaged-1@client.test>
      MIME-Version: 1.0
      Content-Type: multipart/mixed; boundary=b1

      --b1
      Content-Type: text/plain; charset=x-unheard-of

      First part.
      --b1
      Content-Type: text/plain; charset=utf-8
      Content-Transfer-Encoding: base64

      U2Vjb25kIHBhcnQ
      --b1--
      """
    And the CRM synchronises the mailbox "sales@acme.test"
    Then the e-mail "Damaged parts" is saved to the CRM once
    And the e-mail "Damaged parts" in the CRM has the text "First part."
    And the mailbox "sales@acme.test" lists the e-mail "Damaged parts" noting that an encoded part is damaged
    And the mailbox "sales@acme.test" lists the e-mail "Damaged parts" noting that it names an unknown character set

  @R2.7
  Scenario: 8-bit header bytes sent without SMTPUTF8 are kept byte for byte
    When "jan@client.test" sends this raw message over SMTP to "sales@acme.test":
      """
      From: Za\xbf\xf3\xb3\xe6 <jan@client.test>
      To: sales@acme.test
      Subject: Legacy charset
      Message-ID: <legacy-1@client.test>

      Hello.
      """
    And the CRM synchronises the mailbox "sales@acme.test"
    Then the e-mail "Legacy charset" is saved to the CRM once
    And a lead "Legacy charset" is created for "Za¿ó³æ <jan@client.test>" with the status "Unassigned" and the source "E-Mail"
    And the e-mail from "jan@client.test" is listed in the mailbox "sales@acme.test" as "Za¿ó³æ"
    And the mailbox "sales@acme.test" lists the e-mail "Legacy charset" noting that its header has undeclared 8-bit characters

  @R2.7
  Scenario: An e-mail with an empty body is an ordinary e-mail
    When "jan@client.test" sends this raw message over SMTP to "sales@acme.test":
      """
      From: jan@client.test
      To: sales@acme.test
      Subject: Nothing to say
      Message-ID: <empty-1@client.test>
      Date: Mon, 02 Mar 2026 08:59:00 +0000

      """
    And the CRM synchronises the mailbox "sales@acme.test"
    Then the e-mail "Nothing to say" is saved to the CRM once
    And the mailbox "sales@acme.test" lists the e-mail "Nothing to say" with nothing it could not read

  @R1.5
  Scenario: A message of zero bytes in the mailbox is listed, and the sync goes on past it
    Given the mailbox "sales@acme.test" holds a message of zero bytes
    And "jan@client.test" sends an e-mail to "sales@acme.test" with the subject "After the empty one"
    When the CRM synchronises the mailbox "sales@acme.test"
    Then the mailbox "sales@acme.test" lists the e-mail "" as not saved because it names no sender
    And the mailbox "sales@acme.test" lists the e-mail "" with a size of 0 bytes
    And the e-mail "After the empty one" is saved to the CRM once
