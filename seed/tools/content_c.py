"""More conversations: 1re STMG / 1re G3 classes, the « Classes » parent folder, syndicat,
administration, and Julien Roux's own correspondence."""
from engine import T, one
from atts import pdf, png, docx, invite
from content_a import CC, C2B, C1G, CST, SOR, ADM, SYN, PRJ

# ------------------------------------------------------------------ 1re STMG
T("Kenza — stage et oral de français", "2026-01-26 19:40", folder=CST).m(
    "p_amrani", "claire", """
Bonsoir Madame Martin,

Kenza effectuera un stage d'observation dans une agence bancaire du 9 au 13 février,
dans le cadre de son projet d'orientation en BTS. Elle manquera donc deux séances de
français. Pouvez-vous lui indiquer le travail à rattraper ?

Elle est très stressée par l'oral du bac de français : est-il possible de s'entraîner
avant le bac blanc ?

Merci,
Malika Amrani
""").m("claire", "p_amrani", """
Bonsoir Madame Amrani,

Merci de m'avoir prévenue. Kenza trouvera le travail dans le cahier de textes de
Scolaria : la lecture de l'acte I de « Juste la fin du monde » et un questionnaire.

Pour l'oral, je propose à toute la classe des « oraux flash » de 5 minutes en début
de cours à partir de mars ; Kenza peut aussi venir à l'atelier d'entraînement du
mercredi midi, au CDI, animé par ma collègue Mme Perrin.

Bien cordialement,
Claire Martin
""", at="+1d07:30")

T("Projet « lettre de motivation » en 1re STMG", "2026-02-03 12:50", folder=CST).m(
    "lea", "claire", """
Bonjour Claire,

En management, mes 1re STMG 2 travaillent sur le recrutement. Je me disais qu'on
pourrait faire un projet commun : ils rédigent une vraie lettre de motivation pour un
stage ou un job d'été, tu travailles avec eux l'argumentation et la correction de la
langue, et je m'occupe du fond (compétences, entreprise, CV).

Qu'en penses-tu ?
Léa
""").m("claire", "lea", """
Bonjour Léa,

J'adore l'idée, c'est exactement le genre de projet qui les motive. En français, je
peux faire le lien avec la littérature d'idées (convaincre, persuader) et prévoir
une séance sur les registres de langue.

On pourrait finir par une simulation d'entretien devant un « jury » de collègues ?

Claire
""", at="+3h").m("lea", "claire", """
Super ! Je demande à Patrick Fabre et à Mme Garnier s'ils acceptent d'être dans le jury.
Je te propose qu'on cale ça la semaine du 30 mars.
""", at="+1h20")

T("Demande de délai — Océane", "2026-03-04 21:02", folder=CST).m(
    "p_martinez", "claire", """
Bonsoir Madame,

Océane a été malade toute la semaine dernière (grippe) et n'a pas pu terminer sa
fiche de lecture. Serait-il possible de lui accorder quelques jours de plus ?

Cordialement,
Patricia Martinez
""").m("claire", "p_martinez", """
Bonsoir Madame,

Bien sûr, Océane pourra rendre sa fiche le lundi 16 mars. J'espère qu'elle va mieux.

Bien cordialement,
Claire Martin
""", at="+1d06:55")

T("Absence de Naël vendredi", "2026-11-13 18:10", folder=CST).m(
    "p_toumi", "claire", """
Bonsoir Madame Martin,

Naël était absent vendredi après-midi pour une convocation au permis de conduire
(code). Je vous ai aussi envoyé un message dans Scolaria. Il a un devoir à rattraper,
je crois ?

Cordialement,
Hakim Toumi
""").m("claire", "p_toumi", """
Bonsoir Monsieur,

Merci pour l'information. Naël pourra rattraper le commentaire le mercredi 25 novembre
de 10h à 12h au CDI. Félicitations à lui s'il a réussi le code !

Bien cordialement,
Claire Martin
""", at="+2d09:10").m("p_toumi", "claire", """
Merci Madame, il l'a eu ! Il sera au CDI mercredi.
H. Toumi
""", at="+4h")

# ------------------------------------------------------------------ 1re G3
T("Lectures cursives de Léonie", "2026-02-08 11:15", folder=C1G).m(
    "p_barthe", "claire", """
Bonjour Madame,

Léonie voudrait présenter à l'oral une lecture cursive qui ne figure pas dans votre
liste : « La Promesse de l'aube » de Romain Gary. Est-ce possible ?

Bien cordialement,
Isabelle Barthe
""").m("claire", "p_barthe", """
Bonjour Madame,

Oui, tout à fait : « La Promesse de l'aube » est un très bon choix pour l'objet
d'étude sur le roman et le récit. Léonie devra simplement me remettre une fiche de
lecture d'ici fin avril, pour que je puisse l'ajouter au descriptif.

Bien cordialement,
Claire Martin
""", at="+1d08:05")

T("Note d'Hugo au bac blanc", "2026-02-11 19:25", folder=C1G).m(
    "p_pellegrin", "claire", """
Madame,

Hugo a obtenu 8 au bac blanc alors qu'il a 13 de moyenne en français. Est-ce qu'il
est possible de voir sa copie avec lui ? Il pense avoir mal compris le sujet.

Cordialement,
Frédéric Pellegrin
""").m("claire", "p_pellegrin", """
Monsieur,

Les copies du bac blanc seront rendues et corrigées en classe lundi prochain. Hugo a
effectivement traité le sujet de dissertation comme une question de cours, sans
discuter la citation. C'est une erreur fréquente et facile à corriger : nous
ferons un exercice spécifique sur l'analyse du sujet.

Je peux aussi le recevoir un mercredi à 12h s'il le souhaite.

Bien cordialement,
Claire Martin
""", at="+1d17:45")

T("Journée banalisée — ateliers pHARe", "2026-11-20 11:20").m(
    "psyen", "claire", """
Bonjour Madame Martin,

Pour la journée banalisée du vendredi 27 novembre, nous animerons avec Mme Aubert
un atelier sur le harcèlement en ligne avec les 2nde B de 10h à 12h. Seriez-vous
disponible pour co-animer avec nous ? Votre connaissance de la classe serait précieuse.

Bien cordialement,
Jeanne Pastor
Psychologue de l'Éducation nationale
""", unread=True)

# ------------------------------------------------------------------ « Classes » (parent folder)
one("secretariat", "claire", "Listes de vos classes 2026-2027", "2026-08-31 16:10", """
Madame,

Veuillez trouver ci-joint les listes des élèves de vos classes pour l'année 2026-2027
(effectifs arrêtés au 31 août). Des ajustements restent possibles jusqu'au
15 septembre.

Bien cordialement,
Martine Roche
""", folder="Classes", att=[pdf("Listes de classes 2026-2027 - Mme Martin.pdf", "Listes de classes 2026-2027", [
    "Mme Claire MARTIN — français", "",
    "2nde B (32 élèves, PP) : ARNAL Zoé, BENSAÏD Aya, CORDIER Jules, HOARAU Nathan, NAVARRO Elias (*), ...",
    "2nde D (33 élèves) : MAZET Lou, PETITJEAN Sacha, ...",
    "1re G3 (30 élèves) : DUPONT Lina, LEFORT Mathis, OUALI Yasmine, ...",
    "1re STMG 2 (28 élèves) : TOUMI Naël, ...", "",
    "(*) changement de classe au 7 septembre : NAVARRO Elias passe en 2nde D.",
    "Les listes complètes sont disponibles dans Scolaria."], "20260831160000")])

one("doc", "claire", "Manuels numériques — licences 2026-2027", "2026-09-02 10:40", """
Bonjour Claire,

Les licences des manuels numériques sont activées pour tes classes :
- 2nde : « Horizons » (Plume & Craie) ;
- 1re : « Parcours littéraires ».

Les élèves y accèdent via l'ENT, onglet « Ressources ». Si un élève n'a pas d'accès,
envoie-le-moi au CDI avec son identifiant.

Élodie
""", folder="Classes")

one("gestion", "claire", "Commande de livres pour les classes — budget 2026", "2026-09-16 09:15", """
Madame Martin,

Le crédit pédagogique de lettres pour 2026 permet encore une commande de 640 €.
Si vous souhaitez commander des séries d'œuvres intégrales pour vos classes,
merci de me transmettre la liste (titre, éditeur, ISBN, quantité) avant le 2 octobre.

Bien cordialement,
Patrick Fabre
Adjoint gestionnaire
""", folder="Classes")

# ------------------------------------------------------------------ syndicat
one("sel", "claire", "Mouvement intra-académique 2026 : permanences", "2026-03-05 20:00", """
Chères et chers collègues,

La phase intra-académique du mouvement s'ouvre le 18 mars. Les élus du SEL Cévennes
tiennent des permanences pour vous aider à formuler vos vœux et à vérifier votre barème :
- le mercredi de 14h à 18h au local syndical de Montsauve ;
- par téléphone au 04 65 71 60 00 du lundi au vendredi.

Syndicalement,
Le bureau académique du SEL Cévennes
""", folder=SYN)

one("sel", "claire", "Journée d'action du 2 octobre : salaires et conditions de travail", "2026-09-28 19:30", """
Chères et chers collègues,

L'intersyndicale appelle à une journée d'action le vendredi 2 octobre pour les salaires
et contre la hausse des effectifs par classe. Un préavis couvre l'ensemble des personnels.

Manifestation à Montsauve à 14h30, place de la Préfecture.

Syndicalement,
Le bureau académique du SEL Cévennes
""", folder=SYN)

T("Tu peux me remplacer au CA du 10 novembre ?", "2026-11-04 13:10", folder=SYN).m(
    "marc", "claire", """
Bonjour Claire,

Je suis convoqué à un jury de concours le 10 novembre et je ne pourrai pas siéger au
conseil d'administration. Tu es ma suppléante : tu pourrais y aller ? Le point
important, c'est le budget 2027 (crédits pédagogiques en baisse de 8 %).

Je t'envoie mes notes ce soir.
Marc
""").m("claire", "marc", """
Bonjour Marc,

Oui, je peux y aller. Envoie-moi tes notes, et dis-moi si la section a une position
sur le vote du budget (abstention ou contre ?).

Claire
""", at="+1h30").m("marc", "claire", """
Merci ! Position de la section : vote contre si la baisse des crédits pédagogiques est
maintenue, en rappelant que les voyages sont déjà en partie financés par les familles.
Notes en pièce jointe.
""", at="+6h", att=[docx("Notes CA 10 novembre.docx", "Conseil d'administration du 10 novembre 2026 — notes", [
    "# Budget 2027", "- Crédits pédagogiques : 31 200 € (-8 %)", "- Voyages : participation des familles plafonnée à 250 €",
    "- Fonds social lycéen : maintien à 6 000 €",
    "# Interventions prévues", "- Demander le détail de la baisse par discipline",
    "- Rappeler la motion de février sur la DHG",
    "# Vote", "Contre si la baisse est maintenue ; abstention si les crédits de lettres et de langues sont préservés.",
], author="Marc Vidal")])

# ------------------------------------------------------------------ administration
T("Remboursement des frais — formation du 22 janvier", "2026-02-20 10:30", folder=ADM).m(
    "claire", "gestion", """
Bonjour Monsieur Fabre,

Je n'ai toujours pas reçu le remboursement de mes frais de déplacement pour la
formation du 22 janvier à Montsauve (ordre de mission validé le 15 janvier).
Savez-vous à qui je dois m'adresser ?

Bien cordialement,
Claire Martin
""").m("gestion", "claire", """
Madame Martin,

Les frais de formation sont gérés par la DAFOR et non par l'établissement. Il faut
valider l'état de frais dans l'application de gestion des déplacements (rubrique
« Mes états de frais ») : tant qu'il n'est pas validé par vous, il n'est pas traité.

Bien cordialement,
Patrick Fabre
""", at="+2h10").m("claire", "gestion", """
Effectivement, l'état de frais était resté en brouillon. Merci beaucoup !
""", at="+40m")

one("infirmiere", "claire", "PAI — élève allergique (sortie du 3 décembre)", "2026-11-17 14:25", """
Bonjour Madame Martin,

Pour la sortie au théâtre du 3 décembre : Jules Cordier (2nde B) a un PAI pour une
allergie sévère à l'arachide. Je vous remets la trousse d'urgence (avec le stylo
d'adrénaline) et le protocole la veille de la sortie. Pensez à le garder près de vous.

Bien cordialement,
Valérie Meyer
Infirmière scolaire
""", folder=SOR, flag=True)

one("doc", "equipe", "Remise des prix du concours de nouvelles — invitation", "2026-05-13 09:10", """
Bonjour à toutes et à tous,

Vous êtes cordialement invités à la remise des prix du concours de nouvelles, le
mercredi 20 mai à 13h au CDI, en présence de l'autrice Élise Fauré et de
l'association des parents d'élèves. Lectures par les élèves de l'atelier théâtre !

Élodie Chabert
""", att=[invite("Remise des prix — concours de nouvelles", "2026-05-20 13:00", "2026-05-20 14:00",
                 "CDI, Lycée Jean-Moulin", "Remise des prix et lectures par l'atelier théâtre.", "doc",
                 ["doc", "claire", "julien", "proviseure"])])

T("Répétition générale — photos", "2026-05-27 18:40", folder=PRJ).m(
    "aurelie", "claire", """
Coucou Claire,

Voilà deux photos de la générale de cet après-midi : le décor rend super bien sous
les projecteurs ! Les élèves étaient très émus. Bravo à toi, ça va être magnifique demain.

Aurélie
""", att=[png("Générale atelier théâtre 1.png", "poster", 1), png("Générale atelier théâtre 2.png", "group", 5)]).m(
    "claire", "aurelie", """
Merci Aurélie ! Et merci à tes terminales, le panneau « manuel illustré » a fait
rire toute la salle. On les invite au pot après la représentation.
""", at="+1h")

one("claire", "eq2ndeB", "Invitation : réunion de l'équipe — PAP de Zoé Arnal", "2026-09-15 17:20", """
Bonjour à toutes et à tous,

Comme annoncé, la réunion pour formaliser le PAP de Zoé Arnal aura lieu le jeudi
24 septembre à 17h en salle B204, en présence de la famille et de Mme Meyer.
Durée prévue : 30 minutes. Invitation ci-jointe.

Merci,
Claire
""", att=[invite("Réunion PAP — Zoé Arnal (2nde B)", "2026-09-24 17:00", "2026-09-24 17:30",
                 "Salle B204, Lycée Jean-Moulin", "Formalisation du plan d'accompagnement personnalisé.",
                 "claire", ["claire", "julien", "lucas", "infirmiere"])])

one("proviseure", "equipe", "Photos de la rentrée sur le site du lycée", "2026-09-09 16:05", """
Chères et chers collègues,

Merci pour cette rentrée réussie ! Vous trouverez ci-joint la photo prise lors de
l'accueil des secondes, qui sera publiée sur le site du lycée (les élèves sans
autorisation de droit à l'image n'y figurent pas).

Bien cordialement,
""", att=[png("Rentrée 2026 - accueil des secondes.png", "group", 7)])

# ------------------------------------------------------------------ Julien's own mail
T("Séjour à Berlin — programme et budget", "2026-09-22 20:10").m(
    "julien", "hugo", """
Salut Hugo,

J'ai avancé sur le programme de Berlin (8-12 mars) : Mémorial du mur, musée de la
Stasi, Topographie de la terreur, Reichstag, et une demi-journée libre encadrée à
Kreuzberg. Pour le budget, je suis à 245 € par élève avec l'auberge de jeunesse.

Tu peux regarder la partie allemand (rencontre avec le lycée partenaire) ?

Julien
""").m("hugo", "julien", """
Salut Julien,

Super programme. Le Rosa-Luxemburg-Gymnasium est d'accord pour nous recevoir le
mercredi matin : cours en commun puis déjeuner à la cantine. Ça ne coûte rien.
On passe au CA de décembre ?

Hugo
""", at="+1d12:40").m("julien", "hugo", """
Oui, CA du 1er décembre. Je prépare la fiche de présentation, tu ajoutes la partie
échange ?
""", at="+2h")

T("Aya — devoir d'histoire", "2026-10-19 18:30").m(
    "p_bensaid", "julien", """
Bonsoir Monsieur Roux,

Aya n'a pas pu rendre le devoir sur la Révolution française pour des raisons familiales
(Mme Aubert est au courant). Pourrait-elle le rendre après les vacances ?

Cordialement,
Farid Bensaïd
""").m("julien", "p_bensaid", """
Bonsoir Monsieur,

Bien sûr, Aya pourra le rendre le lundi 9 novembre, sans pénalité. Je lui souhaite
de bonnes vacances.

Cordialement,
Julien Roux
""", at="+1d09:20")

T("DS commun de 2nde — sujet", "2026-11-12 17:45").m(
    "mathilde", "julien", """
Julien,

Je t'envoie ma proposition de sujet pour le DS commun de mardi 24 (étude de documents
sur les sociétés rurales au XIXe siècle). Dis-moi si le barème te va.

Mathilde
""").m("julien", "mathilde", """
Parfait pour moi, j'ajouterais juste une question sur la carte des migrations
saisonnières. Je m'occupe des photocopies.

J.
""", at="+2h30")

one("dsden_sorties", "julien", "Séjour à Berlin — rappel des délais de déclaration", "2026-11-09 09:30", """
Monsieur,

Votre projet de séjour à Berlin (8-12 mars 2027) nous a été signalé par votre
établissement. Je vous rappelle que la fiche de déclaration des sorties à l'étranger
doit nous parvenir au plus tard six semaines avant le départ, soit le 25 janvier 2027,
accompagnée de la liste des élèves et des accompagnateurs.

Cordialement,
Bruno Lacombe
DSDEN du Haut-Gardon
""")

T("Visite « Écrire la montagne » — novembre 2026", "2026-09-10 10:05").m(
    "julien", "musee", """
Bonjour,

Nous étions venus l'an dernier avec une classe de 2nde pour la visite « Écrire la
montagne », qui avait beaucoup plu. Serait-il possible de la reconduire pour notre
nouvelle 2nde B (32 élèves), un jeudi matin de novembre ?

Bien cordialement,
Julien Roux
""", cc="claire").m("musee", "julien", """
Bonjour Monsieur Roux,

Avec plaisir ! Nous vous proposons le jeudi 19 novembre de 9h à 11h30.
Le livret pédagogique a été enrichi de textes de Stevenson en version bilingue.

Bien cordialement,
Le service éducatif
""", cc="claire", at="+1d14:10").m("claire", "julien", """
Génial, et Lucas sera ravi pour la version bilingue ! Je bloque le 19 novembre.
""", at="+1h", cc="lucas", quote=True)

T("Retour sur la visite au musée", "2026-11-19 16:40", folder=SOR).m(
    "julien", "claire lucas", """
Merci à vous deux pour ce matin ! Les élèves ont été super, et les carnets de voyage
commencent bien. Voici une photo du groupe sur le vieux pont (droit à l'image vérifié).

Julien
""", att=[png("Musée 2026 - 2nde B sur le vieux pont.png", "landscape", 9)]).m(
    "lucas", "julien claire", """
Great morning! J'ai déjà trois élèves qui veulent lire Stevenson en VO.
""", at="+1h50")
