"""Calendar events and tasks (one VCALENDAR per file)."""
import datetime as dt

from atts import vevent
from seedlib import make_ics, ical_escape, uid_for

D = lambda s: dt.datetime.strptime(s, "%Y-%m-%d %H:%M")
DAY = lambda s: dt.date.fromisoformat(s)
UNTIL = "UNTIL=20270704T000000Z"
LYC = "Lycée Jean-Moulin, Vallon-sur-Gardon"


def vtodo(uid, summary, due, desc, status="NEEDS-ACTION", completed=None, priority=5, categories="Travail"):
    L = ["BEGIN:VTODO", f"UID:{uid}", "DTSTAMP:20261123T070000Z", f"SUMMARY:{ical_escape(summary)}",
         f"DESCRIPTION:{ical_escape(desc)}", f"DUE;TZID=Europe/Paris:{due:%Y%m%dT%H%M%S}",
         f"STATUS:{status}", f"PRIORITY:{priority}", f"CATEGORIES:{ical_escape(categories)}"]
    if completed:
        L += [f"COMPLETED:{completed:%Y%m%dT%H%M%S}Z", "PERCENT-COMPLETE:100"]
    L.append("END:VTODO")
    return L


def claire():
    ev = []

    def add(name, *a, **k):
        uid = uid_for("claire:" + name)
        ev.append((uid, vevent(uid, *a, accepted=("claire",), **k)))

    def todo(name, *a, **k):
        uid = uid_for("claire:todo:" + name)
        ev.append((uid, vtodo(uid, *a, **k)))

    # weekly classes 2026-2027
    add("2ndeB", "2nde B — Français", D("2026-09-03 08:00"), D("2026-09-03 09:00"), f"Salle B204, {LYC}",
        "Cours de français, classe de 2nde B (professeure principale).", rrule=f"FREQ=WEEKLY;BYDAY=MO,TH;{UNTIL}",
        categories="Cours")
    add("2ndeD", "2nde D — Français", D("2026-09-04 10:00"), D("2026-09-04 11:00"), f"Salle B204, {LYC}",
        "Cours de français, classe de 2nde D.", rrule=f"FREQ=WEEKLY;BYDAY=TU,FR;{UNTIL}", categories="Cours")
    add("1reG3", "1re G3 — Français", D("2026-09-03 14:00"), D("2026-09-03 16:00"), f"Salle B204, {LYC}",
        "Cours de français, 1re générale 3 — préparation de l'EAF.", rrule=f"FREQ=WEEKLY;BYDAY=MO,TH;{UNTIL}",
        categories="Cours")
    add("1reSTMG", "1re STMG 2 — Français", D("2026-09-04 14:00"), D("2026-09-04 15:30"), f"Salle B204, {LYC}",
        "Cours de français, 1re STMG 2 — préparation de l'EAF.", rrule=f"FREQ=WEEKLY;BYDAY=TU,FR;{UNTIL}",
        categories="Cours")
    add("AP", "AP 2nde B — Méthodologie", D("2026-09-09 09:00"), D("2026-09-09 10:00"), f"Salle B204, {LYC}",
        "Accompagnement personnalisé : méthode du commentaire, expression écrite.",
        rrule=f"FREQ=WEEKLY;BYDAY=WE;{UNTIL}", categories="Cours")
    add("theatre", "Atelier théâtre", D("2026-09-10 12:30"), D("2026-09-10 13:45"), f"Salle polyvalente, {LYC}",
        "Atelier théâtre (option) — 2026-2027 : « L'Île des esclaves » de Marivaux.",
        rrule=f"FREQ=WEEKLY;BYDAY=TH;{UNTIL}", categories="Cours")
    add("conseil-peda", "Conseil pédagogique", D("2026-10-06 17:30"), D("2026-10-06 19:00"), f"Salle du conseil, {LYC}",
        "Conseil pédagogique mensuel (premier mardi du mois).", rrule=f"FREQ=MONTHLY;BYDAY=1TU;{UNTIL}",
        organizer="proviseure", attendees=["proviseure", "adjoint", "claire", "amelie", "yannick", "fatima"],
        categories="Réunion")
    # conseils de classe
    for key, klass, s, e, room in [
        ("cc-2ndeB-T3-2026", "2nde B", "2026-06-08 17:00", "2026-06-08 18:30", "Salle du conseil"),
        ("cc-1reG3-T1", "1re G3", "2026-12-03 17:30", "2026-12-03 18:30", "Salle du conseil"),
        ("cc-2ndeB-T1", "2nde B", "2026-12-08 17:30", "2026-12-08 19:00", "Salle du conseil"),
        ("cc-2ndeD-T1", "2nde D", "2026-12-10 18:00", "2026-12-10 19:00", "Salle du conseil"),
        ("cc-1reSTMG-T1", "1re STMG 2", "2026-12-11 17:00", "2026-12-11 18:00", "Salle 112"),
    ]:
        add(key, f"Conseil de classe — {klass}", D(s), D(e), f"{room}, {LYC}",
            f"Conseil de classe du trimestre, {klass}." + (" Professeure principale : préparer la synthèse." if klass == "2nde B" else ""),
            categories="Conseil de classe")
    add("rpp-1re", "Réunion parents-professeurs — 1res", D("2026-11-26 16:30"), D("2026-11-26 20:00"),
        f"Salle B204 (partagée avec Julien Roux), {LYC}", "22 rendez-vous — planning dans Scolaria. Partir à 19h30 au plus tard.",
        categories="Réunion")
    add("rpp-2nde", "Réunion parents-professeurs — 2nde", D("2027-01-15 16:30"), D("2027-01-15 20:00"),
        f"Salle B204, {LYC}", "Réunion parents-professeurs des classes de 2nde (professeure principale de 2nde B).",
        categories="Réunion")
    add("scapin", "Sortie théâtre 2nde B — « Les Fourberies de Scapin »", D("2026-12-03 13:15"), D("2026-12-03 17:15"),
        "Théâtre du Pont-Neuf, Montsauve", "Départ en car à 13h15 devant le lycée. 30 élèves, accompagnateurs : C. Martin, J. Roux.",
        organizer="claire", attendees=["claire", "julien"], categories="Sortie scolaire")
    add("paris", "Séjour à Paris — 1re G3", DAY("2027-03-17"), DAY("2027-03-20"),
        "Paris (auberge de jeunesse HI Yves-Robert)", "Comédie-Française, maison de Victor Hugo, BnF, musée d'Orsay. "
        "Accompagnateurs : Claire Martin, Amélie Perrin, Julien Roux.", allday=True,
        organizer="claire", attendees=["claire", "amelie", "julien"], categories="Sortie scolaire")
    add("formation", "Formation PAF — Enseigner la grammaire au lycée", D("2026-12-14 09:00"), D("2026-12-14 16:30"),
        "Atelier Canopée, 12 rue des Filatures, Montsauve", "Module 26LET007. Ordre de mission dans l'application des frais de déplacement.",
        organizer="dafor", attendees=["claire", "pauline"], categories="Formation")
    add("journee-peda", "Journée pédagogique — pas de cours", DAY("2026-11-27"), DAY("2026-11-28"), LYC,
        "Journée banalisée : projet d'établissement et lutte contre le harcèlement (programme pHARe).",
        allday=True, categories="Établissement")
    add("bac-blanc", "Bac blanc de français — 1res", DAY("2027-01-27"), DAY("2027-01-28"), f"Bâtiment C, {LYC}",
        "Épreuve écrite de 4 h pour toutes les classes de 1re. Surveillance 8h-10h salle C12.", allday=True,
        categories="Examen")
    add("equipe-lettres", "Réunion équipe de lettres", D("2026-11-24 12:30"), D("2026-11-24 13:30"), f"Salle B210, {LYC}",
        "Bac blanc de janvier, EAF 2027, sortie Lagarce.", organizer="amelie",
        attendees=["amelie", "claire", "nadia", "pauline"], categories="Réunion")
    add("concours", "Point concours de nouvelles", D("2026-11-25 13:00"), D("2026-11-25 13:45"), f"CDI, {LYC}",
        "Devis imprimeur pour le recueil, calendrier, composition du jury.", organizer="doc",
        attendees=["doc", "claire"], categories="Projet")
    add("rdv-ouali", "Rendez-vous M. et Mme Ouali (Yasmine, 1re G3)", D("2026-11-26 16:00"), D("2026-11-26 16:25"),
        f"Salle B204, {LYC}", "Avant la réunion parents-professeurs.", categories="Parents")
    add("his", "Heure d'information syndicale (SEL)", D("2026-12-01 12:15"), D("2026-12-01 13:15"), f"Salle B110, {LYC}",
        "Ordre du jour : budget 2027, voyages, rendez-vous de carrière.", organizer="marc",
        attendees=["marc", "claire", "julien", "fatima"], categories="Syndicat")
    add("oral-eaf-2026", "Oral EAF — examinatrice", DAY("2026-06-23"), DAY("2026-07-04"),
        "Lycée Paul-Arène, Montsauve — salle 204", "Épreuves orales anticipées de français, session 2026.",
        allday=True, categories="Examen")
    add("inspection", "Rendez-vous de carrière — inspection (M. Delorme)", D("2026-11-03 14:00"), D("2026-11-03 16:30"),
        f"Salle B204, {LYC}", "Inspection de la séance de 14h (1re STMG 2), puis entretien.", organizer="ipr",
        attendees=["ipr", "claire"], categories="Carrière")

    todo("copies-1re", "Corriger les dissertations de 1re G3 (Lagarce)", D("2026-11-27 18:00"),
         "27 copies rendues sur Scolaria. Rendre avant les conseils.", priority=1)
    todo("notes-T1", "Saisir les notes et appréciations du 1er trimestre dans Scolaria", D("2026-12-01 23:00"),
         "4 classes : 2nde B, 2nde D, 1re G3, 1re STMG 2.", priority=1)
    todo("synthese-2ndeB", "Préparer la synthèse du conseil de classe de 2nde B", D("2026-12-07 20:00"),
         "Relire les appréciations de l'équipe ; liste des félicitations/encouragements.", priority=3)
    todo("descriptifs", "Préparer les descriptifs de l'oral EAF (1re G3 et 1re STMG 2)", D("2027-05-20 18:00"),
         "Reprendre le modèle commun d'Amélie. 18 textes par classe.", priority=5)
    todo("oral-eaf", "Préparer l'oral blanc de l'EAF (planning et grilles)", D("2027-04-30 18:00"),
         "Grille académique, répartition avec l'équipe de lettres.", priority=5)
    todo("copies-stmg", "Corriger les commentaires de 1re STMG 2", D("2026-11-18 18:00"),
         "28 copies.", status="COMPLETED", completed=D("2026-11-17 21:40"), priority=3)
    todo("autorisations-scapin", "Récupérer les autorisations parentales — sortie Scapin", D("2026-11-20 12:00"),
         "30 coupons + participations.", status="COMPLETED", completed=D("2026-11-20 10:15"), priority=3)
    todo("car-paris", "Confirmer la commande du car pour le séjour à Paris (après le CA)", D("2026-12-03 12:00"),
         "Devis Autocars du Gardon n° 2026-0588.", priority=5)
    todo("cles", "Rendre la clé de la B204 à la loge", D("2026-11-23 12:00"), "Amélie en a besoin.", priority=7,
         categories="Personnel")
    return ev


def julien():
    ev = []

    def add(name, *a, **k):
        uid = uid_for("julien:" + name)
        ev.append((uid, vevent(uid, *a, accepted=("julien",), **k)))

    add("2ndeB", "2nde B — Histoire-géographie", D("2026-09-01 10:00"), D("2026-09-01 11:00"), f"Salle B112, {LYC}",
        "Histoire-géographie, 2nde B.", rrule=f"FREQ=WEEKLY;BYDAY=TU,TH;{UNTIL}", categories="Cours")
    add("1reG3", "1re G3 — Histoire-géographie", D("2026-09-02 08:00"), D("2026-09-02 10:00"), f"Salle B112, {LYC}",
        "Histoire-géographie, 1re G3.", rrule=f"FREQ=WEEKLY;BYDAY=WE;{UNTIL}", categories="Cours")
    add("tle", "Tle 2 — HGGSP", D("2026-09-03 14:00"), D("2026-09-03 17:00"), f"Salle B114, {LYC}",
        "Spécialité histoire-géographie, géopolitique et sciences politiques.",
        rrule=f"FREQ=WEEKLY;BYDAY=TH;{UNTIL}", categories="Cours")
    add("emc", "EMC 2nde B", D("2026-09-04 11:00"), D("2026-09-04 12:00"), f"Salle B112, {LYC}",
        "Enseignement moral et civique (quinzaine A).", rrule=f"FREQ=WEEKLY;INTERVAL=2;BYDAY=FR;{UNTIL}",
        categories="Cours")
    add("rpp-1re", "Réunion parents-professeurs — 1res", D("2026-11-26 16:30"), D("2026-11-26 20:00"),
        f"Salle B204 (avec Claire Martin), {LYC}", "Prendre les derniers rendez-vous après 19h30.", categories="Réunion")
    add("scapin", "Sortie théâtre 2nde B — « Les Fourberies de Scapin »", D("2026-12-03 13:15"), D("2026-12-03 17:15"),
        "Théâtre du Pont-Neuf, Montsauve", "Accompagnement de la sortie organisée par Claire Martin.",
        organizer="claire", attendees=["claire", "julien"], categories="Sortie scolaire")
    add("berlin", "Séjour à Berlin — terminales", DAY("2027-03-08"), DAY("2027-03-12"), "Berlin",
        "Mémoire et histoire du XXe siècle. Accompagnateurs : Julien Roux, Hugo Ferreira.", allday=True,
        organizer="julien", attendees=["julien", "hugo"], categories="Sortie scolaire")
    add("paris", "Séjour à Paris — 1re G3 (accompagnateur)", DAY("2027-03-17"), DAY("2027-03-20"),
        "Paris", "Séjour organisé par Claire Martin.", allday=True, organizer="claire",
        attendees=["claire", "amelie", "julien"], categories="Sortie scolaire")
    uid = uid_for("julien:todo:ds")
    ev.append((uid, vtodo(uid, "Photocopier le DS commun de 2nde", D("2026-11-24 08:00"),
                          "50 copies — demander le carton de copies à Claire.", priority=2)))
    uid = uid_for("julien:todo:berlin")
    ev.append((uid, vtodo(uid, "Envoyer la fiche de déclaration du séjour à Berlin à la DSDEN", D("2027-01-20 12:00"),
                          "Au moins six semaines avant le départ.", priority=3)))
    return ev


def write(base, events):
    import os
    os.makedirs(base, exist_ok=True)
    for uid, comp in events:
        with open(os.path.join(base, f"{uid}.ics"), "wb") as f:
            f.write(make_ics(comp))
