"""Invented people of the invented Académie des Cévennes (all names, addresses and phone
numbers are fictitious; phone numbers use the ARCEP ranges reserved for fiction:
04 65 71 xx xx and 06 39 98 xx xx)."""

LYCEE = "Lycée Jean-Moulin"
VILLE = "Vallon-sur-Gardon"
ORG_LYCEE = f"{LYCEE} — {VILLE}"
DOM = "ac-cevennes.fr"


class Person:
    def __init__(self, key, name, email, title="", org="", cats=(), phone="", mobile="",
                 sig=None, members=(), note="", tu=False, first=None, last=None):
        self.key, self.name, self.email = key, name, email
        self.title, self.org, self.cats = title, org, list(cats)
        self.phone, self.mobile, self.note = phone, mobile, note
        self.members = list(members)
        self.tu = tu
        parts = name.split(" ", 1) if name else ["", ""]
        self.first = first if first is not None else parts[0]
        self.last = last if last is not None else (parts[1] if len(parts) > 1 else "")
        if sig is None and title:
            sig = f"{name}\n{title}\n{org}" if org else f"{name}\n{title}"
        self.sig = sig


P = {}


def add(key, name, email, **kw):
    P[key] = Person(key, name, email, **kw)
    return P[key]


_n = [0]


def tel(mobile=False):
    _n[0] += 1
    a, b = divmod(_n[0] * 37 % 10000, 100)
    return f"{'06 39 98' if mobile else '04 65 71'} {a:02d} {b:02d}"


def staff(key, first, last, title, cats=("Collègues",), org=ORG_LYCEE, email=None, **kw):
    e = email or f"{_slug(first)}.{_slug(last)}@{DOM}"
    return add(key, f"{first} {last}", e, title=title, org=org, cats=cats, phone=kw.pop("phone", tel()),
               mobile=kw.pop("mobile", ""), first=first, last=last, **kw)


def _slug(s):
    import unicodedata
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode().lower()
    return s.replace(" ", "-").replace("'", "")


# --- the two demo accounts
staff("claire", "Claire", "Martin", "Professeure de lettres modernes", mobile="06 39 98 12 40",
      sig="Claire Martin\nProfesseure de lettres modernes\nLycée Jean-Moulin — Vallon-sur-Gardon")
staff("julien", "Julien", "Roux", "Professeur d'histoire-géographie", mobile="06 39 98 27 15",
      sig="Julien Roux\nProfesseur d'histoire-géographie — Lycée Jean-Moulin", tu=True)

# --- direction, vie scolaire, services of the lycée
staff("proviseure", "Nathalie", "Garnier", "Proviseure", cats=("Administration",))
staff("adjoint", "Karim", "Benali", "Proviseur adjoint", cats=("Administration",))
staff("secretariat", "Martine", "Roche", "Secrétaire de direction", cats=("Administration",))
staff("gestion", "Patrick", "Fabre", "Adjoint gestionnaire", cats=("Administration",))
staff("cpe", "Sophie", "Aubert", "Conseillère principale d'éducation", cats=("Administration", "Collègues"))
staff("cpe2", "Thomas", "Nguyen", "Conseiller principal d'éducation", cats=("Administration", "Collègues"))
staff("infirmiere", "Valérie", "Meyer", "Infirmière scolaire", cats=("Administration",))
staff("psyen", "Jeanne", "Pastor", "Psychologue de l'Éducation nationale (EDO)", cats=("Administration",))
staff("ddfpt", "Gilles", "Navarre", "Directeur délégué aux formations", cats=("Administration",))
staff("repro", "Didier", "Sauvage", "Agent de reprographie", cats=("Administration",), sig="Didier — Reprographie")
staff("vs", "Vie scolaire", "Lycée Jean-Moulin", "Bureau de la vie scolaire", cats=("Administration",),
      email=f"vie-scolaire.jean-moulin@{DOM}", sig="Le bureau de la vie scolaire\nLycée Jean-Moulin")
P["vs"].name = "Vie scolaire Lycée Jean-Moulin"

# --- colleagues
staff("amelie", "Amélie", "Perrin", "Professeure de lettres modernes, coordonnatrice de lettres", tu=True,
      sig="Amélie")
staff("nadia", "Nadia", "Belkacem", "Professeure de lettres classiques", tu=True, sig="Nadia")
staff("rene", "René", "Castel", "Professeur de lettres modernes")
staff("yannick", "Yannick", "Morel", "Professeur de mathématiques", tu=True, sig="Yannick")
staff("fatima", "Fatima", "Haddad", "Professeure de sciences économiques et sociales")
staff("lucas", "Lucas", "Girard", "Professeur d'anglais", tu=True, sig="Lucas")
staff("ines", "Inès", "Carpentier", "Professeure d'espagnol")
staff("marc", "Marc", "Vidal", "Professeur de philosophie — secrétaire de la section SEL")
staff("celine", "Céline", "Brun", "Professeure de SVT")
staff("olivier", "Olivier", "Mercier", "Professeur d'EPS", tu=True, sig="Olivier")
staff("aurelie", "Aurélie", "Lambert", "Professeure d'arts plastiques", tu=True, sig="Aurélie")
staff("samuel", "Samuel", "Diallo", "Professeur de physique-chimie")
staff("lea", "Léa", "Tran", "Professeure d'économie-gestion (STMG)")
staff("hugo", "Hugo", "Ferreira", "Professeur d'allemand")
staff("doc", "Élodie", "Chabert", "Professeure documentaliste", tu=True, sig="Élodie — CDI")
staff("bastien", "Bastien", "Royer", "Professeur de mathématiques")
staff("mathilde", "Mathilde", "Besse", "Professeure d'histoire-géographie")
staff("sebastien", "Sébastien", "Klein", "Professeur de sciences numériques et technologie")
staff("anne", "Anne-Laure", "Giraud", "Professeure de musique")
staff("pauline", "Pauline", "Delmas", "Professeure de lettres modernes (contractuelle)")

# --- rectorat (académie des Cévennes, Montsauve)
RECT = "Rectorat de l'académie des Cévennes"
staff("ipr", "Jean-Marc", "Delorme", "IA-IPR de lettres", cats=("Administration",), org=RECT)
staff("ipr2", "Hélène", "Saint-Jean", "IA-IPR de lettres", cats=("Administration",), org=RECT)
staff("dafor", "Sandrine", "Collet", "Conseillère en formation — DAFOR", cats=("Administration",), org=RECT)
staff("dane", "Romain", "Lebrun", "Chargé de mission — DANE (numérique éducatif)", cats=("Administration",), org=RECT)
staff("dec", "Isabelle", "Rey", "Gestionnaire — Division des examens et concours (bac de français)",
      cats=("Administration",), org=RECT)
staff("dpe", "Franck", "Morin", "Gestionnaire — Division des personnels enseignants", cats=("Administration",),
      org=RECT)
add("rectorat_com", "Rectorat de l'académie des Cévennes", f"communication@{DOM}", org=RECT)
add("dafor_gen", "DAFOR — Formation des personnels", f"dafor@{DOM}", org=RECT)
add("dec_gen", "Rectorat — Division des examens et concours", f"dec-bac@{DOM}", org=RECT)

# --- DSDEN du Haut-Gardon (invented département)
DSDEN = "DSDEN du Haut-Gardon"
staff("dsden_sg", "Christine", "Maurel", "Secrétaire générale", cats=("DSDEN",), org=DSDEN)
staff("dsden_io", "Denis", "Roussel", "IEN information et orientation", cats=("DSDEN",), org=DSDEN)
staff("dsden_med", "Laure", "Chevalier", "Médecin conseillère technique", cats=("DSDEN",), org=DSDEN)
staff("dsden_social", "Agnès", "Fournier", "Conseillère technique de service social", cats=("DSDEN",), org=DSDEN)
staff("dsden_sorties", "Bruno", "Lacombe", "Chef du bureau de la vie scolaire et des sorties",
      cats=("DSDEN", "Administration"), org=DSDEN)
staff("dsden_ash", "Myriam", "Cazal", "Conseillère pédagogique — école inclusive", cats=("DSDEN",), org=DSDEN)
add("dsden_gen", "DSDEN du Haut-Gardon", f"ce.dsden-haut-gardon@{DOM}", org=DSDEN)

# --- lists (delivered to members)
add("equipe", "Équipe pédagogique Jean-Moulin", f"equipe-pedagogique.jean-moulin@{DOM}",
    members=["claire", "julien"])
add("lettres", "Équipe de lettres", f"lettres.jean-moulin@{DOM}", members=["claire"])
add("pp2nde", "Professeurs principaux de 2nde", f"pp-2nde.jean-moulin@{DOM}", members=["claire"])
add("eq2ndeB", "Équipe pédagogique 2nde B", f"equipe-2ndeb.jean-moulin@{DOM}", members=["claire", "julien"])

# --- syndicat (invented)
add("sel", "SEL Cévennes", "section@sel-cevennes.example.org",
    sig="SEL Cévennes — Syndicat des enseignants des lycées\nSection académique des Cévennes")

# --- parents (invented; example.* domains)
PARENTS = [
    # key, name, email, child, class (year), cats note
    ("p_dupont", "Sandrine Dupont", "sandrine.dupont@example.org", "Lina", "2nde B"),
    ("p_ouali", "Samira Ouali", "famille.ouali@example.com", "Yasmine", "2nde B"),
    ("p_lefort", "Philippe Lefort", "p.lefort@example.net", "Mathis", "2nde B"),
    ("p_dasilva", "Maria Da Silva", "maria.dasilva@example.com", "Noah", "2nde B"),
    ("p_poirier", "Stéphane Poirier", "stephane.poirier@example.org", "Jade", "2nde B"),
    ("p_keita", "Aminata Keita", "aminata.keita@example.com", "Adam", "2nde B"),
    ("p_gilles", "Virginie Gilles", "virginie.gilles@example.net", "Manon", "2nde B"),
    ("p_rouvier", "Laurent Rouvier", "laurent.rouvier@example.org", "Tom", "2nde B"),
    ("p_benhamou", "Rachel Benhamou", "rachel.benhamou@example.com", "Sarah", "2nde B"),
    ("p_lacroix", "Anne Lacroix", "anne.lacroix@example.net", "Emma", "1re G3"),
    ("p_pellegrin", "Frédéric Pellegrin", "f.pellegrin@example.org", "Hugo", "1re G3"),
    ("p_cherif", "Nordine Chérif", "nordine.cherif@example.com", "Rayan", "1re G3"),
    ("p_barthe", "Isabelle Barthe", "isabelle.barthe@example.org", "Léonie", "1re G3"),
    ("p_faure", "Géraldine Faure", "geraldine.faure@example.net", "Inès", "1re G3"),
    ("p_amrani", "Malika Amrani", "malika.amrani@example.com", "Kenza", "1re STMG 2"),
    ("p_boyer", "Christophe Boyer", "christophe.boyer@example.org", "Dylan", "1re STMG 2"),
    ("p_martinez", "Patricia Martinez", "patricia.martinez@example.net", "Océane", "1re STMG 2"),
    ("p_arnal", "Cédric Arnal", "cedric.arnal@example.com", "Zoé", "2nde B"),
    ("p_hoarau", "Josiane Hoarau", "josiane.hoarau@example.org", "Nathan", "2nde B"),
    ("p_bensaid", "Farid Bensaïd", "farid.bensaid@example.net", "Aya", "2nde B"),
    ("p_cordier", "Émilie Cordier", "emilie.cordier@example.com", "Jules", "2nde B"),
    ("p_mazet", "Delphine Mazet", "delphine.mazet@example.org", "Lou", "2nde D"),
    ("p_navarro", "Ricardo Navarro", "ricardo.navarro@example.com", "Elias", "2nde D"),
    ("p_petitjean", "Sylvie Petitjean", "sylvie.petitjean@example.net", "Sacha", "2nde D"),
    ("p_toumi", "Hakim Toumi", "hakim.toumi@example.org", "Naël", "1re STMG 2"),
    ("p_vasseur", "Corinne Vasseur", "corinne.vasseur@example.com", "Théo", "1re STMG 2"),
]
for key, name, email, child, klass in PARENTS:
    note = f"Parent de {child} {name.split(' ', 1)[1]} ({klass})"
    if key == "p_faure":
        note += " — présidente de l'association de parents d'élèves APE Jean-Moulin"
    add(key, name, email, org="", cats=("Parents d'élèves",), mobile=tel(True), note=note,
        sig=name)
    P[key].child = child
    P[key].klass = klass

# --- external, invented organisations
add("theatre", "Théâtre du Pont-Neuf — Relations publiques", "rp@theatre-pontneuf.example.org",
    sig="Lucie Aymard\nChargée des relations avec le public scolaire\nThéâtre du Pont-Neuf — Montsauve")
add("autocars", "Autocars du Gardon", "devis@autocars-gardon.example.com",
    sig="Service groupes — Autocars du Gardon")
add("autrice", "Élise Fauré", "elise.faure@example.net", sig="Élise Fauré")
add("librairie", "Librairie Le Chat lettré", "contact@chat-lettre.example.com", sig="Librairie Le Chat lettré")
add("musee", "Musée des Cévennes — Service éducatif", "educatif@musee-cevennes.example.org",
    sig="Service éducatif — Musée des Cévennes")
add("scolaria", "Scolaria — Lycée Jean-Moulin", "ne-pas-repondre@scolaria.example.com", sig=None)
add("ent", "ENT Éclat", "notifications@eclat.ac-cevennes.fr", sig=None)
add("cyclades", "Cyclades examens", "ne-pas-repondre@cyclades.ac-cevennes.fr", sig=None)
add("news_rect", "La Lettre de l'académie des Cévennes", f"lettre-info@{DOM}", sig=None)
add("news_dane", "DANE des Cévennes", f"lettre-dane@{DOM}", sig=None)
add("news_edit", "Éditions Plume & Craie", "lettre@news.plume-et-craie.example.com", sig=None)
add("news_mut", "Mutuelle Ardoise", "infos@news.mutuelle-ardoise.example.net", sig=None)
add("news_canopee", "Atelier Canopée Cévennes", "actu@canopee-cevennes.example.org", sig=None)
add("news_theatre", "Théâtre du Pont-Neuf", "programme@news.theatre-pontneuf.example.org", sig=None)
add("phish", "Service Messagerie Académique", "support@ac-cevennes-support.example.net", sig=None)
add("spam1", "Offres Privilège Enseignants", "offres@privilege-profs.example.net", sig=None)
add("spam2", "Formation Express CPF", "contact@cpf-express.example.com", sig=None)
add("spam3", "Séjours Linguistiques Horizon", "promo@sejours-horizon.example.net", sig=None)
