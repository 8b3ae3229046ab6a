"""Parses a stored message with Python's email package and prints it as JSON (the tests' independent
MIME oracle): decoded headers, the text body and the attachments."""
import json
import sys
from email import policy
from email.parser import BytesParser

with open(sys.argv[1], "rb") as f:
    msg = BytesParser(policy=policy.default).parse(f)
out = {
    "subject": str(msg["subject"]),
    "from": str(msg["from"]),
    "to": str(msg["to"]),
    "reply_to": str(msg["reply-to"] or ""),
    "message_id": str(msg["message-id"]),
    "date": str(msg["date"]),
    "content_type": msg.get_content_type(),
    "defects": [str(d) for d in msg.defects],
    "body": "",
    "attachments": [],
}
for part in msg.walk():
    if part.is_multipart():
        continue
    if part.get_content_disposition() == "attachment":
        out["attachments"].append({
            "filename": part.get_filename(),
            "content_type": part.get_content_type(),
            "data": part.get_payload(decode=True).decode("utf-8", "replace"),
        })
    elif part.get_content_type() == "text/plain" and not out["body"]:
        out["body"] = part.get_content()
    out["defects"] += [str(d) for d in part.defects]
print(json.dumps(out))
