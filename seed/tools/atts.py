"""Attachment helpers: (filename, content-type, bytes[, params])."""
import datetime as dt

from people import P
from seedlib import make_pdf, make_docx, scene_png, make_ics, ics_dt, ical_escape, uid_for

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def pdf(fn, title, lines, date="20260101090000", author="Lycée Jean-Moulin"):
    return (fn, "application/pdf", make_pdf(title, lines, date, author))


def png(fn, kind, seed=0):
    return (fn, "image/png", scene_png(kind, seed))


def docx(fn, title, paras, author="Claire Martin"):
    return (fn, DOCX, make_docx(title, paras, author))


def vevent(uid, summary, start, end, location, desc, organizer=None, attendees=(), allday=False,
           rrule=None, stamp="20261123T070000Z", status=None, categories=None, accepted=()):
    L = ["BEGIN:VEVENT", f"UID:{uid}", f"DTSTAMP:{stamp}"]
    if allday:
        L += [f"DTSTART;VALUE=DATE:{start:%Y%m%d}", f"DTEND;VALUE=DATE:{end:%Y%m%d}"]
    else:
        L += [f"DTSTART;TZID=Europe/Paris:{ics_dt(start)}", f"DTEND;TZID=Europe/Paris:{ics_dt(end)}"]
    if rrule:
        L.append(f"RRULE:{rrule}")
    L += [f"SUMMARY:{ical_escape(summary)}", f"LOCATION:{ical_escape(location)}",
          f"DESCRIPTION:{ical_escape(desc)}"]
    if categories:
        L.append(f"CATEGORIES:{ical_escape(categories)}")
    if status:
        L.append(f"STATUS:{status}")
    if organizer:
        o = P[organizer]
        L.append(f'ORGANIZER;CN="{o.name}":mailto:{o.email}')
    for a in attendees:
        p = P[a]
        st = "ACCEPTED" if a == organizer or a in accepted else "NEEDS-ACTION"
        L.append(f'ATTENDEE;CN="{p.name}";ROLE=REQ-PARTICIPANT;PARTSTAT={st};RSVP=TRUE:mailto:{p.email}')
    L.append("END:VEVENT")
    return L


def invite(summary, start, end, location, desc, organizer, attendees, name=None):
    uid = uid_for("invite:" + summary + str(start))
    s = dt.datetime.strptime(start, "%Y-%m-%d %H:%M")
    e = dt.datetime.strptime(end, "%Y-%m-%d %H:%M")
    data = make_ics(vevent(uid, summary, s, e, location, desc, organizer, attendees), method="REQUEST")
    return (name or "invitation.ics", "text/calendar", data, {"method": "REQUEST"})
