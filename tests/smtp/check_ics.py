"""Parses an .ics file with Python's icalendar package (the tests' independent RFC 5545 oracle) and
prints the first VEVENT as JSON."""
import json
import sys

import icalendar

with open(sys.argv[1], "rb") as f:
    cal = icalendar.Calendar.from_ical(f.read())
event = next(c for c in cal.walk() if c.name == "VEVENT")
tz = [c for c in cal.walk() if c.name == "VTIMEZONE"]
start = event.decoded("dtstart")
end = event.decoded("dtend")
print(json.dumps({
    "method": str(cal.get("method", "")),
    "version": str(cal.get("version", "")),
    "tzid": str(tz[0]["tzid"]) if tz else "",
    "uid": str(event["uid"]),
    "sequence": int(event.get("sequence", 0)),
    "summary": str(event["summary"]),
    "location": str(event.get("location", "")),
    "description": str(event.get("description", "")),
    "status": str(event.get("status", "")),
    "dtstart": start.isoformat(),
    "dtend": end.isoformat(),
    "dtstart_utc": start.astimezone(__import__("datetime").timezone.utc).isoformat(),
    "dtstamp": event.decoded("dtstamp").isoformat(),
    "organizer": str(event.get("organizer", "")),
    "attendee": str(event.get("attendee", "")),
}))
