"""A test in Python (standard library only) against the mock mail server's HTTP API.

It starts the server, waits for its ready line, sends mail over SMTP, waits for it through
the API, reads it, scripts a fault, and resets. Run from the project's root:

    python3 -m unittest mock-servers/http/examples/test_mail_server.py

MAIL_SERVER_COMMAND overrides how the server is started (default: npm run -s mail-server --).
"""
import json
import os
import shlex
import smtplib
import subprocess
import unittest
import urllib.error
import urllib.request
from email.message import EmailMessage

COMMAND = shlex.split(os.environ.get("MAIL_SERVER_COMMAND", "npm run -s mail-server --"))


class MailServerApiTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = subprocess.Popen(COMMAND + ["--user", "sales@acme.test:secret"], stdout=subprocess.PIPE, text=True)
        ready = cls.server.stdout.readline().split()  # ready smtp=… imap=… http=…
        if not ready or ready[0] != "ready":
            cls.server.kill()
            raise RuntimeError(f"the mail server did not start: {ready}")
        ports = dict(pair.split("=") for pair in ready[1:])
        cls.smtp_port = int(ports["smtp"])
        cls.api = f"http://127.0.0.1:{ports['http']}/api/v1"

    @classmethod
    def tearDownClass(cls):
        cls.server.terminate()
        cls.server.wait()
        cls.server.stdout.close()

    def setUp(self):
        self.call("POST", "/reset")

    def call(self, method, path, body=None):
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(self.api + path, data=data, method=method, headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request) as response:
                text = response.read()
                return response.status, json.loads(text) if text else None
        except urllib.error.HTTPError as error:  # problem details, RFC 9457
            return error.code, json.loads(error.read())

    def send(self, subject, to="sales@acme.test"):
        message = EmailMessage()
        message["From"], message["To"], message["Subject"] = "anna@client.test", to, subject
        message.set_content("Dzień dobry")
        with smtplib.SMTP("127.0.0.1", self.smtp_port) as smtp:
            smtp.send_message(message)

    def test_mail_sent_over_smtp_can_be_awaited_and_read(self):
        self.send("Zapytanie o ofertę")
        status, found = self.call("GET", "/wait?to=sales%40acme.test&subject=ofert&timeout=5s")
        self.assertEqual(status, 200)
        uid = found["messages"][0]["uid"]
        status, message = self.call("GET", f"/accounts/sales%40acme.test/folders/INBOX/messages/{uid}")
        self.assertEqual(message["subject"], "Zapytanie o ofertę")
        self.assertEqual(message["text"], "Dzień dobry\n")

    def test_a_scripted_fault_refuses_the_recipient(self):
        status, _ = self.call("POST", "/faults", {"spec": "refuse-recipient:address=sales@acme.test,code=550"})
        self.assertEqual(status, 201)
        with self.assertRaises(smtplib.SMTPRecipientsRefused):
            self.send("Refused")

    def test_an_unknown_folder_is_a_problem_that_names_the_folders(self):
        status, problem = self.call("GET", "/accounts/sales%40acme.test/folders/Archive/messages")
        self.assertEqual(status, 404)
        self.assertEqual(problem["code"], "FOLDER.NOT_FOUND")
        self.assertIn("INBOX", problem["folders"])


if __name__ == "__main__":
    unittest.main()
