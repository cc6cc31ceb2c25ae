"""Conversations, November 2025 – March 2026 (school year 2025-2026, first half)."""
from engine import T, one
from atts import pdf, png, docx, invite

CC = "Conseils de classe"
C2B = "Classes/2nde B"
C1G = "Classes/1re G3"
CST = "Classes/1re STMG"
SOR = "Sorties scolaires"
ADM = "Administration"
SYN = "Syndicat"
PRJ = "Projets"

# ------------------------------------------------------------------ novembre 2025
T("Sortie au musée des Cévennes avec les 2nde B ?", "2025-11-24 18:42", folder=SOR).m(
    "julien", "claire", """
Salut Claire,

Je repensais à notre discussion en salle des profs : le musée des Cévennes propose
en janvier une visite « Écrire la montagne » qui mélange histoire locale et récits de
voyageurs du XIXe siècle. Ça collerait bien avec ta séquence sur le récit et avec
mon chapitre sur les sociétés rurales.

On pourrait emmener les 2nde B un jeudi matin (on les a tous les deux ce jour-là).
Qu'est-ce que tu en penses ? Si ça te tente, je demande les dates au service éducatif.

Julien
""").m("claire", "julien", """
Bonsoir Julien,

Excellente idée ! J'ai justement prévu de faire lire des extraits de Stevenson
(« Voyage avec un âne dans les Cévennes ») en janvier, ça tomberait à pic.

Un jeudi matin me va très bien, de préférence après le 15 janvier pour que j'aie
le temps de lancer la séquence. Tu peux leur demander s'ils ont un livret
pédagogique pour les élèves ?

Bonne soirée,
Claire
""", at="+1h20").m("julien", "claire", """
Parfait, j'écris au musée demain matin. Je te tiens au courant.
Pour la paperasse (autorisations, déclaration de sortie), je m'en occupe si tu veux
bien préparer le questionnaire de visite.

Bonne soirée !
J.
""", at="+35m")

one("proviseure", "equipe", "Calendrier des conseils de classe du 1er trimestre", "2025-11-25 11:05", """
Mesdames, Messieurs,

Vous trouverez ci-joint le calendrier des conseils de classe du premier trimestre.
Les conseils se tiendront du lundi 8 au vendredi 12 décembre, en salle du conseil
(bâtiment A, 1er étage).

Je vous rappelle que les appréciations doivent être saisies dans Scolaria au plus
tard 48 heures avant le conseil de la classe concernée, afin que les professeurs
principaux puissent préparer leur synthèse.

Je vous remercie de votre engagement.

Bien cordialement,
""", folder=CC, att=[pdf("Calendrier conseils de classe T1 2025-2026.pdf",
                         "Conseils de classe — 1er trimestre 2025-2026", [
    "Lycée Jean-Moulin — Vallon-sur-Gardon", "",
    "Lundi 8 décembre : 2nde A (17h30), 2nde C (18h30), 1re G1 (17h30, salle 112)",
    "Mardi 9 décembre : 2nde B (17h30), 2nde D (18h30), 1re STMG 1 (17h30, salle 112)",
    "Mercredi 10 décembre : 1re G2 (13h30), 1re G3 (14h30), 1re STMG 2 (15h30)",
    "Jeudi 11 décembre : Terminales générales (à partir de 17h)",
    "Vendredi 12 décembre : Terminales STMG (17h00, 18h00)", "",
    "Saisie des appréciations dans Scolaria : au plus tard 48 h avant le conseil.",
    "Les délégués élèves et parents sont invités par la vie scolaire.", "",
    "La proviseure, Nathalie Garnier"], "20251125100000")])

T("Absence de Lina au devoir du 25 novembre", "2025-11-26 07:48", folder=C2B).m(
    "p_dupont", "claire", """
Bonjour Madame Martin,

Lina était absente hier pour un rendez-vous médical (le justificatif a été transmis
à la vie scolaire) et elle a donc manqué le devoir sur table de français.

Est-il possible qu'elle le rattrape ? Elle s'inquiète beaucoup pour sa moyenne.

Je vous remercie par avance.
Bien cordialement,
Sandrine Dupont
""").m("claire", "p_dupont", """
Bonjour Madame,

Merci de m'avoir prévenue. Lina pourra rattraper le devoir le mercredi 3 décembre
de 10h à 12h, en salle B204 (je surveille un autre rattrapage ce créneau-là).
Qu'elle ne s'inquiète pas : un devoir manqué pour une raison justifiée ne pénalise
pas la moyenne.

Bien cordialement,
Claire Martin
""", at="+4h10")

T("Bac blanc de français — réunion d'équipe", "2025-11-27 13:02").m(
    "amelie", "lettres", """
Bonjour à toutes et à tous,

Comme évoqué lundi, il faudrait qu'on se mette d'accord sur le sujet et le barème
du bac blanc de français (écrit) prévu fin janvier pour les 1res.

Je vous propose une réunion le jeudi 4 décembre à 12h30 en salle B210.
Chacun peut apporter une ou deux propositions de corpus (commentaire + dissertation).

Merci de me dire si le créneau convient.
Amélie
""").m("claire", "lettres", """
Bonjour Amélie,

Jeudi 12h30 me convient. J'apporterai une proposition de commentaire sur un poème
des « Cahiers de Douai » et un sujet de dissertation sur l'œuvre intégrale.

Claire
""", at="+1h15").m("nadia", "lettres", """
Ça me va aussi. Je pourrai rester jusqu'à 13h20, j'ai cours ensuite.
Je proposerai un sujet sur « Manon Lescaut » pour varier.

Nadia
""", at="+2h")

one("dafor_gen", "claire", "Confirmation d'inscription — Formation « Enseigner et évaluer l'oral au lycée »",
    "2025-11-28 09:30", """
Madame,

Nous avons le plaisir de vous confirmer votre inscription au module de formation
suivant, inscrit au plan académique de formation 2025-2026 :

  Module : Enseigner et évaluer l'oral au lycée (EAF)
  Date : jeudi 22 janvier 2026, de 9h00 à 16h30
  Lieu : Atelier Canopée, 12 rue des Filatures, Montsauve
  Formatrice : Mme Hélène Saint-Jean, IA-IPR de lettres

Votre ordre de mission sera disponible dans l'application de gestion des
frais de déplacement une semaine avant la session. Les frais de repas sont pris
en charge selon la réglementation en vigueur.

En cas d'empêchement, merci de nous prévenir au plus tôt afin de libérer la place.

Cordialement,
La DAFOR — Rectorat de l'académie des Cévennes
""", folder=ADM, att=[invite("Formation — Enseigner et évaluer l'oral au lycée", "2026-01-22 09:00",
                             "2026-01-22 16:30", "Atelier Canopée, 12 rue des Filatures, Montsauve",
                             "Module PAF 2025-2026. Apporter une séquence en cours sur l'oral.",
                             "dafor", ["claire"])])

# ------------------------------------------------------------------ décembre 2025
T("Conseil de classe 2nde B — vos appréciations", "2025-12-02 17:40").m(
    "claire", "eq2ndeB", """
Bonjour à toutes et à tous,

En tant que professeure principale de la 2nde B, je prépare la synthèse pour le conseil
de classe du mardi 9 décembre (17h30).

Pourriez-vous saisir vos appréciations dans Scolaria d'ici dimanche soir ?
Si vous avez repéré des élèves en difficulté ou au contraire qui mériteraient des
encouragements ou des félicitations, n'hésitez pas à me le signaler par retour de mail :
cela m'aidera pour le bilan général.

Un grand merci,
Claire
""").m("julien", "claire", """
Bonsoir Claire,

C'est fait pour l'histoire-géo. Quelques remarques :
- Noah Da Silva : beaucoup d'absences, il décroche, je pense qu'il faut en parler avec la CPE ;
- Yasmine Ouali et Lina Dupont : très sérieuses, je proposerais des félicitations ;
- le groupe du fond (Tom, Ilyes, Mathis) est bavard mais ça s'améliore.

Bonne soirée,
Julien
""", at="+3h05").m("lucas", "claire", """
Hi Claire,

Appréciations saisies pour l'anglais. Classe agréable, niveau oral hétérogène.
Je rejoins Julien pour Noah : il n'a rendu aucun travail depuis la Toussaint.
Encouragements possibles pour Adam Keita, qui a fait de gros efforts.

Lucas
""", at="+1d08:20", irt=0).m("claire", "julien lucas", """
Merci à vous deux, c'est très utile.
Je vois Mme Aubert demain au sujet de Noah et je vous tiens informés.

Claire
""", at="+1h")

T("Situation de Noah Da Silva (2nde B)", "2025-12-03 10:12").m(
    "claire", "cpe", """
Bonjour Madame Aubert,

Plusieurs collègues de l'équipe de 2nde B s'inquiètent de la situation de Noah Da Silva :
absences répétées (surtout le lundi et le jeudi matin) et plus aucun travail rendu
depuis les vacances de la Toussaint.

Avez-vous des éléments de votre côté ? Serait-il possible de convoquer la famille
avant le conseil de classe du 9 décembre ?

Bien cordialement,
Claire Martin
Professeure principale de 2nde B
""").m("cpe", "claire", """
Bonjour Madame Martin,

Merci pour votre message. Effectivement, Noah cumule 23 demi-journées d'absence,
dont une majorité non justifiées. Un premier courrier a été envoyé à la famille le
20 novembre, sans réponse.

Je propose de recevoir Mme Da Silva avec vous le vendredi 5 décembre à 16h30,
dans mon bureau. Je l'appelle cet après-midi pour confirmer.

Bien cordialement,
Sophie Aubert
""", at="+2h40").m("claire", "cpe", """
Parfait, vendredi 16h30 me convient. Merci beaucoup.

Claire Martin
""", at="+25m").m("cpe", "claire", """
Mme Da Silva a confirmé le rendez-vous. Elle m'a indiqué que Noah traverse une période
compliquée (séparation des parents, déménagement). Je préviens aussi l'infirmière et
Mme Pastor (PsyEN) pour qu'ils puissent le recevoir s'il le souhaite.

À vendredi,
S. Aubert
""", at="+1d09:15", flag=False)

T("Échange de salle jeudi ?", "2025-12-05 08:03").m(
    "yannick", "claire", """
Salut Claire,

Jeudi prochain j'ai besoin de la salle informatique B106 de 10h à 11h pour un TP
Python avec mes 1re, et tu y es avec tes 2nde D si je lis bien le planning.
Tu accepterais d'échanger avec ma salle (B208) juste ce jour-là ?

Merci d'avance,
Yannick
""").m("claire", "yannick", """
Salut Yannick,

Aucun problème, je n'avais pas prévu d'utiliser les postes ce jour-là.
Pense juste à prévenir la vie scolaire pour qu'ils mettent à jour l'affichage.

Claire
""", at="+50m")

one("secretariat", "claire", "Convocation — conseil de classe de 2nde B", "2025-12-05 14:20", """
Madame,

Veuillez trouver ci-joint votre convocation au conseil de classe de 2nde B
du mardi 9 décembre 2025 à 17h30, en salle du conseil.

Bien cordialement,
Martine Roche
Secrétariat de direction
""", folder=CC, att=[pdf("Convocation conseil de classe 2nde B.pdf", "Convocation — Conseil de classe", [
    "Lycée Jean-Moulin — 4 avenue des Châtaigniers — 30999 Vallon-sur-Gardon", "",
    "Madame Claire MARTIN, professeure principale", "",
    "Vous êtes convoquée au conseil de classe de la classe de 2nde B",
    "qui se tiendra le mardi 9 décembre 2025 à 17h30, salle du conseil (bâtiment A).", "",
    "Ordre du jour :", "1. Bilan général de la classe (professeure principale)",
    "2. Intervention des délégués des élèves et des parents",
    "3. Examen des situations individuelles", "4. Questions diverses", "",
    "Présidence : M. Karim Benali, proviseur adjoint.", "",
    "Vallon-sur-Gardon, le 5 décembre 2025", "La proviseure, Nathalie Garnier"], "20251205140000")])

T("Synthèse du conseil de classe de 2nde B", "2025-12-10 08:15", folder=CC).m(
    "claire", "adjoint", """
Bonjour Monsieur Benali,

Vous trouverez ci-joint la synthèse du conseil de classe de 2nde B d'hier soir,
telle que nous l'avons arrêtée en séance, pour la transmission aux familles.

J'ai ajouté en fin de document les trois élèves pour lesquels un entretien
de suivi est prévu en janvier (Noah Da Silva, Ilyes Mansouri, Manon Gilles).

Bien cordialement,
Claire Martin
""", att=[docx("Synthèse conseil 2nde B — T1.docx", "Conseil de classe de 2nde B — 1er trimestre 2025-2026", [
    "# Bilan général",
    "Classe sympathique et globalement investie. Le travail personnel reste inégal et la "
    "participation orale est portée par un petit groupe d'élèves.",
    "Moyenne générale de la classe : 11,8 / 20.",
    "# Distinctions",
    "- Félicitations : Yasmine Ouali, Lina Dupont",
    "- Compliments : Jade Poirier, Camille Jourdan",
    "- Encouragements : Adam Keita, Sarah Benhamou, Tom Rouvier",
    "# Suivis proposés",
    "- Noah Da Silva : absentéisme ; rendez-vous avec la famille, suivi CPE et PsyEN.",
    "- Ilyes Mansouri : travail personnel insuffisant ; fiche de suivi hebdomadaire.",
    "- Manon Gilles : difficultés méthodologiques ; tutorat par une élève de 1re.",
    "# Parole des délégués",
    "Les délégués demandent un meilleur étalement des évaluations en fin de trimestre.",
])]).m("adjoint", "claire", """
Bonjour Madame Martin,

Merci pour cette synthèse très claire et pour la qualité de l'animation du conseil hier.
Je la transmets au secrétariat pour l'édition des bulletins.

Bien cordialement,
Karim Benali
Proviseur adjoint
""", at="+3h12")

one("sel", "claire", "Grève du mardi 16 décembre — préavis déposé", "2025-12-11 19:30", """
Chères et chers collègues,

Le SEL Cévennes a déposé un préavis de grève couvrant l'ensemble des personnels pour
la journée du mardi 16 décembre 2025, dans le cadre de la mobilisation nationale
contre les suppressions de postes prévues au budget 2026.

Rappels utiles :
- dans le second degré, vous n'avez pas à vous déclarer gréviste à l'avance ;
- la retenue sur salaire est d'un trentième par jour de grève ;
- un rassemblement est prévu à 11h devant le rectorat, à Montsauve.

Les camarades de chaque établissement peuvent organiser une heure d'information
syndicale en amont : contactez votre secrétaire de section.

Syndicalement,
Le bureau académique du SEL Cévennes
""", folder=SYN)

T("Réservation groupe — « Cyrano de Bergerac » (mars 2026)", "2025-12-15 10:40", folder=SOR).m(
    "claire", "theatre", """
Bonjour,

Je suis professeure de lettres au lycée Jean-Moulin de Vallon-sur-Gardon et je
souhaiterais réserver des places pour la représentation scolaire de « Cyrano de
Bergerac » du jeudi 19 mars 2026 (matinée de 14h30), pour une classe de seconde :
32 élèves et 3 accompagnateurs.

Pourriez-vous me confirmer la disponibilité et m'indiquer le tarif scolaire ?
Proposez-vous également une rencontre avec l'équipe artistique après la représentation ?

Je vous remercie par avance.
Bien cordialement,
Claire Martin
""").m("theatre", "claire", """
Bonjour Madame Martin,

Merci pour votre demande. Nous avons bien de la place le jeudi 19 mars à 14h30 :
je vous ai pré-réservé 35 places (32 élèves + 3 accompagnateurs gratuits).

Le tarif scolaire est de 9 € par élève. Un bord de plateau d'environ 20 minutes
avec deux comédiens est prévu à l'issue de cette représentation.

Vous trouverez ci-joint le devis ainsi que le dossier pédagogique du spectacle.
Merci de nous confirmer la réservation avant le 30 janvier.

Bien cordialement,
""", at="+1d11:02", att=[pdf("Devis groupe scolaire Cyrano.pdf", "Devis — Représentation scolaire", [
    "Théâtre du Pont-Neuf — Montsauve", "Devis n° 2025-412 — Lycée Jean-Moulin (Mme Martin)", "",
    "Spectacle : Cyrano de Bergerac, d'Edmond Rostand — mise en scène Compagnie du Tiers-Temps",
    "Date : jeudi 19 mars 2026, 14h30 (durée 2h10 sans entracte)", "",
    "32 places élèves x 9,00 EUR = 288,00 EUR", "3 places accompagnateurs : gratuites", "",
    "Total TTC : 288,00 EUR", "Règlement par mandat administratif à réception de facture.",
    "Option de réservation valable jusqu'au 30 janvier 2026."], "20251216110000", "Théâtre du Pont-Neuf")]).m(
    "claire", "theatre", """
Bonjour Madame Aymard,

Merci pour votre réponse rapide. Je fais valider la sortie par la direction et je
vous confirme la réservation avant la fin janvier.

Bien cordialement,
Claire Martin
""", at="+2h")

one("proviseure", "equipe", "Fin du premier trimestre et bonnes fêtes", "2025-12-19 16:45", """
Mesdames, Messieurs, chers collègues,

Le premier trimestre s'achève et je tiens à vous remercier chaleureusement pour votre
investissement : conseils de classe, portes ouvertes du CDI, journée de l'engagement
lycéen, sans oublier le remarquable concert de l'option musique de mardi.

Quelques informations pour la rentrée du lundi 5 janvier :
- les bulletins seront envoyés aux familles le 22 décembre ;
- la réunion parents-professeurs des classes de 2nde aura lieu le vendredi 16 janvier ;
- les travaux de la salle polyvalente seront terminés pendant les vacances.

Je vous souhaite à toutes et à tous d'excellentes fêtes de fin d'année et un vrai repos.

Bien cordialement,
""")

# ------------------------------------------------------------------ janvier 2026
T("Bonne année ! Et la visite du musée", "2026-01-05 07:55", folder=SOR).m(
    "julien", "claire", """
Bonne année Claire !

J'espère que tu as pu couper un peu. Bonne nouvelle : le musée nous propose le
jeudi 29 janvier de 9h à 11h30 pour la visite « Écrire la montagne ».
Ils envoient le livret pédagogique dans la semaine.

Je lance les autorisations parentales dès aujourd'hui ?

Julien
""").m("claire", "julien", """
Meilleurs vœux à toi aussi !

Le 29 janvier, c'est parfait. Oui, lance les autorisations, je préparerai le
questionnaire de visite à partir du livret dès qu'on l'a.

Il faudra un troisième accompagnateur : je demande à Olivier, il a une heure de
libre ce matin-là.

Claire
""", at="+1h30")

T("Remplacement de courte durée — lettres 1re G1", "2026-01-07 12:10", folder=ADM).m(
    "adjoint", "claire", """
Madame Martin,

Mme Perrin sera absente du 12 au 23 janvier inclus (raison médicale). Pour éviter une
rupture trop longue avec sa classe de 1re G1 à l'approche du bac blanc, accepteriez-vous
d'assurer deux heures supplémentaires par semaine en remplacement de courte durée,
le lundi de 15h à 16h et le vendredi de 11h à 12h ?

Ces heures seront rémunérées en heures supplémentaires effectives (HSE).

Bien cordialement,
Karim Benali
""").m("claire", "adjoint", """
Monsieur Benali,

J'accepte volontiers. Je vais contacter Amélie pour récupérer sa progression et les
textes en cours, afin d'assurer la continuité.

Le vendredi 11h-12h me pose seulement problème le 16 janvier (réunion parents-professeurs
à préparer), mais je peux décaler sur le jeudi 15 de 16h à 17h si une salle est libre.

Bien cordialement,
Claire Martin
""", at="+2h20").m("adjoint", "claire", """
Merci beaucoup. La salle B204 est libre le jeudi 15 de 16h à 17h, je la réserve et
je fais prévenir les élèves par la vie scolaire.

K. Benali
""", at="+1h05")

one("dsden_sorties", "equipe", "Rappel — procédure de déclaration des sorties et voyages scolaires",
    "2026-01-08 09:00", """
Mesdames et Messieurs les enseignants,

À l'approche de la période de programmation des voyages du printemps, je vous rappelle
la procédure en vigueur dans le département :

1. toute sortie sur temps scolaire doit être autorisée par le chef d'établissement ;
2. les voyages avec nuitée(s) doivent être présentés au conseil d'administration
   (programmation, financement, budget) ;
3. pour les déplacements à l'étranger, la fiche de déclaration doit parvenir à la DSDEN
   au moins six semaines avant le départ ;
4. les autorisations parentales sont obligatoires pour les élèves mineurs.

Le formulaire mis à jour est disponible sur l'intranet académique, rubrique
« Vie de l'élève ».

Cordialement,
Bruno Lacombe
DSDEN du Haut-Gardon — Bureau de la vie scolaire et des sorties
""", folder=SOR)

T("Demande de rendez-vous — Yasmine Ouali (2nde B)", "2026-01-12 20:31", folder=C2B).m(
    "p_ouali", "claire", """
Bonsoir Madame Martin,

Nous aimerions vous rencontrer au sujet de l'orientation de notre fille Yasmine.
Elle hésite entre la voie générale avec les spécialités HLP et SES et la série STMG,
et nous ne savons pas trop comment l'aider à choisir.

Seriez-vous disponible un soir de la semaine prochaine ? Nous finissons tous les deux
le travail vers 17h30.

Avec nos remerciements,
Samira et Karim Ouali
""").m("claire", "p_ouali", """
Bonsoir Madame, bonsoir Monsieur,

Avec plaisir. Je vous propose le mardi 20 janvier à 17h45, au lycée (accueil puis
salle B204). Yasmine peut bien sûr venir avec vous.

Je vous suggère aussi de prendre rendez-vous avec Mme Pastor, psychologue de
l'Éducation nationale, qui reçoit au CDI le jeudi.

Bien cordialement,
Claire Martin
""", at="+1d07:40").m("p_ouali", "claire", """
Merci beaucoup Madame, ce sera parfait. Nous serons là mardi à 17h45 avec Yasmine.

Bonne journée,
S. Ouali
""", at="+3h")

T("Concours de nouvelles 2026 — projet de règlement", "2026-01-14 13:10", folder=PRJ).m(
    "doc", "claire", """
Coucou Claire,

Comme promis, voici un premier jet du règlement du concours de nouvelles.
Thème proposé : « Ce que la rivière emporte ». Longueur : 3 à 6 pages.
Remise des textes au CDI avant le 27 mars, remise des prix en mai.

Tu peux relire et corriger directement dans le document ?
Je pensais proposer à Élise Fauré d'être marraine du jury, tu la connais, je crois ?

Bises,
Élodie
""", att=[docx("Règlement concours de nouvelles 2026.docx", "Concours de nouvelles du lycée Jean-Moulin — 2026", [
    "# Thème", "« Ce que la rivière emporte »",
    "# Participants", "Le concours est ouvert à tous les élèves du lycée, individuellement ou en binôme.",
    "# Forme", "Nouvelle inédite en français, de 3 à 6 pages (police 12, interligne 1,5).",
    "# Calendrier",
    "- Dépôt des textes au CDI ou sur l'ENT Éclat : avant le vendredi 27 mars 2026",
    "- Délibération du jury : avril 2026", "- Remise des prix : mai 2026",
    "# Jury", "Professeurs de lettres, professeure documentaliste, élèves du CVL et une autrice invitée.",
    "# Prix", "Chèques-lecture offerts par l'association des parents d'élèves et la librairie Le Chat lettré.",
], author="Élodie Chabert")]).m("claire", "doc", """
Merci Élodie, c'est très bien ! J'ai fait deux petites modifications :
- préciser que les textes doivent être anonymisés (nom sur une feuille séparée) ;
- accepter les textes écrits en atelier d'écriture, pas seulement à la maison.

Oui, je connais Élise Fauré, elle était venue au lycée de Saint-Rémy il y a deux ans.
Je lui écris cette semaine.

Claire
""", at="+3h30").m("doc", "claire", """
Top, je prends tes modifications. On affiche le règlement lundi !
É.
""", at="+40m")

T("Réunion parents-professeurs des classes de 2nde — vendredi 16 janvier", "2026-01-09 15:00").m(
    "adjoint", "pp2nde", """
Mesdames et Messieurs les professeurs principaux de 2nde,

La réunion parents-professeurs des classes de seconde aura lieu le vendredi 16 janvier
de 16h30 à 20h00. Les familles prennent rendez-vous via Scolaria jusqu'au 14 janvier.

Les professeurs principaux recevront en priorité les familles des élèves dont la
situation a été évoquée en conseil de classe. Merci de vérifier vos plannings de
rendez-vous dans Scolaria dès jeudi.

Bien cordialement,
Karim Benali
""").m("claire", "adjoint", """
Monsieur Benali,

Bien noté. Serait-il possible d'avoir la salle B204 plutôt que le gymnase ?
Les entretiens avec certaines familles demandent un peu de confidentialité.

Bien cordialement,
Claire Martin
""", at="+1h45").m("adjoint", "claire", """
C'est entendu, la B204 vous est réservée de 16h à 20h30.
K. B.
""", at="+40m")

one("ipr", "lettres", "Journée académique des lettres — épreuves anticipées de français 2026", "2026-01-19 09:20", """
Mesdames et Messieurs les professeurs de lettres,

Je vous informe de la tenue de la journée académique des lettres le mercredi 11 mars 2026
à Montsauve, consacrée aux épreuves anticipées de français de la session 2026 :
nouvelles œuvres au programme, évaluation de l'oral, harmonisation des pratiques.

Un ordre de mission sera adressé à un représentant par établissement ; les autres
collègues pourront suivre la retransmission en direct sur la plateforme académique.

Je vous remercie pour votre engagement au service de la réussite de vos élèves.

Jean-Marc Delorme
IA-IPR de lettres
""")

T("Emma — spécialités en terminale", "2026-01-20 21:14", folder=C1G).m(
    "p_lacroix", "claire", """
Bonsoir Madame Martin,

Emma souhaiterait abandonner la spécialité mathématiques en fin d'année pour garder
HLP et SES. Elle a peur que cela lui ferme les portes des classes préparatoires
littéraires. Pourriez-vous nous donner votre avis ? Vous la connaissez bien.

Merci pour tout ce que vous faites pour elle cette année, elle adore votre cours.

Anne Lacroix
""").m("claire", "p_lacroix", """
Bonsoir Madame,

Merci pour votre message et pour vos mots aimables. Le choix HLP + SES est tout à fait
cohérent pour une classe préparatoire littéraire (khâgne A/L ou B/L selon les cas :
pour la B/L, les mathématiques restent toutefois utiles, en option « mathématiques
complémentaires » en terminale).

Emma a un vrai talent pour l'argumentation écrite ; je l'encourage à en parler aussi
avec Mme Pastor, et à regarder les sites des classes préparatoires de l'académie.

Bien cordialement,
Claire Martin
""", at="+1d18:05")

one("dafor", "claire", "Formation du 22 janvier — supports et attestation", "2026-01-23 11:40", """
Madame,

Merci pour votre participation active à la journée « Enseigner et évaluer l'oral au lycée ».
Vous trouverez ci-joint la synthèse de la journée ainsi que votre attestation de présence.

Les supports complets (diaporamas, grilles d'évaluation, captations vidéo) sont disponibles
dans l'espace « Lettres — formation » de l'ENT Éclat.

Cordialement,
Sandrine Collet
DAFOR — Rectorat de l'académie des Cévennes
""", folder=ADM, att=[pdf("Synthèse formation oral EAF.pdf", "Enseigner et évaluer l'oral au lycée — synthèse", [
    "Plan académique de formation 2025-2026 — module 25LET014", "Session du 22 janvier 2026, Montsauve", "",
    "1. L'épreuve orale de l'EAF : rappel du cadre réglementaire (20 minutes, 30 minutes de préparation).",
    "2. Construire l'oral au fil de l'année : oraux courts, lecture expressive, explication linéaire.",
    "3. Évaluer : grille académique commune, critères observables, bienveillance et exigence.",
    "4. Ateliers : analyse de captations d'oraux d'élèves, harmonisation des notes.", "",
    "Attestation : Mme Claire MARTIN a participé à l'intégralité de la session (6 heures).", "",
    "Pour la rectrice et par délégation, la responsable de la DAFOR"], "20260123110000", "DAFOR")])

T("Listes de textes pour l'oral de l'EAF", "2026-01-26 18:05").m(
    "amelie", "claire", """
Claire,

Tu as avancé sur ta liste de textes pour les 1re G3 ? Je me demandais si on pouvait
harmoniser un minimum : même nombre de textes par objet d'étude (je pensais à 4 ou 5),
et la même présentation du descriptif, pour que les examinateurs s'y retrouvent.

Je t'envoie mon modèle demain.
Bises, Amélie
""").m("claire", "amelie", """
Coucou Amélie,

Oui, bonne idée. Je suis partie sur 5 textes pour la poésie et le roman, 4 pour le
théâtre et la littérature d'idées, soit 18 au total. Ça te va ?
Envoie-moi ton modèle, je reprendrai la même mise en page.

Claire
""", at="+2h10").m("amelie", "claire", """
18 c'est bien, c'est aussi ce que j'ai. Voilà le modèle (tableau par objet d'étude,
avec le parcours associé et les lectures cursives en dessous).
""", at="+1d07:32", att=[docx("Modèle descriptif EAF.docx", "Descriptif des lectures et activités — EAF 2026", [
    "Établissement : Lycée Jean-Moulin, Vallon-sur-Gardon", "Classe : 1re ___ — Professeur : ___",
    "# Objet d'étude 1 : La poésie du XIXe siècle au XXIe siècle",
    "Œuvre intégrale et parcours associé :", "- Texte 1 :", "- Texte 2 :", "- Texte 3 :",
    "# Objet d'étude 2 : La littérature d'idées du XVIe siècle au XVIIIe siècle",
    "# Objet d'étude 3 : Le roman et le récit du Moyen Âge au XXIe siècle",
    "# Objet d'étude 4 : Le théâtre du XVIIe siècle au XXIe siècle",
    "# Lectures cursives", "# Activités complémentaires (sorties, rencontres, ateliers)"],
    author="Amélie Perrin")]).m("claire", "amelie", """
Merci ! Je m'y mets ce week-end.
""", at="+20m")

T("Devis transport — sortie théâtre du 19 mars", "2026-01-29 16:20", folder=SOR).m(
    "claire", "autocars", """
Bonjour,

Pourriez-vous m'établir un devis pour le transport d'un groupe de 35 personnes
(32 élèves et 3 adultes) le jeudi 19 mars 2026 :
- départ du lycée Jean-Moulin, Vallon-sur-Gardon, à 13h15 ;
- arrivée au Théâtre du Pont-Neuf, Montsauve ;
- retour au lycée vers 17h45.

Merci d'adresser le devis à mon attention, avec copie au service gestion du lycée.

Bien cordialement,
Claire Martin
""", cc="gestion").m("autocars", "claire", """
Bonjour Madame,

Veuillez trouver ci-joint notre devis pour la prestation demandée : autocar de
49 places, 345 € TTC, attente du chauffeur comprise.

Nous restons à votre disposition.
""", cc="gestion", at="+1d10:10", att=[pdf("Devis Autocars du Gardon 2026-0117.pdf", "Devis n° 2026-0117", [
    "Autocars du Gardon — Zone artisanale des Mûriers — Vallon-sur-Gardon", "",
    "Client : Lycée Jean-Moulin — à l'attention de Mme Martin",
    "Prestation : transfert aller-retour Vallon-sur-Gardon / Montsauve (Théâtre du Pont-Neuf)",
    "Date : jeudi 19 mars 2026 — départ 13h15, retour 17h45",
    "Véhicule : autocar 49 places, ceintures de sécurité, chauffeur professionnel", "",
    "Montant HT : 313,64 EUR   TVA 10 % : 31,36 EUR   Total TTC : 345,00 EUR", "",
    "Devis valable 3 mois. Bon pour accord, date et signature :"], "20260130100000", "Autocars du Gardon")])

# ------------------------------------------------------------------ février 2026
T("Autorisations parentales — sortie théâtre 2nde B (19 mars)", "2026-02-02 12:40", folder=SOR).m(
    "claire", "cpe", """
Bonjour Madame Aubert,

La sortie au Théâtre du Pont-Neuf du 19 mars a été validée par Mme Garnier.
Vous trouverez ci-joint l'autorisation parentale que je distribuerai aux élèves jeudi.
Pourriez-vous la diffuser également aux familles via Scolaria ?

Je collecterai les coupons et la participation (5 €, le reste étant pris en charge
par le lycée) jusqu'au 6 mars.

Bien cordialement,
Claire Martin
""", cc="proviseure", att=[pdf("Autorisation parentale sortie théâtre.pdf",
                               "Autorisation parentale — sortie au théâtre", [
    "Lycée Jean-Moulin — Classe de 2nde B", "",
    "Madame, Monsieur,",
    "Dans le cadre de l'étude du théâtre en cours de français, la classe de 2nde B assistera",
    "à la représentation de « Cyrano de Bergerac » au Théâtre du Pont-Neuf de Montsauve,",
    "le jeudi 19 mars 2026 à 14h30. Départ du lycée en car à 13h15, retour vers 17h45.",
    "Une participation de 5 euros est demandée aux familles (chèque à l'ordre de l'agent comptable).", "",
    "Accompagnateurs : Mme Martin, M. Roux, M. Mercier.", "",
    "-----------------------------------------------------------------------------",
    "Je soussigné(e) ..........................................................",
    "autorise mon enfant ....................................... à participer à la sortie.",
    "Téléphone en cas d'urgence : .......................",
    "Date et signature :"], "20260202120000", "Claire Martin")]).m("cpe", "claire", """
Bonjour Madame Martin,

C'est diffusé dans Scolaria (rubrique Documents de la classe). Pensez à me remettre la
liste des élèves participants la veille, pour que la vie scolaire mette à jour les absences.

Bien cordialement,
Sophie Aubert
""", at="+2h30")

T("Sortie du 19 mars — horaire de retour", "2026-02-04 19:50", folder=SOR).m(
    "p_gilles", "claire", """
Bonsoir Madame,

Manon a bien rapporté l'autorisation pour la sortie au théâtre. Je travaille jusqu'à
18h30 ce jour-là : est-il possible qu'elle rentre directement chez nous avec la mère
d'une camarade, qui viendrait la chercher au théâtre à la fin de la représentation ?

Merci de votre réponse,
Virginie Gilles
""").m("claire", "p_gilles", """
Bonsoir Madame,

C'est possible, à condition que vous nous remettiez une décharge écrite précisant
le nom de la personne qui récupérera Manon. Elle devra se présenter à l'un des
accompagnateurs à la sortie du théâtre.

Bien cordialement,
Claire Martin
""", at="+1d12:20")

one("sel", "claire", "Heure mensuelle d'information syndicale — jeudi 12 février", "2026-02-05 08:00", """
Chères et chers collègues du lycée Jean-Moulin,

La section SEL de l'établissement organise une heure mensuelle d'information syndicale
ouverte à toutes et à tous, syndiqués ou non :

  jeudi 12 février, de 12h15 à 13h15, salle B110

Ordre du jour : la dotation horaire globale 2026-2027 (suppression annoncée de
18 heures), la préparation du conseil d'administration du 24 février, les questions
sur les rendez-vous de carrière.

Pensez à déposer votre demande d'autorisation d'absence auprès du secrétariat au moins
48 heures à l'avance si vous avez cours sur ce créneau.

Pour la section, Marc Vidal
""", folder=SYN)

T("Photos de la visite au musée", "2026-02-09 13:35", folder=SOR).m(
    "julien", "claire", """
Hello,

Je t'envoie les deux photos de la visite qu'on pourra mettre sur l'ENT (j'ai vérifié :
aucun élève sans droit à l'image n'est reconnaissable). Elles ont bien travaillé, les
questionnaires que j'ai corrigés sont plutôt réussis.

Julien
""", att=[png("Visite musée - groupe 2nde B.png", "group", 1), png("Visite musée - le vieux pont.png", "landscape", 2)]
).m("claire", "julien", """
Merci, elles sont très chouettes ! Je les mets dans l'article du blog du lycée avec
deux extraits des textes des élèves.

Claire
""", at="+3h")

one("proviseure", "equipe", "Dotation horaire globale 2026-2027 — conseil pédagogique du 17 février",
    "2026-02-10 17:20", """
Mesdames, Messieurs,

Vous trouverez ci-joint la note de présentation de la dotation horaire globale (DHG)
pour la rentrée 2026, qui sera présentée en conseil pédagogique le mardi 17 février
puis soumise au vote du conseil d'administration le 24 février.

La dotation est en baisse de 18 heures, en raison d'une diminution prévisionnelle
des effectifs en première. Je tiens à préserver les dédoublements en seconde et les
options ; vos propositions seront les bienvenues lors du conseil pédagogique.

Bien cordialement,
""", att=[pdf("Note de présentation DHG 2026.pdf", "Dotation horaire globale — rentrée 2026", [
    "Lycée Jean-Moulin — Note de présentation au conseil pédagogique", "",
    "DHG notifiée : 1 182 heures (dont 1 104 heures-postes et 78 HSA) — rappel 2025 : 1 200 heures.",
    "Effectifs prévisionnels : 2nde 272 (=), 1re 248 (-24), Tle 251 (+6).", "",
    "Principes de répartition proposés :",
    "- maintien des groupes à effectif réduit en 2nde (français, mathématiques, langues) ;",
    "- maintien des options théâtre, latin, musique et section européenne ;",
    "- fermeture d'un groupe de spécialité HLP en 1re (2 groupes au lieu de 3).", "",
    "Calendrier : conseil pédagogique le 17/02, commission permanente le 19/02, CA le 24/02."],
    "20260210170000", "Nathalie Garnier")])

T("Motion sur la DHG au CA", "2026-02-12 14:40", folder=SYN).m(
    "marc", "claire julien fatima", """
Bonjour à vous trois,

Suite à l'heure d'info de ce midi, je vous propose un projet de motion à lire au
conseil d'administration du 24. Vous êtes élus au CA : pouvez-vous me faire vos
retours d'ici lundi ?

« Les représentants des personnels dénoncent la baisse de 18 heures de la DHG, qui
conduit à la fermeture d'un groupe de spécialité HLP et menace à terme l'offre de
formation du lycée Jean-Moulin, seul établissement du bassin à proposer cette
spécialité... »

Bien à vous,
Marc
""").m("claire", "marc julien fatima", """
Bonjour Marc,

Merci pour ce texte. Je propose d'ajouter une phrase sur les effectifs : avec deux
groupes au lieu de trois, on passerait à 34 élèves par groupe en HLP, ce qui rend
très difficile le travail de l'oral et de l'écriture.

Je voterai contre la répartition si la fermeture est maintenue.

Claire
""", at="+5h").m("julien", "marc claire fatima", """
D'accord avec l'ajout de Claire. Je suis d'accord pour lire la motion si personne
d'autre ne veut le faire.
Julien
""", at="+1h10")

T("Adam rencontre des difficultés en français", "2026-02-16 18:22", folder=C2B).m(
    "p_keita", "claire", """
Bonjour Madame Martin,

Je me permets de vous écrire car Adam a eu 7 au dernier devoir et il est découragé.
Il dit qu'il ne comprend pas ce qu'on attend de lui dans le commentaire.
À la maison, nous ne savons pas comment l'aider, le français n'est pas notre point fort.

Est-ce qu'il existe du soutien au lycée ?

Merci beaucoup,
Aminata Keita
""").m("claire", "p_keita", """
Bonjour Madame Keita,

Merci de m'avoir écrit. Adam a fait beaucoup de progrès à l'oral ce trimestre et il
participe davantage, ce qui est très encourageant.

Pour le commentaire, je vais l'inscrire à l'atelier méthodologie du mercredi
(9h-10h, accompagnement personnalisé) : nous y reprenons pas à pas la construction
d'un paragraphe. Il peut aussi retrouver des fiches méthode et des exemples corrigés
dans l'espace de la classe sur l'ENT Éclat.

N'hésitez pas à me recontacter si besoin.
Bien cordialement,
Claire Martin
""", at="+1d07:50").m("p_keita", "claire", """
Merci Madame, Adam ira mercredi. Il était content de savoir que vous aviez remarqué ses efforts.

Bonne journée,
A. Keita
""", at="+5h")

T("Rencontre avec vos élèves — concours de nouvelles", "2026-02-18 10:02", folder=PRJ).m(
    "claire", "autrice", """
Chère Élise Fauré,

Je ne sais pas si vous vous souvenez de moi : nous nous étions rencontrées au lycée
de Saint-Rémy il y a deux ans, lors de la remise des prix de « Lire en Cévennes ».

J'enseigne désormais au lycée Jean-Moulin de Vallon-sur-Gardon, où nous organisons
un concours de nouvelles sur le thème « Ce que la rivière emporte ». Accepteriez-vous
d'être la marraine du jury et de rencontrer une ou deux classes au printemps ?
L'intervention serait rémunérée selon le barème de la Charte des auteurs.

Avec mes sentiments les meilleurs,
Claire Martin
""").m("autrice", "claire", """
Chère Claire Martin,

Bien sûr que je me souviens ! Votre classe m'avait posé des questions redoutables sur
la fin de « La Maison des crues ».

J'accepte avec grand plaisir, le thème me parle évidemment. Je suis disponible
la semaine du 13 avril ou celle du 4 mai. Je peux animer un atelier d'écriture
de deux heures par classe.

Bien à vous,
Élise
""", at="+1d21:14").m("claire", "autrice", """
Chère Élise,

Merveilleux ! La semaine du 4 mai serait idéale : les textes auront été rendus et
le jury pourra délibérer avec vous. Je vous propose le mardi 5 mai, avec ma 2nde B de
8h à 10h puis la 1re G3 de 10h à 12h. Le déjeuner au lycée vous est offert, bien sûr.

Élodie Chabert, la professeure documentaliste, vous enverra la convention.

Amicalement,
Claire
""", at="+1d08:30", cc="doc").m("autrice", "claire", """
C'est noté pour le mardi 5 mai. J'ai hâte !
Élise
""", cc="doc", at="+6h")

# ------------------------------------------------------------------ mars 2026
one("secretariat", "claire", "Convocations — conseils de classe du 2e trimestre", "2026-03-09 10:30", """
Madame,

Veuillez trouver ci-joint vos convocations aux conseils de classe du deuxième trimestre :
- 1re G3 : lundi 16 mars à 17h30 ;
- 2nde B : mardi 17 mars à 17h30 (professeure principale) ;
- 1re STMG 2 : jeudi 19 mars à 18h00.

Attention : le conseil de 1re STMG 2 a lieu le soir de la sortie au théâtre ; le retour
du car étant prévu vers 17h45, M. Benali a maintenu l'horaire de 18h00.

Bien cordialement,
Martine Roche
""", folder=CC, att=[pdf("Convocations conseils de classe T2.pdf", "Convocations — Conseils de classe du 2e trimestre", [
    "Madame Claire MARTIN — professeure de lettres modernes", "",
    "Lundi 16 mars 2026, 17h30 : conseil de classe de 1re G3 (salle du conseil)",
    "Mardi 17 mars 2026, 17h30 : conseil de classe de 2nde B — professeure principale",
    "Jeudi 19 mars 2026, 18h00 : conseil de classe de 1re STMG 2 (salle 112)", "",
    "Rappel : saisie des appréciations dans Scolaria 48 h avant chaque conseil.", "",
    "La proviseure, Nathalie Garnier"], "20260309100000")])

T("Ton recueil de Maupassant", "2026-03-10 12:58").m(
    "nadia", "claire", """
Claire, tu aurais encore ton exemplaire annoté des « Contes de la bécasse » ?
Je voudrais faire lire « La Rempailleuse » à mes 2nde et je n'ai que l'édition de
poche sans appareil critique. Je te le rends vendredi promis !

Nadia
""").m("claire", "nadia", """
Oui, il est dans mon casier en salle des profs (casier 27), sers-toi !
Il y a aussi un questionnaire de lecture glissé dedans si ça peut t'aider.

Claire
""", at="+25m")

T("Conseil de classe 2nde B — orientation", "2026-03-12 10:14", folder=CC).m(
    "julien", "claire", """
Bonjour Claire,

Avant le conseil de mardi, une question sur les intentions d'orientation : plusieurs
élèves ont coché « 1re STMG » sans vraiment savoir ce que c'est (Tom et Ilyes
notamment). Est-ce qu'on pourrait prévoir une intervention de Léa Tran en classe
pour présenter la série, avant le conseil du 3e trimestre ?

Et je te confirme que je pourrai être présent mardi jusqu'à 19h.

Julien
""").m("claire", "julien", """
Bonjour Julien,

Très bonne idée. J'en parle à Léa, et je proposerai aussi aux élèves les mini-stages
en 1re STMG qu'organise M. Benali en avril.

Pour mardi, parfait ; je commencerai par les situations les plus délicates pour que
tu puisses donner ton avis avant de partir.

Claire
""", at="+1h40").m("julien", "claire", """
Merci ! Et pour Noah, tu as des nouvelles ? Il était présent à tous mes cours depuis
les vacances, ce qui est déjà une belle évolution.

J.
""", at="+1h20").m("claire", "julien", """
Oui, il a repris pied. Mme Aubert le voit toutes les deux semaines et ça lui fait
du bien. On pourra proposer des encouragements, il a vraiment fait des efforts.

Claire
""", at="+30m")

one("dec_gen", "claire", "Baccalauréat 2026 — désignation comme examinatrice des épreuves anticipées de français",
    "2026-03-16 14:00", """
Madame,

Vous êtes susceptible d'être désignée comme examinatrice pour les épreuves anticipées
de français (EAF) de la session 2026 :

  - épreuve écrite : jeudi 11 juin 2026 (correction du 12 au 24 juin) ;
  - épreuves orales : du mardi 23 juin au vendredi 3 juillet 2026.

Votre convocation définitive sera disponible dans l'application Cyclades à partir du
5 mai. Merci de signaler toute impossibilité dûment justifiée avant le 3 avril via
votre chef d'établissement.

Division des examens et concours
Rectorat de l'académie des Cévennes
""", folder=ADM)

T("Note de Jade au commentaire", "2026-03-18 21:47", folder=C2B).m(
    "p_poirier", "claire", """
Madame,

Jade a obtenu 9/20 au commentaire alors qu'elle avait travaillé tout le week-end,
et qu'une de ses amies a eu 14 avec un devoir qui, selon elle, était très proche.
Nous aimerions comprendre les critères de notation.

Cordialement,
Stéphane Poirier
""").m("claire", "p_poirier", """
Monsieur,

Je comprends la déception de Jade, qui est une élève sérieuse. Sa copie comporte de
bonnes remarques, mais elle paraphrase souvent le texte au lieu de l'analyser, et la
troisième partie n'est pas rédigée. C'est précisément sur ces points que porte le
barème, que j'ai communiqué aux élèves avec le sujet et qui figure sur la copie.

Je propose à Jade de venir me voir à la fin du cours de jeudi : nous reprendrons
ensemble un paragraphe pour qu'elle voie concrètement comment progresser.

Bien cordialement,
Claire Martin
""", at="+1d07:15").m("p_poirier", "claire", """
Madame,

Merci pour cette réponse détaillée. Jade viendra vous voir jeudi.

Cordialement,
S. Poirier
""", at="+5h")

T("Merci pour la sortie au théâtre !", "2026-03-20 08:40", folder=SOR).m(
    "claire", "julien olivier", """
Bonjour à vous deux,

Un grand merci pour votre aide hier. Les élèves ont adoré la représentation et le bord
de plateau — Adam a même posé une question au comédien qui jouait Cyrano !

Voici la photo de groupe devant le théâtre (tous les élèves ont l'autorisation de
droit à l'image).

Claire
""", att=[png("Sortie Cyrano - 2nde B.png", "group", 3)]).m("olivier", "claire", """
Avec plaisir, super sortie. Par contre la prochaine fois, on prévoit un car qui a
du chauffage ;-)

Olivier
""", at="+3h10")

T("Incident en cours — 1re STMG 2", "2026-03-24 11:55", folder=CST).m(
    "claire", "cpe2", """
Bonjour Monsieur Nguyen,

Je vous signale un incident survenu ce matin en 1re STMG 2 (10h-11h) : Dylan Boyer
a refusé de ranger son téléphone à plusieurs reprises, puis a quitté la salle sans
autorisation en claquant la porte. Je l'ai fait rechercher par un assistant d'éducation.

Je souhaiterais qu'il soit reçu par la vie scolaire et que la famille soit informée.
Je rédige le rapport d'incident dans Scolaria.

Bien cordialement,
Claire Martin
""").m("cpe2", "claire", """
Bonjour Madame Martin,

Merci pour votre signalement. J'ai reçu Dylan à 11h15 : il reconnaît les faits et
présentera ses excuses au début du prochain cours. J'ai appelé M. Boyer, qui
souhaite vous rencontrer ; il vous contactera directement.

Une retenue est posée le mercredi 1er avril de 13h à 15h.

Cordialement,
Thomas Nguyen
CPE
""", at="+3h")

T("Appel à projets — écriture numérique au lycée", "2026-03-26 09:05").m(
    "dane", "lettres", """
Mesdames, Messieurs,

La délégation académique au numérique éducatif (DANE) lance un appel à projets
« Écrire et publier en ligne au lycée » pour l'année 2026-2027 : accompagnement par un
formateur, prêt de tablettes et de micros, hébergement d'un blog ou d'un podcast de classe.

Les dossiers (deux pages maximum) sont à déposer avant le 30 avril.

Romain Lebrun
DANE des Cévennes
""").m("claire", "dane", """
Bonjour Monsieur Lebrun,

Le projet m'intéresse pour mon atelier théâtre et pour le concours de nouvelles :
nous aimerions enregistrer un podcast de lectures des textes lauréats.
Le prêt de micros est-il possible dès la fin de cette année scolaire ?

Bien cordialement,
Claire Martin
""", at="+1d10:20").m("dane", "claire", """
Bonjour Madame Martin,

Oui, nous pouvons vous prêter un kit de prise de son (deux micros, une enregistreuse)
dès le mois de mai. Je vous encourage à déposer un dossier pour l'année prochaine.

Bien cordialement,
R. Lebrun
""", at="+1d14:00")
