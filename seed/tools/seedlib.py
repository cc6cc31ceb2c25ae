"""Building blocks for the Facteur seed generator (standard library only).

- dates in Europe/Paris (CET/CEST computed by the EU rule, no tz database needed)
- RFC 5322 / MIME messages with deterministic boundaries
- tiny but valid PDF, PNG, DOCX files
- iCalendar (RFC 5545) and vCard 3.0 serialisation
"""
import datetime as dt
import hashlib
import io
import struct
import textwrap
import uuid
import zipfile
import zlib
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import default as default_policy
from email.utils import format_datetime
from xml.sax.saxutils import escape as xml_escape

POLICY = default_policy.clone(linesep="\n", max_line_length=78)
NS = uuid.UUID("6f1c1d2e-6a3b-4e4f-9a52-0c3e5d7f8a90")  # fixed namespace for uuid5


# ---------------------------------------------------------------- dates
def _last_sunday(year, month):
    d = dt.date(year, month, 31)
    while d.weekday() != 6:
        d -= dt.timedelta(days=1)
    return d


def paris(naive):
    """Attach the Europe/Paris offset (+0100 / +0200) to a naive local datetime."""
    y = naive.year
    start = dt.datetime.combine(_last_sunday(y, 3), dt.time(2, 0))
    end = dt.datetime.combine(_last_sunday(y, 10), dt.time(3, 0))
    off = 2 if start <= naive < end else 1
    return naive.replace(tzinfo=dt.timezone(dt.timedelta(hours=off)))


def parse_local(s):
    return dt.datetime.strptime(s, "%Y-%m-%d %H:%M")


MOIS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
        "septembre", "octobre", "novembre", "décembre"]
JOURS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
JOURS_ABR = ["lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim."]


def fr_date(d, with_day=False):
    s = f"{d.day if d.day != 1 else '1er'} {MOIS[d.month - 1]} {d.year}"
    return f"{JOURS[d.weekday()]} {s}" if with_day else s


def h(s):
    return hashlib.sha1(s.encode("utf-8")).hexdigest()


# ---------------------------------------------------------------- files
def _pdf_str(s):
    b = s.encode("cp1252", "replace")
    return b"(" + b.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def make_pdf(title, lines, date="20260101090000", author="Lycée Jean-Moulin"):
    """A real, minimal, valid PDF 1.4 (Helvetica, WinAnsi), one or more A4 pages."""
    wrapped = []
    for line in lines:
        if not line:
            wrapped.append("")
        else:
            wrapped.extend(textwrap.wrap(line, 92) or [""])
    pages = [wrapped[i:i + 44] for i in range(0, max(len(wrapped), 1), 44)] or [[]]
    objs = {}
    n_pages = len(pages)
    # object numbers: 1 catalog, 2 pages, 3 font bold, 4 font, 5 info, then (page, content) pairs
    kids = []
    for i, plines in enumerate(pages):
        pnum, cnum = 6 + 2 * i, 7 + 2 * i
        kids.append(pnum)
        c = b""
        y = 800
        if i == 0:
            c += b"BT /F1 15 Tf 56 790 Td " + _pdf_str(title) + b" Tj ET\n"
            c += b"0.6 w 56 778 m 539 778 l S\n"
            y = 755
        for line in plines:
            c += b"BT /F2 10.5 Tf 56 %d Td " % y + _pdf_str(line) + b" Tj ET\n"
            y -= 15
        c += b"BT /F2 8 Tf 270 30 Td " + _pdf_str(f"{i + 1} / {n_pages}") + b" Tj ET\n"
        objs[pnum] = (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
                      b"/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents %d 0 R >>" % cnum)
        objs[cnum] = b"<< /Length %d >>\nstream\n" % len(c) + c + b"endstream"
    objs[1] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objs[2] = b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % k for k in kids) + b"] /Count %d >>" % n_pages
    objs[3] = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>"
    objs[4] = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
    objs[5] = (b"<< /Title " + _pdf_str(title) + b" /Author " + _pdf_str(author) +
               b" /Producer (Facteur seed generator) /CreationDate (D:" + date.encode() + b"+01'00') >>")
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for num in sorted(objs):
        offsets[num] = len(out)
        out += b"%d 0 obj\n" % num + objs[num] + b"\nendobj\n"
    xref = len(out)
    size = max(objs) + 1
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    for num in range(1, size):
        out += b"%010d 00000 n \n" % offsets[num]
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info 5 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, xref)
    return bytes(out)


def make_png(width, height, pixel):
    """pixel(x, y) -> (r, g, b). Returns a valid 8-bit RGB PNG."""
    raw = bytearray()
    for y in range(height):
        raw.append(0)
        for x in range(width):
            raw.extend(pixel(x, y))

    def chunk(tag, data):
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF)

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(bytes(raw), 9)) + chunk(b"IEND", b""))


def scene_png(kind, seed=0, width=240, height=160):
    """Small generated 'photos' / posters, deterministic."""
    import math

    def clamp(v):
        return max(0, min(255, int(v)))

    if kind == "landscape":  # sortie scolaire: hills, sun, an old stone bridge
        sun = (40 + seed * 37 % 150, 30)

        def px(x, y):
            hill1 = 95 + 12 * math.sin((x + seed * 13) / 23.0)
            hill2 = 115 + 8 * math.sin((x + seed * 7) / 13.0 + 1)
            if (x - sun[0]) ** 2 + (y - sun[1]) ** 2 < 120:
                return (255, 236, 150)
            # bridge with arches between y=78 and 100
            if 78 <= y <= 100 and 20 <= x <= 220:
                ax = (x - 20) % 40
                if y > 86 and (ax - 20) ** 2 + (y - 100) ** 2 < 150:
                    return (120 + y // 2, 170, 215)
                return (196, 170, 120) if (x // 6 + y // 4) % 2 else (186, 160, 112)
            if y > hill2:
                return (70 + (y - 115), 120, 60)
            if y > hill1:
                return (95, 140, 80)
            t = y / 100.0
            return (clamp(120 + 80 * t), clamp(175 + 50 * t), 235)
        return make_png(width, height, px)
    if kind == "group":  # group photo: ground, sky, coloured figures
        def px(x, y):
            if y < 70:
                return (clamp(150 + y), clamp(200 + y // 2), 240)
            for i in range(9):
                cx = 22 + i * 25
                if (x - cx) ** 2 + (y - 82) ** 2 < 40:
                    return (230, 190, 160) if (i + seed) % 3 else (150, 105, 80)
                if cx - 8 <= x <= cx + 8 and 89 <= y <= 125:
                    col = [(200, 60, 60), (60, 90, 200), (240, 200, 50), (40, 150, 90), (120, 60, 160)]
                    return col[(i + seed) % 5]
            return (90 + (y - 70) // 3, 140, 70)
        return make_png(width, height, px)
    # poster
    def px(x, y):
        if 20 <= x <= width - 20 and 20 <= y <= 46:
            return (140, 20, 40)
        if (x - width // 2) ** 2 + (y - 100) ** 2 < 900:
            return (240, 200, 60)
        return (clamp(30 + y // 3), clamp(20 + y // 4), clamp(60 + y // 2))
    return make_png(width, height, px)


def make_docx(title, paragraphs, author="Claire Martin", date="2026-01-01T09:00:00Z"):
    """A real minimal OOXML WordprocessingML document. Lines starting with '# ' are headings,
    '- ' are bullet-like lines."""
    def run(text, bold=False, size=None):
        rpr = ""
        if bold or size:
            rpr = "<w:rPr>" + ("<w:b/>" if bold else "") + (f'<w:sz w:val="{size}"/>' if size else "") + "</w:rPr>"
        return f'<w:r>{rpr}<w:t xml:space="preserve">{xml_escape(text)}</w:t></w:r>'

    body = [f'<w:p><w:pPr><w:jc w:val="center"/></w:pPr>{run(title, True, 32)}</w:p>']
    for p in paragraphs:
        if p.startswith("# "):
            body.append(f'<w:p><w:pPr><w:spacing w:before="240"/></w:pPr>{run(p[2:], True, 26)}</w:p>')
        elif p.startswith("- "):
            body.append(f'<w:p><w:pPr><w:ind w:left="360"/></w:pPr>{run("• " + p[2:])}</w:p>')
        else:
            body.append(f"<w:p>{run(p)}</w:p>")
    document = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
                + "".join(body) +
                '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" '
                'w:bottom="1134" w:left="1134" w:header="708" w:footer="708" w:gutter="0"/></w:sectPr>'
                '</w:body></w:document>')
    content_types = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                     '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                     '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                     '<Default Extension="xml" ContentType="application/xml"/>'
                     '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
                     '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
                     '</Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
            '</Relationships>')
    core = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            f'<dc:title>{xml_escape(title)}</dc:title><dc:creator>{xml_escape(author)}</dc:creator>'
            f'<dcterms:created xsi:type="dcterms:W3CDTF">{date}</dcterms:created>'
            '</cp:coreProperties>')
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, data in [("[Content_Types].xml", content_types), ("_rels/.rels", rels),
                           ("word/document.xml", document), ("docProps/core.xml", core)]:
            zi = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            z.writestr(zi, data.encode("utf-8"))
    return buf.getvalue()


# ---------------------------------------------------------------- iCalendar / vCard
VTIMEZONE = """BEGIN:VTIMEZONE
TZID:Europe/Paris
BEGIN:DAYLIGHT
TZOFFSETFROM:+0100
TZOFFSETTO:+0200
TZNAME:CEST
DTSTART:19700329T020000
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU
END:DAYLIGHT
BEGIN:STANDARD
TZOFFSETFROM:+0200
TZOFFSETTO:+0100
TZNAME:CET
DTSTART:19701025T030000
RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU
END:STANDARD
END:VTIMEZONE""".split("\n")


def ical_escape(s):
    return s.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def fold(line):
    """Fold a content line at 75 octets (RFC 5545 / RFC 2425), never inside a UTF-8 sequence."""
    b = line.encode("utf-8")
    if len(b) <= 75:
        return line
    parts, cur, limit = [], b"", 75
    for ch in line:
        cb = ch.encode("utf-8")
        if len(cur) + len(cb) > limit:
            parts.append(cur.decode("utf-8"))
            cur, limit = b"", 74
        cur += cb
    parts.append(cur.decode("utf-8"))
    return "\r\n ".join(parts)


def crlf(lines):
    return ("\r\n".join(fold(l) for l in lines) + "\r\n").encode("utf-8")


def ics_dt(naive):
    return naive.strftime("%Y%m%dT%H%M%S")


def make_ics(component_lines, method=None, prodid="-//Facteur//Seed generator 1.0//FR"):
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{prodid}", "CALSCALE:GREGORIAN"]
    if method:
        lines.append(f"METHOD:{method}")
    lines += VTIMEZONE + component_lines + ["END:VCALENDAR"]
    return crlf(lines)


def uid_for(name):
    return str(uuid.uuid5(NS, name))


# ---------------------------------------------------------------- mail
def addr(person):
    return Address(display_name=person.name, addr_spec=person.email) if person.name else Address(addr_spec=person.email)


def build_message(*, frm, to, cc, subject, date, msgid, in_reply_to=None, references=None,
                  text, html=None, attachments=(), extra_headers=()):
    m = EmailMessage(policy=POLICY)
    m["From"] = addr(frm)
    if to:
        m["To"] = [addr(p) for p in to]
    if cc:
        m["Cc"] = [addr(p) for p in cc]
    m["Subject"] = subject
    m["Date"] = format_datetime(paris(date))
    m["Message-ID"] = msgid
    if in_reply_to:
        m["In-Reply-To"] = in_reply_to
    if references:
        m["References"] = " ".join(references)
    for k, v in extra_headers:
        m[k] = v
    m.set_content(text, subtype="plain", charset="utf-8", cte="quoted-printable")
    if html:
        m.add_alternative(html, subtype="html", charset="utf-8", cte="quoted-printable")
    for att in attachments:
        fn, ctype, data = att[0], att[1], att[2]
        params = att[3] if len(att) > 3 else {}
        maintype, subtype = ctype.split("/")
        m.add_attachment(data, maintype=maintype, subtype=subtype, filename=fn, params=params)
    seed = h(msgid)[:16]
    for i, part in enumerate(p for p in m.walk() if p.is_multipart()):
        part.set_boundary(f"=_facteur_{seed}_{i}")
    return m.as_bytes(policy=POLICY)
