"""Recurring / templated mail: weekly staff letter, Scolaria and ENT notifications,
photocopy requests, HTML newsletters, phishing, junk, drafts and trash."""
import datetime as dt
import random

from engine import T, one
from atts import pdf
from content_a import CC, C2B, C1G, CST, SOR, ADM, SYN, PRJ
from seedlib import fr_date, h

R = random.Random(20261123)

# ------------------------------------------------------------------ weekly letter
HOLIDAYS = [(dt.date(2025, 12, 20), dt.date(2026, 1, 4)), (dt.date(2026, 2, 21), dt.date(2026, 3, 8)),
            (dt.date(2026, 4, 18), dt.date(2026, 5, 3)), (dt.date(2026, 7, 4), dt.date(2026, 8, 30)),
            (dt.date(2026, 10, 17), dt.date(2026, 11, 1))]

DATED = [  # (date, item)
    ("2025-12-02", "Mardi 2 décembre, 12h30 : réunion du conseil de la vie lycéenne (CVL) en salle B110."),
    ("2025-12-04", "Jeudi 4 décembre : intervention de la gendarmerie sur les usages des réseaux sociaux pour les 2nde (en classe, heures de vie de classe)."),
    ("2025-12-09", "Du 8 au 12 décembre : conseils de classe du 1er trimestre (calendrier envoyé le 25 novembre)."),
    ("2025-12-16", "Mardi 16 décembre : journée de grève nationale. Merci de signaler aux élèves les éventuelles modifications via Scolaria."),
    ("2025-12-18", "Jeudi 18 décembre : repas de Noël au restaurant scolaire ; le service du midi sera prolongé jusqu'à 13h45."),
    ("2026-01-08", "Jeudi 8 janvier, 17h : galette des rois offerte par l'association sportive en salle des professeurs."),
    ("2026-01-16", "Vendredi 16 janvier, 16h30-20h : réunion parents-professeurs des classes de 2nde."),
    ("2026-01-22", "Jeudi 22 janvier : plusieurs collègues en formation (oral EAF) ; remplacements affichés en salle des profs."),
    ("2026-01-28", "Mercredi 28 janvier : bac blanc de français pour les 1res (8h-12h), salles du bâtiment C."),
    ("2026-01-31", "Samedi 31 janvier, 9h-13h : journée portes ouvertes du lycée. Merci aux volontaires de se signaler."),
    ("2026-02-12", "Jeudi 12 février : heure d'information syndicale à 12h15 (salle B110)."),
    ("2026-02-17", "Mardi 17 février, 17h30 : conseil pédagogique (DHG 2026)."),
    ("2026-02-19", "Jeudi 19 février : les fiches de vœux de spécialités des 2nde sont à remettre aux professeurs principaux."),
    ("2026-03-11", "Mercredi 11 mars : journée académique des lettres (retransmission en salle B210 à partir de 9h)."),
    ("2026-03-17", "Du 16 au 20 mars : conseils de classe du 2e trimestre."),
    ("2026-03-19", "Jeudi 19 mars après-midi : sortie au théâtre de la 2nde B (Mme Martin, M. Roux, M. Mercier)."),
    ("2026-03-26", "Jeudi 26 mars : exercice d'évacuation incendie (date non communiquée aux élèves)."),
    ("2026-04-02", "Jeudi 2 avril : semaine de la presse et des médias au CDI ; expositions dans le hall."),
    ("2026-04-08", "Mercredi 8 avril : mini-stages de découverte de la série STMG pour les 2nde volontaires."),
    ("2026-04-15", "Mercredi 15 avril, 14h : première réunion du groupe de travail sur le projet d'établissement."),
    ("2026-05-05", "Mardi 5 mai : rencontre avec l'autrice Élise Fauré (2nde B et 1re G3), déjeuner au restaurant scolaire."),
    ("2026-05-12", "Semaine du 11 mai : oraux blancs de français pour toutes les classes de 1re."),
    ("2026-05-20", "Mercredi 20 mai, 13h : remise des prix du concours de nouvelles au CDI."),
    ("2026-05-28", "Jeudi 28 mai, 18h30 : spectacle de l'atelier théâtre en salle polyvalente. Venez nombreux !"),
    ("2026-06-04", "Jeudi 4 juin : fin des cours pour les terminales ; les salles du bâtiment C sont réservées aux examens dès le 8 juin."),
    ("2026-06-09", "Du 8 au 12 juin : conseils de classe du 3e trimestre."),
    ("2026-06-11", "Jeudi 11 juin : épreuve écrite anticipée de français ; le lycée est centre d'examen (cours suspendus pour les 2nde)."),
    ("2026-06-13", "Samedi 13 juin : fête du lycée organisée par l'APE, de 14h à 18h."),
    ("2026-06-23", "Mardi 23 juin, 17h : conseil pédagogique (répartition des services 2026-2027)."),
    ("2026-07-03", "Vendredi 3 juillet, 12h30 : pot de fin d'année et départ de René Castel."),
    ("2026-09-03", "Jeudi 3 septembre : remise des manuels scolaires (2nde) au CDI, selon le planning affiché."),
    ("2026-09-10", "Jeudi 10 septembre : photos de classe (planning par classe envoyé aux professeurs principaux)."),
    ("2026-09-17", "Jeudi 17 septembre : élections des délégués de classe (heures de vie de classe)."),
    ("2026-09-24", "Jeudi 24 septembre, 18h : réunion de rentrée des parents de 2nde ; vendredi 25 : parents de 1re."),
    ("2026-10-01", "Jeudi 1er octobre : date limite de dépôt des projets de sorties du 2e trimestre."),
    ("2026-10-09", "Vendredi 9 octobre : élections des représentants des parents et des élèves au conseil d'administration."),
    ("2026-10-15", "Jeudi 15 octobre : cross du lycée (après-midi banalisé pour les 2nde)."),
    ("2026-11-03", "Mardi 3 novembre : visites d'inspection de plusieurs collègues de lettres et de mathématiques."),
    ("2026-11-05", "Jeudi 5 novembre : forum des métiers et des formations pour les 1res et terminales, 13h30-17h."),
    ("2026-11-10", "Mardi 10 novembre : conseil d'administration à 17h30 (budget 2027)."),
    ("2026-11-12", "Jeudi 12 novembre : journée nationale de lutte contre le harcèlement ; ateliers pHARe en 2nde."),
    ("2026-11-19", "Jeudi 19 novembre : café des parents organisé par l'APE à 8h au foyer."),
    ("2026-11-26", "Jeudi 26 novembre, 16h30-20h : réunion parents-professeurs des classes de 1re."),
    ("2026-12-01", "Mardi 1er décembre, 17h30 : conseil d'administration (programmation des voyages)."),
]
GENERIC = [
    "Le photocopieur de la salle des professeurs est de nouveau en panne ; merci d'utiliser celui du CDI ou de passer par la reprographie (48 h de délai).",
    "Pensez à vérifier vos casiers : plusieurs courriers nominatifs y attendent depuis plus d'une semaine.",
    "Les appels doivent être faits dans Scolaria dans les 10 premières minutes de chaque heure de cours.",
    "La salle B106 (informatique) se réserve désormais via l'ENT, onglet « Réservations ».",
    "Le parking du personnel sera partiellement fermé mercredi matin pour l'élagage des platanes.",
    "Rappel : les élèves ne doivent pas rester seuls dans les salles pendant les récréations.",
    "Le restaurant scolaire propose un menu végétarien chaque mardi et jeudi ; pensez à réserver vos repas sur la borne.",
    "Les demandes d'autorisation d'absence doivent parvenir au secrétariat au moins 8 jours à l'avance, sauf urgence.",
    "L'infirmerie sera fermée jeudi après-midi (Mme Meyer en réunion à la DSDEN) ; les élèves seront orientés vers la vie scolaire.",
    "La machine à café de la salle des professeurs a été réparée : merci à l'amicale du personnel !",
    "Merci de ne pas laisser de documents nominatifs d'élèves sur les tables de la salle des professeurs.",
    "Les clés empruntées à la loge doivent être rendues le soir même.",
    "Un casier à objets trouvés est à disposition à la vie scolaire : gourdes, calculatrices et trois parapluies attendent leurs propriétaires.",
    "Le CDI accueille une exposition sur les métiers du livre ; n'hésitez pas à y conduire vos classes.",
    "Les vidéoprojecteurs du 2e étage du bâtiment B ont été changés ; un câble HDMI est fixé sur chaque bureau.",
    "Les fiches de suivi des élèves en retenue sont à déposer dans la bannette de la vie scolaire.",
]


def weeks():
    d = dt.date(2025, 12, 1)
    while d <= dt.date(2026, 11, 16):
        if not any(a <= d <= b for a, b in HOLIDAYS):
            yield d
        d += dt.timedelta(days=7)


def weekly_letters():
    gi = 0
    for n, monday in enumerate(weeks(), start=1):
        sunday = monday + dt.timedelta(days=6)
        items = [t for (ds, t) in DATED
                 if monday <= dt.date.fromisoformat(ds) <= sunday + dt.timedelta(days=3)][:3]
        k = 2 if len(items) < 2 else 1
        for _ in range(k):
            items.append(GENERIC[gi % len(GENERIC)])
            gi += 1
        hour = R.choice(["07:05", "07:18", "07:31", "07:44", "06:58"])
        body = ["Bonjour à toutes et à tous,", "",
                f"Voici les informations de la semaine du {fr_date(monday, True)} :", ""]
        for it in items:
            body.append(f"• {it}")
            body.append("")
        body.append(R.choice(["Bonne semaine à toutes et à tous,", "Je vous souhaite une excellente semaine,",
                              "Bonne semaine,", "Merci à toutes et à tous, et bonne semaine,"]))
        kw = {}
        if monday >= dt.date(2026, 11, 16):
            kw["unread"] = True
        one("adjoint", "equipe", f"Informations de la semaine — {monday.day:02d}/{monday.month:02d}",
            f"{monday.isoformat()} {hour}", "\n".join(body), **kw)


# ------------------------------------------------------------------ Scolaria / ENT notifications
SCOL_FOOT = ("\n\n—\nCe message a été envoyé automatiquement par Scolaria, le logiciel de vie scolaire du "
             "Lycée Jean-Moulin. Merci de ne pas y répondre.\nGérer mes notifications : "
             "https://jean-moulin.scolaria.example.com/parametres/notifications")
ENT_FOOT = ("\n\n—\nENT Éclat — l'espace numérique de travail des lycées de l'académie des Cévennes\n"
            "https://eclat.ac-cevennes.fr — Vous recevez ce message car les notifications par courriel "
            "sont activées dans vos préférences.")

SCOLARIA = [
    ("2025-11-24 06:30", "[Scolaria] Rappel : saisie des appréciations du 1er trimestre",
     "Bonjour Madame MARTIN,\n\nLa période de saisie des appréciations du 1er trimestre se termine "
     "le vendredi 5 décembre 2025 à 23h59.\n\nClasses concernées : 2nde B (PP), 1re G3, 1re STMG 2.\n"
     "État de votre saisie : 0 / 94 appréciations."),
    ("2025-12-04 22:10", "[Scolaria] Nouveau message de Mme DA SILVA Maria",
     "Vous avez reçu un nouveau message dans la messagerie Scolaria.\n\nDe : Mme DA SILVA Maria "
     "(responsable de DA SILVA Noah, 2nde B)\nObjet : Rendez-vous de vendredi\n\nPour le lire, "
     "connectez-vous à Scolaria."),
    ("2025-12-08 07:00", "[Scolaria] Absences : 3 nouvelles absences en 2nde B",
     "Bonjour,\n\nLes absences suivantes ont été saisies pour la classe de 2nde B (dont vous êtes "
     "professeure principale) :\n- DA SILVA Noah : lundi 8 décembre, 8h-12h (non justifiée)\n"
     "- MANSOURI Ilyes : lundi 8 décembre, 8h-9h (retard > 15 min)\n- GILLES Manon : lundi 8 décembre, "
     "journée (motif médical)"),
    ("2026-01-06 18:45", "[Scolaria] Devoirs rendus en ligne : 1re G3",
     "14 élèves de 1re G3 ont déposé leur travail « Commentaire — Baudelaire, À une passante » dans le "
     "cahier de textes.\nDate limite : mercredi 7 janvier 2026, 20h00."),
    ("2026-01-14 07:30", "[Scolaria] Rendez-vous parents-professeurs : votre planning",
     "Votre planning pour la réunion parents-professeurs du vendredi 16 janvier 2026 est disponible.\n\n"
     "Nombre de rendez-vous : 19 (16h30 – 19h50)\nSalle : B204"),
    ("2026-02-02 12:00", "[Scolaria] Cahier de textes : 3 séances à renseigner",
     "Les séances suivantes n'ont pas de contenu dans le cahier de textes :\n- 1re STMG 2 : mardi 27 janvier\n"
     "- 2nde B : jeudi 29 janvier (sortie musée)\n- 1re G3 : vendredi 30 janvier"),
    ("2026-03-13 06:30", "[Scolaria] Rappel : saisie des appréciations du 2e trimestre",
     "La saisie des appréciations du 2e trimestre se termine le samedi 14 mars 2026 à 23h59.\n"
     "État de votre saisie : 71 / 94 appréciations."),
    ("2026-03-24 12:05", "[Scolaria] Incident enregistré — 1re STMG 2",
     "Votre rapport d'incident concernant BOYER Dylan (1re STMG 2) a été transmis à la vie scolaire.\n"
     "Référence : INC-2026-0148."),
    ("2026-04-03 16:20", "[Scolaria] Nouveau message de M. LEFORT Philippe",
     "Vous avez reçu un nouveau message dans la messagerie Scolaria.\n\nDe : M. LEFORT Philippe "
     "(responsable de LEFORT Mathis, 2nde B)\nObjet : Stage d'observation\n\nPour le lire, connectez-vous à Scolaria."),
    ("2026-05-29 06:30", "[Scolaria] Orientation : vœux définitifs de la 2nde B",
     "Les familles de 2nde B ont saisi 31 vœux définitifs sur 32.\nFamille n'ayant pas encore saisi : "
     "DA SILVA Noah.\nDate limite : vendredi 5 juin 2026."),
    ("2026-06-05 06:30", "[Scolaria] Rappel : saisie des appréciations du 3e trimestre",
     "La saisie des appréciations du 3e trimestre se termine le dimanche 7 juin 2026 à 23h59.\n"
     "État de votre saisie : 88 / 94 appréciations."),
    ("2026-09-01 06:00", "[Scolaria] Bienvenue dans l'année 2026-2027",
     "Vos services pour l'année 2026-2027 ont été importés : 2nde B (PP), 2nde D, 1re G3, 1re STMG 2, "
     "Atelier théâtre.\nPensez à vérifier vos groupes et à paramétrer vos périodes de notation."),
    ("2026-09-18 17:35", "[Scolaria] Élections des délégués : résultats à saisir",
     "Les résultats de l'élection des délégués de 2nde B n'ont pas encore été saisis.\nMerci de le faire "
     "avant le vendredi 25 septembre."),
    ("2026-10-02 19:10", "[Scolaria] Nouveau message de Mme CORDIER Émilie",
     "Vous avez reçu un nouveau message dans la messagerie Scolaria.\n\nDe : Mme CORDIER Émilie "
     "(responsable de CORDIER Jules, 2nde B)\nObjet : Manuel de français\n\nPour le lire, connectez-vous à Scolaria."),
    ("2026-10-12 06:45", "[Scolaria] Absences : 2 nouvelles absences en 2nde B",
     "- BENSAÏD Aya : lundi 12 octobre, 8h-10h (non justifiée)\n- HOARAU Nathan : lundi 12 octobre, "
     "8h-9h (retard)"),
    ("2026-11-04 07:20", "[Scolaria] Devoirs rendus en ligne : 2nde D",
     "22 élèves de 2nde D ont déposé leur travail « Écriture poétique — un blason » dans le cahier de textes."),
    ("2026-11-13 18:02", "[Scolaria] Nouveau message de M. TOUMI Hakim",
     "Vous avez reçu un nouveau message dans la messagerie Scolaria.\n\nDe : M. TOUMI Hakim "
     "(responsable de TOUMI Naël, 1re STMG 2)\nObjet : Absence vendredi\n\nPour le lire, connectez-vous à Scolaria."),
    ("2026-11-16 06:30", "[Scolaria] Rappel : saisie des appréciations du 1er trimestre",
     "La période de saisie des appréciations du 1er trimestre se termine le mardi 1er décembre 2026 à 23h59.\n"
     "Classes concernées : 2nde B (PP), 2nde D, 1re G3, 1re STMG 2.\nÉtat de votre saisie : 12 / 121 appréciations."),
    ("2026-11-19 12:40", "[Scolaria] Rendez-vous parents-professeurs : votre planning",
     "Votre planning pour la réunion parents-professeurs des 1res du jeudi 26 novembre 2026 est disponible.\n"
     "Nombre de rendez-vous : 22 (16h30 – 19h30)\nSalle : B204 (partagée avec M. ROUX)"),
    ("2026-11-20 17:15", "[Scolaria] Devoirs rendus en ligne : 1re G3",
     "27 élèves de 1re G3 ont déposé leur travail « Dissertation — Lagarce » dans le cahier de textes.\n"
     "Date limite : dimanche 22 novembre 2026, 20h00."),
    ("2026-11-23 07:01", "[Scolaria] Absences : 4 nouvelles absences dans vos classes",
     "- NAVARRO Elias (2nde D) : lundi 23 novembre, 8h-12h (motif médical, justifié)\n"
     "- HOARAU Nathan (2nde B) : lundi 23 novembre, 8h-9h (retard)\n- ARNAL Zoé (2nde B) : lundi 23 novembre, 8h-9h (retard, bus)\n"
     "- MAZET Lou (2nde D) : lundi 23 novembre, journée (non justifiée)"),
]

ENT = [
    ("2025-12-01 10:12", "Amélie Perrin a partagé un document avec vous",
     "Amélie Perrin a partagé le document « Bac blanc 2026 — propositions de sujets.docx » dans l'espace "
     "« Lettres — équipe ».\n\nOuvrir le document : https://eclat.ac-cevennes.fr/espaces/lettres-equipe"),
    ("2026-01-27 09:40", "Nouveau billet sur le blog du lycée",
     "Élodie Chabert a publié un billet sur le blog « Lycée Jean-Moulin — Vie culturelle » : "
     "« Le concours de nouvelles est lancé ! »."),
    ("2026-02-10 08:15", "Votre billet a été publié",
     "Votre billet « Visite au musée des Cévennes : écrire la montagne » a été validé par la modération "
     "et publié sur le blog du lycée. 2 photos, 3 textes d'élèves."),
    ("2026-03-02 03:00", "Maintenance de l'ENT dans la nuit du 4 au 5 mars",
     "Une opération de maintenance aura lieu dans la nuit du mercredi 4 au jeudi 5 mars, de 22h à 6h. "
     "L'ENT sera inaccessible pendant cette période."),
    ("2026-05-21 14:30", "12 nouveaux commentaires sur votre billet",
     "Votre billet « Remise des prix du concours de nouvelles » a reçu 12 nouveaux commentaires.\n"
     "Les commentaires d'élèves sont soumis à votre modération."),
    ("2026-09-07 21:07", "Julien Roux a partagé un document avec vous",
     "Julien Roux a partagé le document « Progression HG 2nde B 2026-2027.pdf » dans l'espace "
     "« Équipe 2nde B »."),
    ("2026-10-09 08:02", "Amélie Perrin vous a donné des droits de modification",
     "Amélie Perrin vous a donné des droits de modification sur le dossier « Séquence Maupassant 2nde »."),
    ("2026-11-02 07:00", "Votre espace de stockage est utilisé à 85 %",
     "Votre espace personnel utilise 4,25 Go sur 5 Go. Pensez à supprimer les fichiers inutiles ou "
     "à les déplacer dans les espaces de classe."),
    ("2026-11-21 11:24", "Nouveau dépôt dans « 1re G3 — Bac de français »",
     "Yasmine Ouali a déposé un fichier dans le casier « Fiches de lecture » : « Fiche de lecture — "
     "Juste la fin du monde.pdf »."),
]


def notifications():
    for date, subject, body in SCOLARIA:
        folder = None
        if "Incident" in subject:
            folder = CST
        one("scolaria", "claire", subject, date, body + SCOL_FOOT, folder=folder)
    for date, subject, body in ENT:
        one("ent", "claire", subject, date, "Bonjour Claire Martin,\n\n" + body + ENT_FOOT)


# ------------------------------------------------------------------ reprographie
REPRO = [
    ("2025-12-01 16:40", "2nde B", "Questionnaire de lecture — Bel-Ami", 34, "jeudi 4 décembre",
     ["Questionnaire de lecture — Maupassant, Bel-Ami (chapitres 1 à 4)", "",
      "1. Quelle est la situation de Georges Duroy au début du roman ?",
      "2. Quel rôle joue la rencontre avec Forestier ?",
      "3. Relevez trois indices de l'ambition de Duroy dans le chapitre 2.",
      "4. Comment le dîner chez les Forestier est-il raconté ? Point de vue, rythme, dialogues.",
      "5. Écriture : en dix lignes, imaginez le journal intime de Duroy le soir du dîner."]),
    ("2026-01-12 12:10", "1re G3", "Sujet de bac blanc — commentaire", 30, "mercredi 28 janvier",
     ["Épreuve anticipée de français — bac blanc", "Durée : 4 heures", "",
      "Commentaire : Arthur Rimbaud, « Ma Bohème », Cahiers de Douai (1870).",
      "Vous ferez le commentaire de ce poème.", "",
      "(Texte intégral reproduit au verso.)"]),
    ("2026-03-02 18:20", "2nde B", "Cyrano — acte III, scène 7 : questionnaire", 34, "lundi 9 mars",
     ["Cyrano de Bergerac, acte III, scène 7 (la scène du balcon)", "",
      "1. Qui parle réellement à Roxane ? Quel est l'effet produit sur le spectateur ?",
      "2. Étudiez l'opposition entre les répliques de Christian et celles de Cyrano.",
      "3. Relevez les images du « baiser » dans la tirade de Cyrano.",
      "4. Préparez une lecture expressive à trois voix pour le prochain cours."]),
    ("2026-09-28 17:05", "2nde D", "Groupement « Dire l'amour » — textes", 33, "jeudi 1er octobre",
     ["Groupement de textes — Dire l'amour", "",
      "Texte 1 : Marie de France, Le Lai du chèvrefeuille (extrait)",
      "Texte 2 : Louise Labé, Sonnet VIII « Je vis, je meurs... »",
      "Texte 3 : Pierre de Ronsard, « Quand vous serez bien vieille... »",
      "Texte 4 : Jean de La Fontaine, « Les Deux Pigeons » (extrait)"]),
    ("2026-11-13 16:30", "1re STMG 2", "Bac blanc — dossier de révision", 28, "lundi 23 novembre",
     ["Dossier de révision — méthode du commentaire", "",
      "1. Lire le texte trois fois : impression, repérages, hypothèses de lecture.",
      "2. Construire une problématique qui porte sur le « comment » et le « pourquoi ».",
      "3. Organiser deux ou trois axes, chacun en deux ou trois sous-parties.",
      "4. Rédiger : citation courte, procédé, interprétation.",
      "Exercice : Victor Hugo, « Demain, dès l'aube... » — proposez un plan détaillé."]),
]


def repro():
    for i, (date, klass, title, n, when, lines) in enumerate(REPRO):
        fn = f"{title.split(' — ')[0]} — {klass}.pdf".replace("/", "-")
        T(f"Photocopies {klass} — {title}", date).m("claire", "repro", f"""
Bonjour Didier,

Pourriez-vous me tirer {n} exemplaires du document ci-joint (recto-verso, agrafés)
pour {when} ? Je passerai les chercher au casier.

Merci beaucoup !
Claire
""", att=[pdf(fn, title, lines, date.replace("-", "").replace(" ", "").replace(":", "") + "00", "Claire Martin")]).m(
            "repro", "claire", R.choice([
                "Bonjour Madame Martin,\n\nC'est prêt, dans votre casier.\n\nDidier",
                "Bonjour,\n\nVos photocopies sont prêtes, je les ai déposées dans votre casier.\n"
                "Bonne journée,\nDidier",
                "C'est fait, {n} exemplaires agrafés dans votre casier.\nDidier".format(n=n)]),
            at="+1d10:" + str(10 + i * 7), unread=False)


# ------------------------------------------------------------------ newsletters (HTML)
def nl_html(brand, color, title, intro, articles, footer, track, banner, issue):
    rows = []
    for a_title, a_text, a_link, a_img in articles:
        rows.append(f"""
<tr><td style="padding:16px 24px;border-bottom:1px solid #e5e5e5;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0"><tr>
<td width="140" valign="top" style="padding-right:16px;"><img src="{a_img}" width="140" height="90" alt="" style="display:block;border:0;border-radius:4px;"></td>
<td valign="top" style="font-family:Arial,Helvetica,sans-serif;font-size:14px;line-height:20px;color:#333333;">
<h2 style="margin:0 0 6px 0;font-size:17px;color:{color};">{a_title}</h2>
<p style="margin:0 0 8px 0;">{a_text}</p>
<a href="{a_link}" style="color:{color};font-weight:bold;text-decoration:none;">Lire la suite &rarr;</a>
</td></tr></table></td></tr>""")
    return f"""<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>{title}</title></head>
<body style="margin:0;padding:0;background:#f2f2f2;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background:#f2f2f2;">
<tr><td align="center" style="padding:20px 0;">
<table role="presentation" width="600" cellpadding="0" cellspacing="0" border="0" style="background:#ffffff;">
<tr><td style="font-family:Arial,Helvetica,sans-serif;font-size:11px;color:#888888;padding:8px 24px;text-align:right;">
Vous n'arrivez pas à lire ce message ? <a href="{banner.rsplit('/', 1)[0]}/web/{issue}" style="color:#888888;">Version en ligne</a></td></tr>
<tr><td style="background:{color};padding:0;"><img src="{banner}" width="600" height="120" alt="{brand}" style="display:block;border:0;"></td></tr>
<tr><td style="padding:20px 24px 8px 24px;font-family:Georgia,serif;font-size:24px;color:#222222;">{title}</td></tr>
<tr><td style="padding:0 24px 12px 24px;font-family:Arial,Helvetica,sans-serif;font-size:14px;line-height:21px;color:#444444;">{intro}</td></tr>
{''.join(rows)}
<tr><td style="padding:18px 24px;background:#fafafa;font-family:Arial,Helvetica,sans-serif;font-size:11px;line-height:16px;color:#777777;">
{footer}<br><a href="{banner.rsplit('/', 1)[0]}/desinscription?u=cm{issue}" style="color:#777777;">Se désinscrire</a> ·
<a href="{banner.rsplit('/', 1)[0]}/preferences" style="color:#777777;">Gérer mes préférences</a>
</td></tr></table>
<img src="{track}" width="1" height="1" alt="" style="display:block;width:1px;height:1px;border:0;">
</td></tr></table></body></html>
"""


def nl_text(title, intro, articles, footer):
    import re
    strip = lambda s: re.sub(r"<[^>]+>", "", s)
    out = [title.upper(), "", strip(intro), ""]
    for a_title, a_text, a_link, _ in articles:
        out += [f"■ {a_title}", strip(a_text), f"Lire la suite : {a_link}", ""]
    out += ["—", strip(footer)]
    return "\n".join(out)


NEWSLETTERS = [
    # sender, date, subject, brand, color, base url, intro, articles[(title, text, slug)], footer
    ("news_rect", "2025-12-03 11:00", "La Lettre de l'académie — décembre 2025", "Académie des Cévennes", "#1b4f8a",
     "https://lettre.ac-cevennes.fr",
     "Chères et chers collègues, voici les actualités de l'académie pour ce mois de décembre.",
     [("Plan académique de formation : 1 200 nouvelles places", "La DAFOR ouvre des sessions supplémentaires sur l'oral, l'inclusion et le numérique.", "formation-places"),
      ("Prix lycéen de la nouvelle : les inscriptions sont ouvertes", "Toutes les classes de lycée peuvent participer jusqu'au 15 janvier.", "prix-nouvelle"),
      ("Égalité filles-garçons : les ressources de l'académie", "Un nouveau parcours de sensibilisation pour les équipes pédagogiques.", "egalite")],
     "Rectorat de l'académie des Cévennes — Service communication — 1 place de la Préfecture, Montsauve."),
    ("news_mut", "2025-12-10 18:30", "Claire, votre bilan prévoyance 2026 vous attend", "Mutuelle Ardoise", "#0a7d6b",
     "https://news.mutuelle-ardoise.example.net",
     "Bonjour Claire, comme chaque fin d'année, faisons le point sur votre protection santé et prévoyance.",
     [("Vos garanties évoluent au 1er janvier", "Meilleurs remboursements en optique et en médecines douces, sans hausse de cotisation pour les adhérents de moins de 45 ans.", "garanties-2026"),
      ("Voix : prenez soin de votre outil de travail", "Nos ateliers « voix des enseignants » reprennent en janvier dans votre département.", "ateliers-voix"),
      ("Assurance scolaire : pensez aux sorties", "Votre responsabilité lors des sorties scolaires : ce que couvre votre contrat.", "sorties")],
     "Mutuelle Ardoise, mutuelle régie par le livre II du code de la mutualité (organisme fictif pour démonstration)."),
    ("news_edit", "2026-01-13 10:00", "Nouveautés 2026 : le manuel de français 1re et ses ressources numériques", "Éditions Plume & Craie", "#b0413e",
     "https://news.plume-et-craie.example.com",
     "Madame, découvrez nos nouveautés pour préparer les épreuves anticipées de français.",
     [("« Parcours littéraires » 1re : le spécimen est disponible", "Recevez gratuitement votre spécimen papier ou numérique.", "specimen-1re"),
      ("Les œuvres au programme 2026 en édition annotée", "Rimbaud, Prévost, Lagarce : appareil critique, dossiers et parcours associés.", "oeuvres-2026"),
      ("Webinaire : faire travailler la grammaire à l'oral", "Mercredi 4 février à 14h, avec une professeure formatrice.", "webinaire-grammaire")],
     "Éditions Plume & Craie — 18 rue des Imprimeurs, 75000 Paris (éditeur fictif)."),
    ("news_dane", "2026-01-20 16:00", "Lettre du numérique éducatif n° 14", "DANE des Cévennes", "#5b3b8c",
     "https://dane.ac-cevennes.fr/lettre",
     "Toute l'actualité du numérique éducatif dans l'académie.",
     [("Podcasts de classe : un tutoriel en 4 étapes", "Enregistrer, monter et publier sur l'ENT Éclat en toute sécurité.", "podcast"),
      ("Données personnelles : les bons réflexes", "Ce que vous pouvez (ou non) partager sur les outils en ligne.", "rgpd"),
      ("Prêt de matériel : la malle « Reportage » est disponible", "Micros, tablettes et trépieds, sur réservation.", "malle")],
     "DANE — Rectorat de l'académie des Cévennes."),
    ("news_rect", "2026-02-04 11:00", "La Lettre de l'académie — février 2026", "Académie des Cévennes", "#1b4f8a",
     "https://lettre.ac-cevennes.fr",
     "Au sommaire ce mois-ci : orientation, bien-être au travail et calendrier des examens.",
     [("Parcoursup : accompagner les élèves de terminale", "Ressources et calendrier pour les professeurs principaux.", "parcoursup"),
      ("Qualité de vie au travail : une enquête académique", "Donnez votre avis avant le 28 février.", "qvt"),
      ("Calendrier des examens 2026", "Toutes les dates du baccalauréat et des épreuves anticipées.", "examens-2026")],
     "Rectorat de l'académie des Cévennes — Service communication."),
    ("news_canopee", "2026-03-04 09:30", "Ateliers du printemps à l'Atelier Canopée", "Atelier Canopée Cévennes", "#c77700",
     "https://actu.canopee-cevennes.example.org",
     "Formations courtes, prêts de ressources et rencontres : le programme du printemps.",
     [("Théâtre en classe : jeux d'improvisation", "Mercredi 1er avril, 14h-17h, Montsauve.", "impro"),
      ("Escape game pédagogique : mode d'emploi", "Concevoir un jeu d'évasion pour réviser, en 3 heures.", "escape"),
      ("Nouvelle médiathèque : 200 albums et romans jeunesse", "Empruntez des séries de livres pour vos classes.", "mediatheque")],
     "Atelier Canopée Cévennes — 12 rue des Filatures, Montsauve (organisme fictif)."),
    ("news_mut", "2026-03-17 18:30", "Arrêt maladie, temps partiel : êtes-vous bien protégée ?", "Mutuelle Ardoise", "#0a7d6b",
     "https://news.mutuelle-ardoise.example.net",
     "Claire, dans la fonction publique, le demi-traitement arrive plus vite qu'on ne le croit.",
     [("Demi-traitement : ce qui change en 2026", "Notre guide pour comprendre vos droits et les compléments possibles.", "demi-traitement"),
      ("Simulateur de prévoyance", "En 2 minutes, estimez votre couverture.", "simulateur"),
      ("Concours photo des adhérents", "Thème 2026 : « La classe autrement ».", "concours-photo")],
     "Mutuelle Ardoise (organisme fictif pour démonstration)."),
    ("news_rect", "2026-04-08 11:00", "La Lettre de l'académie — avril 2026", "Académie des Cévennes", "#1b4f8a",
     "https://lettre.ac-cevennes.fr",
     "Mouvement intra-académique, printemps de la culture et réussite des élèves.",
     [("Mouvement intra-académique 2026 : les résultats le 17 juin", "Calendrier et foire aux questions.", "mouvement"),
      ("Printemps des lycéens au théâtre", "12 établissements et 900 élèves sur les scènes de l'académie.", "printemps-theatre"),
      ("Devoirs faits au lycée : premier bilan", "Les établissements pilotes témoignent.", "devoirs-faits")],
     "Rectorat de l'académie des Cévennes — Service communication."),
    ("news_edit", "2026-05-12 10:00", "Préparez la rentrée 2026 : vos spécimens offerts", "Éditions Plume & Craie", "#b0413e",
     "https://news.plume-et-craie.example.com",
     "Commandez dès maintenant vos spécimens pour la rentrée.",
     [("Manuel de 2nde « Horizons » : nouvelle édition", "Conforme aux programmes, avec 40 % de textes nouveaux.", "horizons-2nde"),
      ("Cahiers de grammaire pour le lycée", "Des exercices courts pour préparer la question de grammaire de l'oral.", "grammaire"),
      ("Offre établissement : -15 % jusqu'au 30 juin", "Sur les manuels papier et les licences numériques.", "offre")],
     "Éditions Plume & Craie (éditeur fictif)."),
    ("news_rect", "2026-06-03 11:00", "La Lettre de l'académie — juin 2026", "Académie des Cévennes", "#1b4f8a",
     "https://lettre.ac-cevennes.fr",
     "Dernière lettre de l'année : examens, mouvement et remerciements.",
     [("Session 2026 : 14 000 candidats dans l'académie", "Merci aux examinateurs et aux équipes des centres d'examen.", "session-2026"),
      ("Rentrée 2026 : ce qui change au lycée", "Nouvelles modalités des épreuves anticipées en 2027.", "rentree-2026"),
      ("Un été apprenant", "Les dispositifs de vacances apprenantes pour les lycéens.", "ete")],
     "Rectorat de l'académie des Cévennes — Service communication."),
    ("news_theatre", "2026-09-08 17:00", "Saison 2026-2027 : demandez le programme !", "Théâtre du Pont-Neuf", "#7a1f3d",
     "https://news.theatre-pontneuf.example.org",
     "Molière, Marivaux, Lagarce, création jeunesse et danse : 26 spectacles vous attendent.",
     [("Ouverture de saison le 2 octobre", "Soirée gratuite, sur réservation.", "ouverture"),
      ("Parcours scolaires : spectacles, ateliers, bords de plateau", "Pour les collèges et les lycées, dès 8 € la place.", "scolaires"),
      ("Abonnement enseignant", "4 spectacles pour 48 € sur présentation du Pass Éducation.", "abonnement")],
     "Théâtre du Pont-Neuf — scène conventionnée, Montsauve (lieu fictif)."),
    ("news_edit", "2026-09-15 10:00", "Nouveau : des corrigés vidéo pour l'EAF 2027", "Éditions Plume & Craie", "#b0413e",
     "https://news.plume-et-craie.example.com",
     "Pour vos élèves de 1re, une collection de corrigés commentés en vidéo.",
     [("30 vidéos de 8 minutes", "Commentaire, dissertation, explication linéaire, grammaire.", "videos"),
      ("Essai gratuit jusqu'au 31 octobre", "Pour vous et vos classes.", "essai"),
      ("Rencontre avec nos auteurs à Montsauve", "Samedi 10 octobre à la librairie Le Chat lettré.", "rencontre")],
     "Éditions Plume & Craie (éditeur fictif)."),
    ("news_rect", "2026-10-07 11:00", "La Lettre de l'académie — octobre 2026", "Académie des Cévennes", "#1b4f8a",
     "https://lettre.ac-cevennes.fr",
     "Rendez-vous de carrière, formation et semaine de la démocratie scolaire.",
     [("Rendez-vous de carrière 2026-2027", "Calendrier des campagnes et guide de l'entretien.", "rdv-carriere"),
      ("Semaine de la démocratie scolaire", "Élections des délégués et des représentants au CA.", "democratie"),
      ("Plan académique de formation : dernières places", "Inscriptions complémentaires jusqu'au 16 octobre.", "paf")],
     "Rectorat de l'académie des Cévennes — Service communication."),
    ("news_dane", "2026-10-13 16:00", "Lettre du numérique éducatif n° 19", "DANE des Cévennes", "#5b3b8c",
     "https://dane.ac-cevennes.fr/lettre",
     "Intelligence artificielle en classe, nouvelles fonctions de l'ENT et appels à projets.",
     [("IA générative : cadre d'usage pour les enseignants", "Ce qui est permis, ce qui ne l'est pas, et des idées d'activités.", "ia"),
      ("ENT Éclat : la nouvelle messagerie arrive", "Une messagerie plus rapide, compatible avec vos applications.", "messagerie"),
      ("Appel à projets « Écrire et publier en ligne »", "Les 12 projets retenus pour 2026-2027.", "projets")],
     "DANE — Rectorat de l'académie des Cévennes."),
    ("news_canopee", "2026-11-04 09:30", "Programme de l'automne à l'Atelier Canopée", "Atelier Canopée Cévennes", "#c77700",
     "https://actu.canopee-cevennes.example.org",
     "Des ateliers courts, le mercredi après-midi, pour tous les personnels.",
     [("Lire à voix haute en classe", "Mercredi 25 novembre, 14h-17h.", "voix-haute"),
      ("Créer un podcast avec ses élèves", "Mercredi 2 décembre, 14h-17h.", "podcast"),
      ("Exposition : 100 ans d'affiches scolaires", "Jusqu'au 19 décembre.", "affiches")],
     "Atelier Canopée Cévennes (organisme fictif)."),
    ("news_mut", "2026-11-18 18:30", "Claire, -20 % sur votre assurance habitation jusqu'au 30 novembre", "Mutuelle Ardoise", "#0a7d6b",
     "https://news.mutuelle-ardoise.example.net",
     "Une offre réservée aux adhérents, valable jusqu'au 30 novembre.",
     [("Assurance habitation : -20 % la première année", "Pour toute nouvelle souscription avant le 30 novembre.", "habitation"),
      ("Votre attestation fiscale 2026", "Disponible dans votre espace adhérent.", "attestation"),
      ("Webinaire : préparer sa retraite d'enseignant", "Jeudi 3 décembre à 18h.", "retraite")],
     "Mutuelle Ardoise (organisme fictif pour démonstration)."),
    ("news_rect", "2026-11-23 06:50", "La Lettre de l'académie — novembre 2026", "Académie des Cévennes", "#1b4f8a",
     "https://lettre.ac-cevennes.fr",
     "Lutte contre le harcèlement, conseils de classe et nouvelle messagerie académique.",
     [("Harcèlement : le programme pHARe dans tous les lycées", "Bilan de la journée du 12 novembre et ressources.", "phare"),
      ("Une nouvelle messagerie pour tous les personnels", "Plus simple, plus rapide, accessible depuis tous vos appareils.", "messagerie"),
      ("Conseils de classe : guide à l'usage des délégués", "Une fiche à partager avec vos élèves.", "delegues")],
     "Rectorat de l'académie des Cévennes — Service communication."),
]


def newsletters():
    for i, (sender, date, subject, brand, color, base, intro, arts, footer) in enumerate(NEWSLETTERS):
        issue = h(subject)[:8]
        articles = [(t, x, f"{base}/articles/{slug}?utm_source=newsletter&utm_medium=email&utm_campaign={issue}",
                     f"{base}/img/{slug}.jpg") for (t, x, slug) in arts]
        track = f"{base}/o/{issue}/cm{(i * 7919) % 100000:05d}.gif"
        html = nl_html(brand, color, subject, intro, articles, footer, track, f"{base}/img/banniere.png", issue)
        text = nl_text(subject, intro, articles, footer)
        unread = None
        if date[:10] in ("2026-10-13", "2026-11-04", "2026-11-18", "2026-11-23", "2026-09-15"):
            unread = True
        msg_kw = {"html": html, "sig": False, "headers": [("List-Unsubscribe", f"<{base}/desinscription?u=cm{issue}>")]}
        if unread:
            msg_kw["unread"] = True
        to = "claire"
        one(sender, to, subject, date, text, **msg_kw)


# ------------------------------------------------------------------ phishing, junk, drafts, trash
PHISH_HTML = """<html><body style="font-family:Arial,sans-serif;font-size:14px;color:#222;">
<table width="560" cellpadding="0" cellspacing="0" border="0" style="border:1px solid #cc0000;">
<tr><td style="background:#cc0000;color:#ffffff;padding:12px;font-size:18px;font-weight:bold;">
&#9888; ALERTE SÉCURITÉ — Messagerie académique</td></tr>
<tr><td style="padding:16px;">
<p>Cher(e) utilisateur,</p>
<p>Votre boîte aux lettres a atteint <b>99% de sa capacitée</b>. Vous ne pourrez bientot plus
recevoir ou envoyé de messages.</p>
<p>Pour eviter la suppression définitif de votre compte, vous devez <b>valider votre compte
sous 24 h</b> en cliquant sur le lien ci dessous :</p>
<p style="text-align:center;"><a href="http://ac-cevennes-support.example.net/owa/verify.php?id=claire.martin" style="font-size:16px;color:#0645ad;">https://messagerie.ac-cevennes.fr</a></p>
<p>Passer ce delai, votre compte sera desactivé et tous vos messages seront perdus.</p>
<p>Cordialement,<br>Le service technique de la Messagerie Academique<br>
<span style="font-size:11px;color:#777;">© 2026 Académie. Tous droits réservé.</span></p>
</td></tr></table>
<img src="http://ac-cevennes-support.example.net/t.gif?u=claire.martin" width="1" height="1" alt="">
</body></html>
"""
PHISH_TEXT = """Cher(e) utilisateur,

Votre boîte aux lettres a atteint 99% de sa capacitée. Vous ne pourrez bientot plus
recevoir ou envoyé de messages.

Pour eviter la suppression définitif de votre compte, vous devez valider votre compte
sous 24 h en cliquant sur le lien ci dessous :

https://messagerie.ac-cevennes.fr <http://ac-cevennes-support.example.net/owa/verify.php?id=claire.martin>

Passer ce delai, votre compte sera desactivé et tous vos messages seront perdus.

Cordialement,
Le service technique de la Messagerie Academique
"""


def misc():
    one("phish", "claire", "URGENT : Votre boîte aux lettres est pleine — validez votre compte sous 24 h",
        "2026-11-23 06:12", PHISH_TEXT, html=PHISH_HTML, sig=False, unread=True,
        headers=[("X-Priority", "1 (Highest)"), ("Importance", "high")])
    junk = [
        ("spam1", "2026-10-28 03:14", "Enseignants : jusqu'à -70 % sur vos vacances de Noël !!!",
         "Offre exclusive réservée aux enseignants ! Profitez de -70 % sur des séjours au soleil.\n"
         "Cliquez vite, les places sont limitées : http://privilege-profs.example.net/noel\n\n"
         "Pour ne plus recevoir nos offres, répondez STOP."),
        ("spam2", "2026-11-14 11:47", "Votre compte CPF : 1 500 € de droits expirent bientôt",
         "Madame, Monsieur,\n\nVos droits à la formation arrivent à expiration. Appelez-nous ou "
         "cliquez ici pour les utiliser avant qu'il ne soit trop tard : http://cpf-express.example.com/go\n"
         "(Ce message n'émane pas d'un organisme public.)"),
        ("spam3", "2026-11-20 15:02", "Séjours linguistiques 2027 : devis gratuit pour votre classe",
         "Bonjour,\n\nOrganisez votre séjour linguistique à Londres, Dublin ou Malte à partir de 299 € "
         "par élève. Devis en 24 h !\nhttp://sejours-horizon.example.net/devis"),
    ]
    for s, d, subj, body in junk:
        one(s, "claire", subj, d, body, folder="Junk", sig=False, unread=(d > "2026-11-15"))

    # drafts
    one("claire", "p_ouali", "Re: Rendez-vous pour Yasmine (1re G3)", "2026-11-22 17:30", """
Bonsoir Madame Ouali,

Avec plaisir. Je peux vous recevoir le jeudi 26 novembre à 16h15, juste avant le début
de la réunion, en salle B204. Si cet horaire ne vous convient pas,
""", folder="Drafts")
    one("claire", "theatre", "Réservation — « Juste la fin du monde » (9 mars 2027)", "2026-11-21 10:05", """
Bonjour Madame Aymard,

Suite à votre message d'octobre, je souhaiterais réserver des places pour la représentation
de « Juste la fin du monde » du mardi 9 mars 2027 à 14h30, pour deux classes de 1re
(environ 60 élèves et 4 accompagnateurs).

[vérifier les effectifs exacts avec Amélie]
""", folder="Drafts")

    # trash
    one("librairie", "claire", "Rencontre-dédicace samedi à la librairie", "2026-10-20 09:12", """
Bonjour,

La librairie Le Chat lettré reçoit samedi 24 octobre à 16h l'autrice Élise Fauré pour
son nouveau roman, « La Rivière à l'envers ». Entrée libre.

Belle journée,
L'équipe du Chat lettré
""", folder="Trash")
    one("ent", "claire", "Maintenance de l'ENT dans la nuit du 14 au 15 octobre", "2026-10-12 03:00",
        "Bonjour Claire Martin,\n\nUne opération de maintenance aura lieu dans la nuit du mercredi 14 au jeudi "
        "15 octobre, de 22h à 6h. L'ENT sera inaccessible pendant cette période." + ENT_FOOT, folder="Trash")
    T("Covoiturage pour la formation du 14 décembre ?", "2026-11-10 13:22", folder="Trash").m(
        "pauline", "lettres", """
Bonjour à tous,

Quelqu'un d'autre va à la formation grammaire du 14 décembre à Montsauve ?
Je peux prendre trois personnes en voiture (départ du lycée à 8h).

Pauline
""")
    one("scolaria", "claire", "[Scolaria] Bienvenue dans la nouvelle version de Scolaria", "2026-08-25 06:00",
        "Bonjour,\n\nScolaria évolue ! Découvrez la nouvelle interface et les nouveautés de la version 2026.2 : "
        "cahier de textes simplifié, messagerie améliorée, saisie des notes hors connexion." + SCOL_FOOT,
        folder="Trash")


def build():
    weekly_letters()
    notifications()
    repro()
    newsletters()
    misc()
