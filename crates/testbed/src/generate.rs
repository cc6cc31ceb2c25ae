//! A deterministic generator of realistic académie mail (French senders, subjects, bodies, some
//! replies in threads, some small attachments), for folders of many thousands of messages.
//!
//! Message `i` depends only on `(seed, i)`: filling a folder in several runs gives the same mail.
//! Index 0 is the newest; dates go back in time by about 26 minutes per message (100,000 mails
//! span about five years before [`ANCHOR`]).

use base64::Engine;
use chrono::{DateTime, Duration, FixedOffset, TimeZone, Utc};

/// The date of message 0 (the newest): the evening before the seed's newest day.
pub const ANCHOR: (i32, u32, u32, u32, u32) = (2026, 11, 22, 17, 40);

/// Average minutes between two consecutive generated messages.
const AVERAGE_GAP_MINUTES: i64 = 26;

/// One generated message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GeneratedMail {
    /// RFC 5322 bytes, CRLF line ends.
    pub raw: Vec<u8>,
    /// JMAP keywords (`$seen`, `$flagged`, `$answered`).
    pub keywords: Vec<&'static str>,
    /// Date header = receivedAt (IMAP internal date).
    pub date: DateTime<FixedOffset>,
    pub subject: String,
    pub has_attachment: bool,
}

/// splitmix64: small, fast, good enough to vary test data.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in `0..n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }
    pub fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }
    /// True with probability `percent`/100.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.next_u64() % 100 < percent
    }
}

/// A stable 64-bit hash (FNV-1a) to derive seeds from names.
pub fn fnv1a(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| (h ^ b as u64).wrapping_mul(0x0100_0000_01b3))
}

const FIRST_NAMES: [&str; 24] = [
    "Amélie",
    "Bruno",
    "Camille",
    "Damien",
    "Élodie",
    "Fabrice",
    "Gaëlle",
    "Hugo",
    "Inès",
    "Jérôme",
    "Karine",
    "Laurent",
    "Manon",
    "Nicolas",
    "Océane",
    "Pascal",
    "Quentin",
    "Rachida",
    "Sébastien",
    "Théo",
    "Ursula",
    "Valérie",
    "Yannick",
    "Zoé",
];
const LAST_NAMES: [&str; 20] = [
    "Perrin",
    "Lefèvre",
    "Garnier",
    "Chevalier",
    "Moreau",
    "Girard",
    "Bonnet",
    "Dupuis",
    "Lambert",
    "Fontaine",
    "Rousseau",
    "Vincent",
    "Mercier",
    "Blanc",
    "Guérin",
    "Boyer",
    "Faure",
    "André",
    "Roche",
    "Meunier",
];
/// Services that write to staff: (display name, address).
const SERVICES: [(&str, &str); 10] = [
    ("Rectorat — Division des examens et concours", "dec@ac-cevennes.fr"),
    ("Secrétariat de direction", "secretariat.jean-moulin@ac-cevennes.fr"),
    ("Vie scolaire", "vie-scolaire.jean-moulin@ac-cevennes.fr"),
    ("DANE — numérique éducatif", "dane@ac-cevennes.fr"),
    ("Pronote", "ne-pas-repondre@index-education.net"),
    ("ENT Cévennes", "ne-pas-repondre@ent.ac-cevennes.fr"),
    ("Intendance", "intendance.jean-moulin@ac-cevennes.fr"),
    ("CDI", "cdi.jean-moulin@ac-cevennes.fr"),
    ("Inspection pédagogique", "ipr-lettres@ac-cevennes.fr"),
    ("Formation continue (EAFC)", "eafc@ac-cevennes.fr"),
];
const CLASSES: [&str; 12] = [
    "2nde 1",
    "2nde 3",
    "2nde 5",
    "1re G2",
    "1re G4",
    "1re STMG",
    "Tle G1",
    "Tle G3",
    "Tle STI2D",
    "3e B",
    "4e A",
    "BTS SIO 1",
];
const SUBJECTS_TAUGHT: [&str; 10] = [
    "français",
    "mathématiques",
    "histoire-géographie",
    "anglais",
    "SVT",
    "physique-chimie",
    "philosophie",
    "SES",
    "EPS",
    "espagnol",
];
const PLACES: [&str; 8] = [
    "musée Fabre",
    "Pont du Gard",
    "théâtre de Nîmes",
    "observatoire de l'Aigoual",
    "salle B210",
    "CDI",
    "amphithéâtre",
    "gymnase",
];
const MONTHS_FR: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];
/// Subject templates: `{c}` class, `{m}` subject taught, `{p}` place, `{d}` day, `{n}` number, `{s}` student.
const SUBJECTS: [&str; 24] = [
    "Conseil de classe de {c} — {d}",
    "Convocation : jury du baccalauréat de {m}",
    "Sortie pédagogique au {p}",
    "Réunion parents-professeurs des {c}",
    "Absences répétées de {s} ({c})",
    "Devoir commun de {m} : sujets et barème",
    "Remplacement en {m} à partir du {d}",
    "Note de service n° {n} : calendrier des examens",
    "Formation : « enseigner avec l'ENT » le {d}",
    "ENT : maintenance programmée le {d}",
    "Bulletins du trimestre à saisir avant le {d}",
    "Projet interdisciplinaire {m} / {c}",
    "Commande de manuels de {m}",
    "Réservation du {p} pour les {c}",
    "Compte rendu du conseil pédagogique",
    "Proposition de sujet pour le bac blanc de {m}",
    "Voyage scolaire : autorisations des {c}",
    "Stage d'observation de {s}",
    "Heures supplémentaires de {d}",
    "Vœux d'affectation : réunion d'information",
    "Questionnaire sur le numérique éducatif",
    "Fiche de liaison de {s}",
    "Épreuve orale de {m} : convocation n° {n}",
    "Rappel : réunion d'équipe le {d} en {p}",
];
const OPENINGS: [&str; 5] =
    ["Bonjour,", "Bonjour à toutes et à tous,", "Chère collègue,", "Madame,", "Bonjour Claire,"];
const LINES: [&str; 14] = [
    "Comme convenu lors de notre dernière réunion, je vous transmets les informations ci-dessous.",
    "Merci de me faire un retour avant la fin de la semaine.",
    "Le document est à compléter sur l'ENT, rubrique « Vie de l'établissement ».",
    "Les élèves concernés ont été prévenus par la vie scolaire.",
    "Je reste à votre disposition pour toute question.",
    "La salle est réservée de 12 h 30 à 13 h 30.",
    "Pensez à apporter vos propositions de corpus et le barème.",
    "Les convocations seront envoyées par voie postale la semaine prochaine.",
    "Le conseil de classe se tiendra en salle des professeurs.",
    "Les notes doivent être saisies dans Pronote avant la date indiquée.",
    "Un car est prévu au départ du lycée à 8 h 15, retour vers 17 h.",
    "Vous trouverez en pièce jointe le tableau récapitulatif.",
    "Pour les familles, un courrier type est disponible au secrétariat.",
    "Cette information concerne également les professeurs principaux.",
];
const CLOSINGS: [&str; 4] = ["Bien cordialement,", "Cordialement,", "Bonne journée,", "Merci d'avance,"];
const ATTACHMENTS: [(&str, &str); 4] = [
    ("recapitulatif.csv", "text/csv"),
    ("convocation.pdf", "application/pdf"),
    ("planning.ics", "text/calendar"),
    ("liste-eleves.csv", "text/csv"),
];

/// The parts of message `i` that replies need too (its sender and subject).
struct Head {
    from_name: String,
    from_addr: String,
    subject: String,
}

fn head(seed: u64, i: usize) -> Head {
    let mut r = Rng::new(seed ^ (i as u64).wrapping_mul(0xA24B_AED4_963E_E407));
    let (from_name, from_addr) = if r.chance(35) {
        let (n, a) = r.pick(&SERVICES);
        (n.to_string(), a.to_string())
    } else {
        let first = r.pick(&FIRST_NAMES);
        let last = r.pick(&LAST_NAMES);
        (format!("{first} {last}"), format!("{}.{}@ac-cevennes.fr", ascii_fold(first), ascii_fold(last)))
    };
    let template = r.pick(&SUBJECTS);
    let student = format!("{} {}", r.pick(&FIRST_NAMES), r.pick(&LAST_NAMES).chars().next().unwrap_or('X'));
    let day = format!("{} {}", 1 + r.below(28), r.pick(&MONTHS_FR));
    let subject = template
        .replace("{c}", r.pick(&CLASSES))
        .replace("{m}", r.pick(&SUBJECTS_TAUGHT))
        .replace("{p}", r.pick(&PLACES))
        .replace("{d}", &day)
        .replace("{n}", &(100 + r.below(900)).to_string())
        .replace("{s}", &format!("{student}."));
    Head { from_name, from_addr, subject }
}

/// Lower-case ASCII for addresses: "Élodie" → "elodie".
fn ascii_fold(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            'é' | 'è' | 'ê' | 'ë' | 'É' => 'e',
            'à' | 'â' => 'a',
            'î' | 'ï' => 'i',
            'ô' => 'o',
            'ù' | 'û' | 'ü' => 'u',
            'ç' => 'c',
            c => c.to_ascii_lowercase(),
        })
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect()
}

/// RFC 2047 B-encoding when the text is not plain ASCII.
fn encode_word(text: &str) -> String {
    if text.is_ascii() {
        return text.to_string();
    }
    format!("=?utf-8?b?{}?=", base64::engine::general_purpose::STANDARD.encode(text))
}

fn message_id(seed: u64, i: usize) -> String {
    format!("<bulk.{seed:016x}.{i}@ac-cevennes.fr>")
}

/// The date of message `i`: [`ANCHOR`] minus about 26 minutes per index, with jitter, in Paris
/// winter time.
pub fn date_of(seed: u64, i: usize) -> DateTime<FixedOffset> {
    let (y, mo, d, h, mi) = ANCHOR;
    let anchor = Utc.with_ymd_and_hms(y, mo, d, h, mi, 0).unwrap();
    let mut r = Rng::new(seed.rotate_left(17) ^ i as u64);
    let jitter = r.below(AVERAGE_GAP_MINUTES as usize * 60) as i64;
    let at = anchor - Duration::minutes(i as i64 * AVERAGE_GAP_MINUTES) - Duration::seconds(jitter);
    at.with_timezone(&FixedOffset::east_opt(3600).unwrap())
}

/// Generates message `i` of the folder seeded by `seed`, addressed to `to` (`name`, `email`).
pub fn generate(seed: u64, i: usize, to_name: &str, to_email: &str) -> GeneratedMail {
    let h = head(seed, i);
    let mut r = Rng::new(seed.wrapping_mul(31) ^ (i as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0x5bd1e995);
    let date = date_of(seed, i);
    // One message in five answers the next older one (same thread).
    let reply_to = (r.chance(20)).then_some(i + 1);
    let (subject, from_name, from_addr) = match reply_to {
        Some(j) => {
            let parent = head(seed, j);
            (format!("Re: {}", parent.subject), h.from_name.clone(), h.from_addr.clone())
        }
        None => (h.subject.clone(), h.from_name.clone(), h.from_addr.clone()),
    };
    let has_attachment = r.chance(8);
    let mut keywords = Vec::new();
    // The newest fifty are mostly unread; older mail mostly read.
    let unread_percent = if i < 50 { 60 } else { 4 };
    if !r.chance(unread_percent) {
        keywords.push("$seen");
    }
    if r.chance(4) {
        keywords.push("$flagged");
    }
    if r.chance(10) {
        keywords.push("$answered");
    }

    let mut body = String::new();
    body.push_str(r.pick(&OPENINGS));
    body.push_str("\r\n\r\n");
    for _ in 0..2 + r.below(4) {
        body.push_str(r.pick(&LINES));
        body.push_str("\r\n");
    }
    body.push_str("\r\n");
    body.push_str(r.pick(&CLOSINGS));
    body.push_str("\r\n");
    body.push_str(&from_name);
    body.push_str("\r\n");
    if let Some(j) = reply_to {
        let parent_date = date_of(seed, j);
        body.push_str(&format!(
            "\r\nLe {}, {} a écrit :\r\n",
            parent_date.format("%d/%m/%Y à %H:%M"),
            head(seed, j).from_name
        ));
        body.push_str(&format!("> {}\r\n> {}\r\n", r.pick(&LINES), r.pick(&LINES)));
    }

    let mut m = String::with_capacity(1500);
    m.push_str(&format!("From: {} <{}>\r\n", encode_word(&from_name), from_addr));
    m.push_str(&format!("To: {} <{}>\r\n", encode_word(to_name), to_email));
    m.push_str(&format!("Subject: {}\r\n", encode_word(&subject)));
    m.push_str(&format!("Date: {}\r\n", date.to_rfc2822()));
    m.push_str(&format!("Message-ID: {}\r\n", message_id(seed, i)));
    if let Some(j) = reply_to {
        m.push_str(&format!("In-Reply-To: {0}\r\nReferences: {0}\r\n", message_id(seed, j)));
    }
    m.push_str("MIME-Version: 1.0\r\n");
    if has_attachment {
        let (name, ctype) = r.pick(&ATTACHMENTS);
        let boundary = format!("=_facteur_{seed:x}_{i}");
        m.push_str(&format!("Content-Type: multipart/mixed; boundary=\"{boundary}\"\r\n\r\n"));
        m.push_str(&format!(
            "--{boundary}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
        ));
        m.push_str(&body);
        m.push_str(&format!("--{boundary}\r\nContent-Type: {ctype}; name=\"{name}\"\r\n"));
        m.push_str(&format!(
            "Content-Disposition: attachment; filename=\"{name}\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
        ));
        let mut data = Vec::with_capacity(900);
        for k in 0..(300 + r.below(600)) {
            data.push(b"0123456789;abcdefghijklmnopqrstuvwxyz\n"[(k * 7 + i) % 38]);
        }
        let b64 = base64::engine::general_purpose::STANDARD.encode(&data);
        for chunk in b64.as_bytes().chunks(76) {
            m.push_str(std::str::from_utf8(chunk).unwrap());
            m.push_str("\r\n");
        }
        m.push_str(&format!("--{boundary}--\r\n"));
    } else {
        m.push_str("Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n");
        m.push_str(&body);
    }
    GeneratedMail { raw: m.into_bytes(), keywords, date, subject, has_attachment }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deterministic_varied_crlf() {
        let a = generate(7, 12, "Claire Martin", "claire.martin@ac-cevennes.fr");
        let b = generate(7, 12, "Claire Martin", "claire.martin@ac-cevennes.fr");
        assert_eq!(a, b);
        let c = generate(8, 12, "Claire Martin", "claire.martin@ac-cevennes.fr");
        assert_ne!(a.raw, c.raw);
        let mut subjects = std::collections::HashSet::new();
        let (mut attachments, mut replies, mut unread, mut flagged) = (0, 0, 0, 0);
        for i in 0..1000 {
            let m = generate(7, i, "Claire Martin", "claire.martin@ac-cevennes.fr");
            // CRLF only: no bare LF, no bare CR.
            for (k, &byte) in m.raw.iter().enumerate() {
                if byte == b'\n' {
                    assert_eq!(m.raw[k - 1], b'\r', "bare LF in message {i}");
                }
                if byte == b'\r' {
                    assert_eq!(m.raw.get(k + 1), Some(&b'\n'), "bare CR in message {i}");
                }
            }
            subjects.insert(m.subject.clone());
            attachments += m.has_attachment as usize;
            replies += m.subject.starts_with("Re: ") as usize;
            unread += !m.keywords.contains(&"$seen") as usize;
            flagged += m.keywords.contains(&"$flagged") as usize;
            assert!(m.raw.len() < 4096, "message {i} is {} bytes", m.raw.len());
        }
        assert!(subjects.len() > 500, "{} distinct subjects", subjects.len());
        assert!((40..160).contains(&attachments), "{attachments} attachments");
        assert!((120..300).contains(&replies), "{replies} replies");
        assert!((20..120).contains(&unread), "{unread} unread");
        assert!((15..80).contains(&flagged), "{flagged} flagged");
    }

    #[test]
    fn dates_go_back_in_time() {
        let d0 = date_of(1, 0);
        let d1 = date_of(1, 1);
        let d99999 = date_of(1, 99_999);
        assert!(d0 > d1);
        assert!(d0.to_rfc3339().starts_with("2026-11-22"), "{d0}");
        let years = (d0 - d99999).num_days() / 365;
        assert!((4..=5).contains(&years), "{years} years");
    }

    #[test]
    fn headers_are_encoded() {
        let m = generate(3, 0, "Claire Martin", "claire.martin@ac-cevennes.fr");
        let text = String::from_utf8(m.raw).unwrap();
        let headers = text.split("\r\n\r\n").next().unwrap();
        assert!(headers.is_ascii(), "{headers}");
        assert!(headers.contains("Message-ID: <bulk."));
        assert!(headers.contains("To: Claire Martin <claire.martin@ac-cevennes.fr>"));
    }
}
