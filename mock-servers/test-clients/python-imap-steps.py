"""An outside IMAP client for the mock server's tests, driven one step at a time.

Usage: python3 python-imap-steps.py HOST IMAP_PORT USER PASSWORD

Reads one JSON request per line on standard input and answers each with one JSON line on
standard output, so a test can check the server's store between two steps without waiting on
timers. Every step goes through imaplib's own methods (quoting, literals, tagged replies are
imaplib's), never through hand-written protocol, except IDLE before Python 3.14, whose imaplib
has no idle(): there the command is written raw, the way such a client would.

Requests:
  {"op": "call", "method": "search", "args": [null, "UNSEEN"], "literal": "text"?}
      calls imap.<method>(*args); "literal" (UTF-8) is sent as a synchronising literal after
      the arguments, as imaplib does with its `literal` attribute (SEARCH CHARSET UTF-8).
  {"op": "append", "mailbox": "INBOX", "flags": "(\\\\Seen)", "date": "02-Mar-2026 ...", "message": "..."}
  {"op": "idle-start"}   enters IDLE;   {"op": "idle-next"}  blocks until one response;
  {"op": "idle-done"}    leaves IDLE;   {"op": "logout"}
Answers: {"ok": true, "type": "OK", "data": [...], "untagged": {...}} or
         {"ok": false, "error": "..."} when imaplib raised (a NO or BAD is an error to imaplib).
"""
import imaplib
import json
import sys

host, port, user, password = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
imap = imaplib.IMAP4(host, port)
imap.login(user, password)

# Python 3.14 added IMAP4.idle(); older versions need the command written by hand (RFC 2177).
NATIVE_IDLE = hasattr(imap, "idle")
idle_state = {}


def text(value):
    """imaplib answers with bytes, tuples of bytes and None; JSON needs strings."""
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    if isinstance(value, (list, tuple)):
        return [text(item) for item in value]
    return value


def untagged():
    """What the server said besides the tagged reply (EXISTS, EXPUNGE, COPYUID ...), then forgotten."""
    seen = {name: text(values) for name, values in imap.untagged_responses.items()}
    imap.untagged_responses.clear()
    return seen


def idle_start():
    if NATIVE_IDLE:
        idler = imap.idle()
        idle_state["idler"] = idler
        idle_state["responses"] = iter(idler.__enter__())
        return {"client": "imaplib.idle"}
    tag = imap._new_tag()
    imap.send(tag + b" IDLE\r\n")
    idle_state["tag"] = tag
    return {"client": "raw", "continuation": text(imap.readline().rstrip(b"\r\n"))}


def idle_next():
    if NATIVE_IDLE:
        kind, data = next(idle_state["responses"])
        return {"response": text(kind) + " " + " ".join(text(item) for item in data if item is not None)}
    return {"response": text(imap.readline().rstrip(b"\r\n"))}


def idle_done():
    if NATIVE_IDLE:
        idle_state.pop("idler").__exit__(None, None, None)
        return {"tagged": "OK"}
    tag = idle_state.pop("tag")
    imap.send(b"DONE\r\n")
    lines = []
    while True:
        line = imap.readline().rstrip(b"\r\n")
        lines.append(text(line))
        if line.startswith(tag + b" "):
            return {"tagged": text(line[len(tag) + 1:]), "before": lines[:-1]}


def step(request):
    op = request["op"]
    if op == "call":
        if "literal" in request:
            imap.literal = request["literal"].encode("utf-8")
        kind, data = getattr(imap, request["method"])(*request.get("args", []))
        return {"type": kind, "data": text(data), "untagged": untagged()}
    if op == "append":
        kind, data = imap.append(request["mailbox"], request.get("flags"), request.get("date"), request["message"].encode("utf-8"))
        return {"type": kind, "data": text(data), "untagged": untagged()}
    if op == "idle-start":
        return idle_start()
    if op == "idle-next":
        return idle_next()
    if op == "idle-done":
        return idle_done()
    if op == "logout":
        kind, data = imap.logout()
        return {"type": kind, "data": text(data)}
    raise ValueError("unknown op " + op)


for line in sys.stdin:
    try:
        answer = {"ok": True, **step(json.loads(line))}
    except imaplib.IMAP4.error as error:
        answer = {"ok": False, "error": str(error)}
    except Exception as error:  # a client-side refusal (say, a non-ASCII argument): the test decides
        answer = {"ok": False, "error": type(error).__name__ + ": " + str(error)}
    print(json.dumps(answer), flush=True)
