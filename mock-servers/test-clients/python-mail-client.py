"""An outside mail client for the mock server's tests: sends with smtplib, reads with imaplib.

Usage: python3 python-mail-client.py HOST SMTP_PORT IMAP_PORT USER PASSWORD [--tls MODE --cafile FILE]

MODE is "starttls" (plain ports, upgraded with STARTTLS on both protocols) or "implicit" (TLS
from the first byte, like ports 465 and 993). With TLS the client verifies the server against
FILE and the host name, and logs in to SMTP as USER. Prints one JSON object with what the client
saw; exits non-zero on any protocol or certificate error.
"""
import argparse
import email
import email.header
import imaplib
import json
import smtplib
import ssl
from email.message import EmailMessage

parser = argparse.ArgumentParser()
for name in ("host", "smtp_port", "imap_port", "user", "password"):
    parser.add_argument(name)
parser.add_argument("--tls", choices=("starttls", "implicit"))
parser.add_argument("--cafile")
args = parser.parse_args()
host, smtp_port, imap_port, user, password = args.host, int(args.smtp_port), int(args.imap_port), args.user, args.password

# Verification stays on (CERT_REQUIRED and host name check are the defaults of this context).
context = ssl.create_default_context(cafile=args.cafile) if args.tls else None

message = EmailMessage()
message["From"] = "Jörg Müller <joerg@client.test>"
message["To"] = user
message["Subject"] = "Zapytanie o ofertę"
message.set_content("Dzień dobry,\nproszę o ofertę.\n")


def tls_version(sock):
    return sock.version() if isinstance(sock, ssl.SSLSocket) else None


if args.tls == "implicit":
    smtp = smtplib.SMTP_SSL(host, smtp_port, context=context)
else:
    smtp = smtplib.SMTP(host, smtp_port)
with smtp:
    if args.tls == "starttls":
        smtp.starttls(context=context)
    if args.tls:
        smtp.login(user, password)
    smtp_tls = tls_version(smtp.sock)
    smtp.send_message(message)

if args.tls == "implicit":
    imap = imaplib.IMAP4_SSL(host, imap_port, ssl_context=context)
else:
    imap = imaplib.IMAP4(host, imap_port)
    if args.tls == "starttls":
        imap.starttls(ssl_context=context)
imap_tls = tls_version(imap.sock)
capabilities = sorted(imap.capabilities)
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
    "smtp_tls": smtp_tls,
    "imap_tls": imap_tls,
    "imap_capabilities_after_tls": capabilities,
    "received": parsed["Received"],
}))
