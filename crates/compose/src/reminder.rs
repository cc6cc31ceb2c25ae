//! The warning before sending when the text speaks of an attachment and nothing is attached:
//! "pièce jointe", "pièces jointes", "ci-joint(e)(s)", "en PJ", "PJ", "attached",
//! "attachment", in the user's own text (not in the quoted original below it).

use facteur_kit::text::fold;

/// Whether the text the user wrote mentions an attachment (accents and case ignored; whole
/// words; quoted lines, those starting with `>`, and the forwarded block are not read).
///
/// Also read as mentions: "fichier(s) joint(s)", "document(s) joint(s)", "jointe(s)" alone,
/// "je (vous) joins", "attach", "attaching", "enclosed". Reading stops at the forwarded
/// block's first line (French or English) and at the signature separator `-- `.
///
/// ```
/// use facteur_compose::reminder::mentions_attachment;
/// assert!(mentions_attachment("Veuillez trouver ci-joint le compte rendu."));
/// assert!(mentions_attachment("Le planning en PJ."));
/// assert!(!mentions_attachment("Une jointure de tables."));
/// assert!(!mentions_attachment("Merci.\n\nLe 12 mars 2026, Sophie a écrit :\n> voir pièce jointe"));
/// ```
pub fn mentions_attachment(text: &str) -> bool {
    for line in text.lines() {
        let trimmed = line.trim_start();
        if is_end_of_own_text(line) {
            break;
        }
        if trimmed.starts_with('>') {
            continue;
        }
        if line_mentions(&fold(line)) {
            return true;
        }
    }
    false
}

/// The first line not of the user's own text: the forwarded block, the signature.
fn is_end_of_own_text(line: &str) -> bool {
    let trimmed = line.trim();
    trimmed == "--"
        || line.trim_end_matches(['\r', '\n']) == "-- "
        || ["---------- message transfere", "---------- forwarded message", "-----original message-----"]
            .iter()
            .any(|start| fold(trimmed).starts_with(start))
}

/// Whether a folded line holds a mention (as whole words).
fn line_mentions(line: &str) -> bool {
    let words: Vec<&str> = line.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    let joint = |w: &str| matches!(w, "joint" | "jointe" | "joints" | "jointes");
    words.iter().enumerate().any(|(i, word)| {
        let next = words.get(i + 1).copied().unwrap_or("");
        match *word {
            "pj" | "pjs" | "jointe" | "jointes" | "joins" => true,
            "attach" | "attached" | "attaching" | "attachment" | "attachments" | "enclosed" => true,
            "ci" | "piece" | "pieces" | "fichier" | "fichiers" | "document" | "documents" => joint(next),
            _ => false,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::mentions_attachment;

    #[test]
    fn mentions_in_the_users_own_words() {
        for text in [
            "Veuillez trouver ci-joint le compte rendu.",
            "Le planning en PJ.",
            "PJ : autorisation de sortie",
            "Voir les pièces jointes.",
            "Voir la PIÈCE JOINTE",
            "Ci-jointe la convocation.",
            "Ci-joints les bulletins",
            "ci jointes les photos",
            "Je vous joins le dossier.",
            "Le fichier joint est à signer.",
            "Les documents joints",
            "Les photos jointes",
            "Please find attached the minutes.",
            "See the attachment.",
            "Two attachments",
            "I attach the report",
            "Bonjour,\n\nvoir pièce-jointe\n\n-- \nSophie",
        ] {
            assert!(mentions_attachment(text), "{text:?}");
        }
    }

    #[test]
    fn no_mention_in_other_words_quotes_or_the_forwarded_block() {
        for text in [
            "",
            "Une jointure de tables.",
            "Le projet de loi PJL est voté.",
            "Les joints de la fenêtre.",
            "Rendez-vous pjour",
            "attachant, cet élève",
            "Merci !\n\nLe 12 mars 2026 à 09:14, Sophie Aubert a écrit :\n> Voir la pièce jointe.\n>> attached",
            "   > en PJ",
            "Pour info.\n\n---------- Message transféré ----------\nDe : Sophie\n\nCi-joint le planning.",
            "FYI\n\n---------- Forwarded message ----------\nSee attached.",
            "Bonjour\n\n-- \nSophie Aubert\nMerci de ne pas imprimer ce message ni ses pièces jointes.",
        ] {
            assert!(!mentions_attachment(text), "{text:?}");
        }
    }
}
