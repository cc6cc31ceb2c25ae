#!/usr/bin/env python3
"""Generate the Facteur demo/test seed (mail, calendars, contacts) under seed/.

Standard library only, deterministic: running it again produces byte-identical files.
Usage:  python3 seed/tools/generate.py          (writes seed/accounts.json and seed/accounts/)
        python3 seed/tools/generate.py --check  (only validates the existing files)
"""
import collections
import email
import email.policy
import json
import os
import shutil
import sys
import zipfile
import io

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
SEED = os.path.dirname(HERE)

PASSWORD = "Facteur-Demo-2026"
ACCOUNTS = [("claire", "claire.martin@ac-cevennes.fr"), ("julien", "julien.roux@ac-cevennes.fr")]


def vcard(p, categories):
    from seedlib import crlf, uid_for
    esc = lambda s: s.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;").replace("\n", "\\n")
    uid = uid_for("contact:" + p.email)
    L = ["BEGIN:VCARD", "VERSION:3.0", f"UID:{uid}", f"FN:{esc(p.name)}",
         f"N:{esc(p.last)};{esc(p.first)};;;", f"EMAIL;TYPE=work:{p.email}"]
    if p.phone:
        L.append(f"TEL;TYPE=work,voice:{p.phone}")
    if p.mobile:
        L.append(f"TEL;TYPE=cell:{p.mobile}")
    if p.org:
        L.append(f"ORG:{esc(p.org)}")
    if p.title:
        L.append(f"TITLE:{esc(p.title)}")
    L.append("CATEGORIES:" + ",".join(esc(c) for c in categories))
    if p.note:
        L.append(f"NOTE:{esc(p.note)}")
    L += ["REV:20261123T070000Z", "END:VCARD"]
    return uid, crlf(L)


def contacts_for(owner):
    from people import P
    ALLOWED = {"Collègues", "Parents d'élèves", "Administration", "DSDEN"}
    out = []
    for key, p in P.items():
        if key == owner or p.members or not p.cats or not set(p.cats) <= ALLOWED:
            continue
        if owner == "julien":
            # Julien: his colleagues, the direction and a few parents of the 2nde B
            keep = {"claire", "amelie", "proviseure", "adjoint", "secretariat", "cpe", "cpe2", "doc", "hugo",
                    "mathilde", "lucas", "olivier", "marc", "fatima", "yannick", "gestion", "infirmiere",
                    "p_arnal", "p_hoarau", "p_bensaid", "p_cordier", "dsden_sorties"}
            if key not in keep:
                continue
        out.append((p, p.cats))
    return out


def generate():
    import engine
    import content_a, content_b, content_c  # noqa: F401  (register threads)
    import content_series
    import calendars
    content_series.build()
    for th in engine.THREADS:
        engine.render(th)

    out_accounts = os.path.join(SEED, "accounts")
    if os.path.isdir(out_accounts):
        shutil.rmtree(out_accounts)
    from people import P
    with open(os.path.join(SEED, "accounts.json"), "w", encoding="utf-8") as f:
        json.dump([{"email": email_, "password": PASSWORD, "name": P[k].name, "role": "teacher"}
                   for k, email_ in ACCOUNTS], f, ensure_ascii=False, indent=2)
        f.write("\n")

    for key, addr in ACCOUNTS:
        base = os.path.join(out_accounts, addr)
        items = engine.deliveries(key)
        by_folder = collections.defaultdict(list)
        for folder, msg, kws in items:
            by_folder[folder].append((msg.date, msg.msgid, msg, kws))
        for folder, lst in by_folder.items():
            lst.sort(key=lambda t: (t[0], t[1]))
            d = os.path.join(base, "mail", *folder.split("/"))
            os.makedirs(d, exist_ok=True)
            for i, (_, _, msg, kws) in enumerate(lst, start=1):
                with open(os.path.join(d, f"{i:04d}.eml"), "wb") as f:
                    f.write(b"X-Facteur-Seed-Keywords: " + " ".join(kws).encode() + b"\n" + msg.raw)
        cal = calendars.claire() if key == "claire" else calendars.julien()
        calendars.write(os.path.join(base, "calendar"), cal)
        cdir = os.path.join(base, "contacts")
        os.makedirs(cdir, exist_ok=True)
        for p, cats in contacts_for(key):
            uid, data = vcard(p, cats)
            with open(os.path.join(cdir, f"{uid}.vcf"), "wb") as f:
                f.write(data)


def check():
    base = os.path.join(SEED, "accounts")
    ok = True
    report = []
    ids = collections.Counter()
    for addr in sorted(os.listdir(base)):
        acc = os.path.join(base, addr)
        per_folder = collections.Counter()
        stats = collections.Counter()
        for root, _, files in os.walk(os.path.join(acc, "mail")):
            for fn in sorted(files):
                path = os.path.join(root, fn)
                folder = os.path.relpath(root, os.path.join(acc, "mail"))
                raw = open(path, "rb").read()
                first, rest = raw.split(b"\n", 1)
                assert first.startswith(b"X-Facteur-Seed-Keywords:"), path
                kws = first.split(b":", 1)[1].split()
                assert all(k in (b"$seen", b"$flagged", b"$answered", b"$draft") for k in kws), path
                msg = email.message_from_bytes(rest, policy=email.policy.default)
                for h_ in ("From", "Subject", "Date", "Message-ID", "MIME-Version"):
                    if msg[h_] is None:
                        print("missing", h_, path)
                        ok = False
                assert msg["Date"].datetime.utcoffset() is not None
                ids[(addr, msg["Message-ID"])] += 1
                assert msg.get_body(("plain",)) is not None, path
                msg.get_body(("plain",)).get_content()
                if msg.get_body(("html",)) is not None:
                    stats["html"] += 1
                for part in msg.iter_attachments():
                    data = part.get_content()
                    ct = part.get_content_type()
                    if isinstance(data, str):
                        data = data.encode()
                    stats["att:" + ct] += 1
                    if ct == "application/pdf":
                        assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF"), path
                    elif ct == "image/png":
                        assert data.startswith(b"\x89PNG\r\n\x1a\n"), path
                    elif ct.endswith("wordprocessingml.document"):
                        z = zipfile.ZipFile(io.BytesIO(data))
                        assert z.testzip() is None and "word/document.xml" in z.namelist(), path
                    elif ct == "text/calendar":
                        assert b"BEGIN:VCALENDAR" in data and b"END:VCALENDAR" in data, path
                    assert len(data) < 30000, (path, len(data))
                if any(True for _ in msg.iter_attachments()):
                    stats["with_attachments"] += 1
                per_folder[folder] += 1
                if folder == "Inbox":
                    if b"$seen" not in kws:
                        stats["inbox_unread"] += 1
                    if b"$flagged" in kws:
                        stats["inbox_flagged"] += 1
                if msg["In-Reply-To"]:
                    stats["replies"] += 1
        ics = [f for f in os.listdir(os.path.join(acc, "calendar"))]
        n_todo = 0
        for f in ics:
            t = open(os.path.join(acc, "calendar", f), "rb").read()
            assert t.startswith(b"BEGIN:VCALENDAR\r\n") and t.endswith(b"END:VCALENDAR\r\n"), f
            assert b"TZID:Europe/Paris" in t and b"PRODID:" in t and b"DTSTAMP:" in t
            n_todo += b"BEGIN:VTODO" in t
        vcf = os.listdir(os.path.join(acc, "contacts"))
        for f in vcf:
            t = open(os.path.join(acc, "contacts", f), "rb").read()
            assert t.startswith(b"BEGIN:VCARD\r\nVERSION:3.0\r\n") and t.endswith(b"END:VCARD\r\n"), f
            t.decode("utf-8")
        total = sum(per_folder.values())
        report.append((addr, total, per_folder, stats, len(ics), n_todo, len(vcf)))
    dup = [k for k, v in ids.items() if v > 1]
    if dup:
        print("duplicate Message-IDs within an account:", dup[:5])
        ok = False
    for addr, total, per_folder, stats, n_ics, n_todo, n_vcf in report:
        print(f"== {addr}: {total} messages, {n_ics} calendar files ({n_todo} tasks), {n_vcf} contacts")
        for folder in sorted(per_folder):
            print(f"   {folder:28s} {per_folder[folder]:4d}")
        print("   " + ", ".join(f"{k}={v}" for k, v in sorted(stats.items())))
    return ok


if __name__ == "__main__":
    if "--check" not in sys.argv:
        generate()
    sys.exit(0 if check() else 1)
