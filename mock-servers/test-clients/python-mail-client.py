"""An outside mail client for the mock server's tests: sends with smtplib, reads with imaplib.

Usage: python3 python-mail-client.py HOST SMTP_PORT IMAP_PORT USER PASSWORD
Prints one JSON object with what the client saw; exits non-zero on any protocol error.
"""
import email
import imaplib
import json
import smtplib
import sys
from email.message import EmailMessage

host, smtp_port, imap_port, user, password = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], sys.argv[5]

message = EmailMessage()
message["From"] = "Jörg Müller <joerg@client.test>"
message["To"] = user
message["Subject"] = "Zapytanie o ofertę"
message.set_content("Dzień dobry,\nproszę o ofertę.\n")

with smtplib.SMTP(host, smtp_port) as smtp:
    smtp.send_message(message)

imap = imaplib.IMAP4(host, imap_port)
imap.login(user, password)
folders = [line.decode() for line in imap.list()[1]]
status, data = imap.select("INBOX", readonly=True)
exists = int(data[0])
_, uids = imap.uid("SEARCH", None, "UNSEEN")
uid = uids[0].split()[-1]
_, fetched = imap.uid("FETCH", uid, "(FLAGS INTERNALDATE RFC822.SIZE BODY.PEEK[])")
meta, raw = fetched[0]
parsed = email.message_from_bytes(raw)
decoded_subject = str(email.header.make_header(email.header.decode_header(parsed["Subject"])))
imap.logout()

print(json.dumps({
    "folders": folders,
    "exists": exists,
    "uid": int(uid),
    "meta": meta.decode(),
    "subject": decoded_subject,
    # Lines travel as CRLF (RFC 5322 section 2.1); compare the text, not the line endings.
    "body": parsed.get_payload(decode=True).decode().replace("\r\n", "\n").strip(),
}))
