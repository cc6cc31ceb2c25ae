"""Conversation model: threads of messages, delivered to the demo accounts' folders."""
import datetime as dt
import random
import re

from people import P
from seedlib import build_message, h, parse_local, MOIS, JOURS_ABR

THREADS = []
NOW = dt.datetime(2026, 11, 23, 10, 0)


class Msg:
    def __init__(self, thread, sender, to, body, at, cc="", att=(), html=None, flag=False, unread=None,
                 folder=None, subject=None, quote=True, headers=(), irt=None, sig=True, kw=None):
        self.thread, self.sender = thread, P[sender]
        self.to = [P[k] for k in to.split()] if to else []
        self.cc = [P[k] for k in cc.split()] if cc else []
        self.body, self.att, self.html = body.strip("\n"), list(att), html
        self.flag, self.unread, self.folder = flag, unread, folder
        self.subject_override, self.quote, self.headers = subject, quote, list(headers)
        self.sig, self.kw = sig, kw
        self.irt_index = irt
        prev = thread.msgs[-1].date if thread.msgs else None
        self.date = _when(at, prev)
        assert self.date <= NOW, (self.date, thread.subject)


def _when(at, prev):
    if isinstance(at, dt.datetime):
        return at
    if not at.startswith("+"):
        return parse_local(at)
    m = re.fullmatch(r"\+(?:(\d+)d)?\s*(?:(\d{1,2}):(\d{2})|(\d+)h(\d{2})?|(\d+)m)?", at)
    assert m, at
    d = prev
    if m.group(1):
        d = d + dt.timedelta(days=int(m.group(1)))
    if m.group(2):
        d = d.replace(hour=int(m.group(2)), minute=int(m.group(3)))
    elif m.group(4):
        d = d + dt.timedelta(hours=int(m.group(4)), minutes=int(m.group(5) or 0))
    elif m.group(6):
        d = d + dt.timedelta(minutes=int(m.group(6)))
    return d


class Thread:
    def __init__(self, subject, start, folder=None, folder_j=None):
        self.subject, self.start = subject, start
        self.folder, self.folder_j = folder, folder_j
        self.msgs = []
        THREADS.append(self)

    def m(self, sender, to, body, at=None, **kw):
        if at is None:
            at = self.start if not self.msgs else "+2h"
        self.msgs.append(Msg(self, sender, to, body, at, **kw))
        return self


def T(subject, start, folder=None, folder_j=None):
    return Thread(subject, start, folder, folder_j)


def one(sender, to, subject, date, body, folder=None, folder_j=None, **kw):
    """A single message (thread of one)."""
    return T(subject, date, folder, folder_j).m(sender, to, body, at=date, **kw)


def attribution(msg):
    d = msg.date
    p = msg.sender
    style = int(h(p.email)[:2], 16) % 3
    hm = d.strftime("%H:%M")
    if style == 0:
        return f"Le {d.day} {MOIS[d.month - 1]} {d.year} à {hm}, {p.name} a écrit :"
    if style == 1:
        return f"Le {JOURS_ABR[d.weekday()]} {d.day} {MOIS[d.month - 1]} {d.year} à {hm}, {p.name} <{p.email}> a écrit :"
    return f"Le {d.strftime('%d/%m/%Y')} à {hm}, {p.name} a écrit :"


def quote(text):
    out = []
    for line in text.split("\n"):
        q = "> " + line if not line.startswith(">") else ">" + line
        if q.startswith(">>>"):
            continue
        out.append(q.rstrip() if q.strip() != ">" else ">")
    return "\n".join(out)


def strip_re(s):
    return re.sub(r"^((re|tr|fwd)\s*:\s*)+", "", s, flags=re.I)


def render(thread):
    """Fill subject, ids, full text for every message of a thread."""
    for i, msg in enumerate(thread.msgs):
        domain = msg.sender.email.split("@")[1]
        msg.msgid = f"<{msg.date:%Y%m%d%H%M}.{h(thread.subject + str(i) + msg.sender.email)[:12]}@{domain}>"
        if msg.subject_override:
            msg.subject = msg.subject_override
        elif i == 0:
            msg.subject = thread.subject
        else:
            msg.subject = "Re: " + strip_re(thread.subject)
        text = msg.body
        sig = msg.sender.sig
        if msg.sig and sig and "\n" in sig:
            text += "\n\n-- \n" + sig
        msg.own_text = text
        parent = None
        if i > 0:
            parent = thread.msgs[msg.irt_index] if msg.irt_index is not None else thread.msgs[i - 1]
            msg.parent = parent
            msg.irt = parent.msgid
            msg.refs = (parent.refs if parent.refs else []) + [parent.msgid]
            if len(msg.refs) > 6:
                msg.refs = msg.refs[:1] + msg.refs[-5:]
            if msg.quote:
                text += "\n\n" + attribution(parent) + "\n" + quote(parent.full_text)
        else:
            msg.parent, msg.irt, msg.refs = None, None, []
        msg.full_text = text + "\n"
        msg.raw = build_message(frm=msg.sender, to=msg.to, cc=msg.cc, subject=msg.subject, date=msg.date,
                                msgid=msg.msgid, in_reply_to=msg.irt, references=msg.refs,
                                text=msg.full_text, html=msg.html, attachments=msg.att,
                                extra_headers=msg.headers)


def recipients(msg):
    keys = set()
    for p in msg.to + msg.cc:
        keys.add(p.key)
        keys.update(p.members)
    return keys


RECENT = dt.datetime(2026, 11, 16, 0, 0)
AUTO_INBOX_FROM = dt.datetime(2026, 8, 24, 0, 0)


def deliveries(owner):
    """Yield (folder, date, keywords, raw) for every message the owner sent or received."""
    out = []
    for th in THREADS:
        for i, msg in enumerate(th.msgs):
            rng = random.Random(h(owner + msg.msgid))
            later = th.msgs[i + 1:]
            answered = any(getattr(x, "parent", None) is msg and x.sender.key == owner for x in later)
            if msg.sender.key == owner:
                if (msg.folder or th.folder) == "Drafts":
                    out.append(("Drafts", msg, ["$draft", "$seen"]))
                else:
                    kws = ["$seen"] + (["$answered"] if answered else []) + (["$flagged"] if msg.flag and owner == "claire" else [])
                    out.append(("Sent", msg, kws))
                continue
            if owner not in recipients(msg):
                continue
            if owner == "claire":
                folder = msg.folder or th.folder
            else:
                folder = th.folder_j
            if folder is None:
                if msg.date >= AUTO_INBOX_FROM:
                    folder = "Inbox"
                else:
                    folder = "Archive" if rng.random() < 0.72 else "Inbox"
            kws = []
            if msg.kw is not None:
                kws = list(msg.kw)
            else:
                unread = msg.unread
                if unread is None:
                    if folder in ("Inbox", "Junk") and not answered:
                        unread = msg.date >= RECENT and rng.random() < 0.7
                    else:
                        unread = False
                if owner != "claire" and msg.unread is not None:
                    unread = msg.date >= RECENT
                if not unread:
                    kws.append("$seen")
                if answered:
                    kws.append("$answered")
                if msg.flag and owner == "claire":
                    kws.append("$flagged")
            out.append((folder, msg, kws))
    return out
