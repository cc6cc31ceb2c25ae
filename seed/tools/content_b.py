"""Conversations, April 2026 – November 2026."""
from engine import T, one
from atts import pdf, png, docx, invite
from content_a import CC, C2B, C1G, CST, SOR, ADM, SYN, PRJ

# ------------------------------------------------------------------ avril 2026
T("Oraux blancs de l'EAF — planning", "2026-04-01 17:10").m(
    "amelie", "lettres", """
Bonjour à tous,

Voici le planning des oraux blancs de français pour les 1res (semaine du 11 mai).
Chaque élève passe 20 minutes avec un professeur qui n'est pas le sien, comme à l'examen.
Je vous ai réparti les créneaux en fonction de vos emplois du temps : dites-moi vite
si quelque chose coince.

Amélie
""", att=[docx("Planning oraux blancs EAF 2026.docx", "Oraux blancs EAF — semaine du 11 mai 2026", [
    "# Principe", "Chaque élève est interrogé par un professeur de lettres qui n'est pas le sien. "
    "Préparation 30 minutes en salle B212 (surveillance AED), passage 20 minutes.",
    "# Répartition",
    "- Lundi 11 mai : Claire Martin interroge la 1re G1 (8h-12h) ; René Castel interroge la 1re G3 (14h-17h)",
    "- Mardi 12 mai : Nadia Belkacem interroge la 1re STMG 1 ; Amélie Perrin interroge la 1re STMG 2",
    "- Jeudi 14 mai : Pauline Delmas interroge la 1re G2 ; Claire Martin interroge la 1re STMG 1 (14h-16h)",
    "# Documents", "Chaque professeur transmet son descriptif à l'examinateur au plus tard le 6 mai.",
], author="Amélie Perrin")]).m("claire", "amelie", """
Coucou,

Le lundi matin ça me va. Le jeudi 14 à 14h en revanche j'ai l'atelier théâtre en
répétition générale pour le spectacle : tu pourrais me mettre sur le créneau du
mardi après-midi à la place ?

Claire
""", at="+2h").m("amelie", "claire", """
Pas de souci, j'échange avec Pauline qui est dispo le jeudi. Je renvoie la version
corrigée demain. Bon courage pour les répétitions !
""", at="+40m")

T("Groupe de travail — projet d'établissement 2026-2030", "2026-04-07 08:30").m(
    "proviseure", "equipe", """
Mesdames, Messieurs,

Le projet d'établissement arrive à échéance en juin. Je souhaite constituer un groupe de
travail pour préparer le nouveau projet 2026-2030, autour de trois axes :
la réussite de tous les élèves, l'ouverture culturelle et internationale, le bien-être
au lycée.

Trois réunions sont prévues (mercredis 15 avril, 13 mai et 3 juin, de 14h à 16h).
Merci de vous signaler auprès du secrétariat si vous souhaitez y participer.

Bien cordialement,
""").m("claire", "proviseure", """
Madame la Proviseure,

Je souhaiterais participer au groupe de travail, en particulier sur l'axe de l'ouverture
culturelle (sorties, résidences d'artistes, concours d'écriture, atelier théâtre).

Bien cordialement,
Claire Martin
""", at="+4h").m("proviseure", "claire", """
Merci Madame Martin, votre expérience sur ces projets sera précieuse. Je vous inscris.

N. Garnier
""", at="+1d09:00")

T("Fête du lycée et bourse aux livres", "2026-04-09 20:15").m(
    "p_faure", "claire", """
Bonsoir Madame Martin,

En tant que présidente de l'APE, je me permets de vous solliciter : nous organisons la
fête du lycée le samedi 13 juin et nous aimerions que l'atelier théâtre y présente
un extrait de son spectacle. Serait-ce envisageable ?

Par ailleurs, l'APE offrira cette année les chèques-lecture du concours de nouvelles
(200 € au total). Comment souhaitez-vous que nous procédions ?

Bien cordialement,
Géraldine Faure
Présidente de l'APE Jean-Moulin
""").m("claire", "p_faure", """
Bonsoir Madame Faure,

Merci beaucoup pour ces deux bonnes nouvelles ! Pour la fête du lycée, je pose la
question aux élèves de l'atelier dès jeudi : beaucoup seront en période de révisions,
mais un extrait de 15 minutes devrait être possible.

Pour les chèques-lecture, le plus simple est de les remettre à Mme Chabert, au CDI,
avant la remise des prix du 20 mai. Je vous y invite bien sûr.

Bien cordialement,
Claire Martin
""", at="+1d07:55")

T("Décors pour le spectacle de l'atelier théâtre", "2026-04-14 12:20", folder=PRJ).m(
    "claire", "aurelie", """
Salut Aurélie,

Tes élèves de l'option arts plastiques seraient-ils partants pour concevoir deux ou trois
éléments de décor pour notre spectacle du 28 mai (« Les Règles du savoir-vivre dans la
société moderne », de Lagarce, version très libre) ?
Il nous faudrait surtout un grand panneau peint façon « manuel illustré » et des
pancartes.

Claire
""").m("aurelie", "claire", """
Carrément ! Mes terminales cherchent justement un projet pour leur dossier.
On peut se voir jeudi midi pour regarder la scénographie ? Je t'envoie une première
idée d'affiche en attendant.

Aurélie
""", at="+2h15", att=[png("Esquisse affiche spectacle.png", "poster", 0)]).m("claire", "aurelie", """
Elle est superbe ! Jeudi midi au foyer, j'apporte le texte et le plan de la scène.
""", at="+30m")

# ------------------------------------------------------------------ mai 2026
one("cyclades", "claire", "Convocation — examinatrice EAF session 2026", "2026-05-05 06:10", """
Madame,

Une nouvelle convocation est disponible dans votre espace Cyclades :

  Épreuves anticipées de français — session 2026
  Fonction : examinatrice (écrit et oral)
  Centre d'examen : Lycée Paul-Arène, Montsauve

Vous trouverez ci-joint une copie de votre convocation. Ce message est envoyé
automatiquement, merci de ne pas y répondre.
""", folder=ADM, att=[pdf("Convocation examinatrice EAF 2026.pdf", "Convocation — Baccalauréat, session 2026", [
    "Rectorat de l'académie des Cévennes — Division des examens et concours", "",
    "Madame Claire MARTIN — Lycée Jean-Moulin, Vallon-sur-Gardon", "",
    "Vous êtes convoquée en qualité d'examinatrice pour les épreuves anticipées de français.",
    "Correction de l'épreuve écrite : remise des copies le vendredi 12 juin 2026 à 14h,",
    "au lycée Paul-Arène, Montsauve ; réunion d'entente et d'harmonisation le mardi 16 juin.",
    "Épreuves orales : du mardi 23 juin au vendredi 3 juillet 2026, lycée Paul-Arène, salle 204.", "",
    "Cette convocation vaut ordre de mission. La présence des examinateurs est obligatoire.", "",
    "Pour la rectrice et par délégation, la cheffe de la division des examens et concours"],
    "20260505060000", "Rectorat — DEC")])

T("Remise des prix du concours de nouvelles", "2026-05-06 16:00", folder=PRJ).m(
    "doc", "claire", """
Claire,

Le jury a délibéré avec Élise hier soir (quelle journée, les élèves étaient ravis de
l'atelier !). Les lauréats :
- 1er prix : Inès Faure (1re G3) pour « Le Gué » ;
- 2e prix : Adam Keita (2nde B) pour « Ce que mon père n'a pas dit » ;
- prix du public : Camille Jourdan et Sarah Benhamou (2nde B).

On fait la remise des prix le mercredi 20 mai à 13h au CDI ? Je préviens la direction
et l'APE.

Élodie
""").m("claire", "doc", """
Génial ! Adam, 2e prix, je suis tellement contente pour lui — sa mère m'avait écrit
en février qu'il était découragé en français.

Le 20 mai à 13h c'est parfait. Je demande aux élèves de l'atelier théâtre de lire des
extraits des textes primés.

Claire
""", at="+1h").m("doc", "claire", """
Trop bien l'idée des lectures ! Et on les enregistre avec le kit de la DANE pour le
podcast ? :)
""", at="+25m")

T("Représentation de l'atelier théâtre — salle polyvalente le 28 mai", "2026-05-11 07:45", folder=PRJ).m(
    "claire", "proviseure", """
Madame la Proviseure,

L'atelier théâtre présentera son spectacle le jeudi 28 mai à 18h30. Je souhaiterais
réserver la salle polyvalente ce jour-là de 14h à 21h (installation, générale,
représentation), ainsi que le mercredi 27 de 13h à 17h pour la répétition technique.

Les familles et les personnels seront invités. Faut-il prévoir une déclaration
particulière pour l'accueil du public en soirée ?

Bien cordialement,
Claire Martin
""").m("proviseure", "claire", """
Madame Martin,

C'est accordé. Je demande à M. Fabre de prévoir la présence d'un agent pour l'ouverture
et la fermeture, et la vérification des issues de secours. La jauge de la salle est de
180 personnes : merci de prévoir une réservation des places par les familles.

Je serai présente avec plaisir.

Nathalie Garnier
""", at="+3h", cc="gestion").m("claire", "proviseure", """
Merci beaucoup, nous mettons en place une réservation en ligne via l'ENT.
Claire Martin
""", at="+1h", cc="gestion")

T("Séjour à Berlin 2027 — accompagnatrice ?", "2026-05-18 12:50").m(
    "julien", "claire", """
Claire,

Avec Hugo, on prépare un séjour à Berlin pour les terminales en mars 2027 (mémoire,
histoire du XXe siècle, littérature allemande en traduction). Il nous manque un·e
troisième accompagnateur·rice. Ça te dirait ? 4 jours, 3 nuits, en train.

Pas de pression, je sais que tu as déjà ton projet Paris avec les 1res.

Julien
""").m("claire", "julien", """
Ça me tente énormément... mais deux voyages la même année, ça fait beaucoup,
et je ne sais pas encore si j'aurai des terminales. Je te réponds à la rentrée,
quand on aura nos services ?

Claire
""", at="+3h").m("julien", "claire", """
Bien sûr, on a le temps. Je te garde une place au chaud !
""", at="+20m")

T("Descriptif EAF de Rayan", "2026-05-20 19:02", folder=C1G).m(
    "p_cherif", "claire", """
Bonsoir Madame,

Rayan a perdu le descriptif des textes que vous avez distribué. Est-ce que vous pourriez
lui en renvoyer un exemplaire ? Il panique un peu à l'approche de l'oral.

Merci,
Nordine Chérif
""").m("claire", "p_cherif", """
Bonsoir Monsieur,

Pas d'inquiétude : le descriptif est disponible dans l'espace de la classe sur l'ENT
Éclat (rubrique « Bac de français »). Je lui en redonne aussi un exemplaire papier
demain en cours. Le jour de l'oral, c'est l'établissement qui transmet l'original
signé au centre d'examen.

Bien cordialement,
Claire Martin
""", at="+45m")

one("dpe", "claire", "Rentrée 2026 — confirmation de votre affectation et de votre service", "2026-05-26 10:00", """
Madame,

Je vous confirme votre affectation à titre définitif au lycée Jean-Moulin de
Vallon-sur-Gardon pour l'année scolaire 2026-2027.

Votre ventilation de service (VS) vous sera communiquée par votre chef d'établissement
à la rentrée. Pour toute question relative à votre dossier administratif, votre
gestionnaire reste à votre disposition.

Franck Morin
Division des personnels enseignants — Rectorat de l'académie des Cévennes
""", folder=ADM)

# ------------------------------------------------------------------ juin 2026
T("Répartition des services 2026-2027 — vos vœux", "2026-06-02 09:10").m(
    "adjoint", "lettres", """
Mesdames, Messieurs les professeurs de lettres,

Afin de préparer la répartition des services pour la rentrée, je vous remercie de me
faire parvenir vos vœux (niveaux, classes, options) avant le 10 juin. Pour rappel, la
discipline disposera de 4 divisions de 2nde, 3 de 1re générale et 2 de 1re STMG,
ainsi que l'option théâtre.

Bien cordialement,
Karim Benali
""").m("claire", "adjoint", """
Monsieur Benali,

Voici mes vœux pour l'année prochaine :
1. deux classes de 2nde (dont une en tant que professeure principale, si possible la 2nde B
   pour assurer une continuité avec l'équipe de M. Roux) ;
2. une 1re générale et une 1re STMG ;
3. l'option théâtre (atelier du jeudi midi).

Je suis également candidate pour coordonner le concours de nouvelles avec le CDI.

Bien cordialement,
Claire Martin
""", at="+1d18:30").m("adjoint", "claire", """
Merci Madame Martin, vos vœux sont compatibles avec la structure prévue.
Je vous confirme la répartition en conseil pédagogique du 23 juin.

K. Benali
""", at="+2d11:00")

one("secretariat", "claire", "Convocations — conseils de classe du 3e trimestre", "2026-06-05 11:00", """
Madame,

Vos convocations aux conseils de classe du 3e trimestre sont jointes :
- 2nde B : lundi 8 juin à 17h00 ;
- 1re G3 : mardi 9 juin à 16h30 ;
- 1re STMG 2 : mardi 9 juin à 17h30.

Bien cordialement,
Martine Roche
""", folder=CC, att=[pdf("Convocations conseils T3.pdf", "Convocations — Conseils de classe du 3e trimestre", [
    "Madame Claire MARTIN", "",
    "Lundi 8 juin 2026, 17h00 : 2nde B (professeure principale) — salle du conseil",
    "Mardi 9 juin 2026, 16h30 : 1re G3 — salle 112",
    "Mardi 9 juin 2026, 17h30 : 1re STMG 2 — salle 112", "",
    "Les propositions d'orientation de 2nde doivent être finalisées dans Scolaria avant le 5 juin.",
    "La proviseure, Nathalie Garnier"], "20260605110000")])

T("Oral EAF — modification de vos convocations", "2026-06-12 15:32").m(
    "dec", "claire", """
Madame,

Suite à la défection d'un examinateur, votre planning d'oral est modifié : vous
interrogerez également le lundi 29 juin (matin), en salle 206 du lycée Paul-Arène.
Votre convocation mise à jour est disponible dans Cyclades.

Merci de nous confirmer la bonne réception de ce message.

Isabelle Rey
Division des examens et concours
""", folder=ADM).m("claire", "dec", """
Madame,

Je vous confirme la bonne réception de ce message et ma présence le lundi 29 juin
au matin, salle 206.

Bien cordialement,
Claire Martin
""", at="+1h30")

T("Harmonisation des notes de l'oral", "2026-06-25 19:40").m(
    "amelie", "claire", """
Alors, tes premiers jours d'oral ? De mon côté une moyenne à 11,4 pour l'instant,
avec de très bons candidats sur la poésie et beaucoup de difficultés en grammaire.
La commission d'harmonisation demande de ne pas descendre sous 6 pour une prestation
complète, tu as eu la consigne aussi ?

Bises
""").m("claire", "amelie", """
Oui, même consigne. J'ai 11,9 de moyenne sur 24 candidats. La question de grammaire
est le point faible général, je trouve : on devra y consacrer plus de temps l'an
prochain, dès la 2nde.

Tiens bon, plus que 4 jours !
""", at="+1h")

one("proviseure", "equipe", "Pot de fin d'année et départ en retraite de René Castel", "2026-06-30 10:15", """
Chères et chers collègues,

Nous nous retrouverons le vendredi 3 juillet à 12h30 dans la cour d'honneur pour le
pot de fin d'année, qui sera aussi l'occasion de saluer le départ à la retraite de
notre collègue René Castel, après 22 années au lycée Jean-Moulin.

Une cagnotte est ouverte auprès de Martine Roche au secrétariat pour son cadeau.

Bien cordialement,
""")

# ------------------------------------------------------------------ juillet / août 2026
T("Bonnes vacances", "2026-07-06 18:20").m(
    "julien", "claire", """
Claire,

Je pars demain pour les Pyrénées, trois semaines sans réseau (enfin, j'espère).
Merci pour cette année, c'était un vrai plaisir de travailler avec toi sur la 2nde B.

Un conseil lecture en échange du mien ? Moi je te recommande « Le Cœur du pays »
(Marcelle Lavalade), ça se passe dans un village cévenol en 1913.

Julien
""").m("claire", "julien", """
Merci à toi, vraiment ! Profite bien de la montagne.

En échange : « Les Eaux dormantes » de Louis Sarrat, un polar qui se passe au bord
du Gardon. Tu me diras.

Bonnes vacances,
Claire
""", at="+2h")

one("proviseure", "equipe", "Rentrée 2026 — circulaire et ordre du jour de la pré-rentrée", "2026-08-26 09:00", """
Mesdames, Messieurs, chers collègues,

J'espère que l'été vous a permis de vous reposer. Vous trouverez ci-joint la circulaire
de rentrée de l'établissement. La journée de pré-rentrée aura lieu le lundi 31 août :

  9h00 : accueil café dans le hall, puis assemblée générale (salle polyvalente)
  10h30 : réunions par équipes disciplinaires
  12h00 : déjeuner offert au restaurant scolaire
  14h00 : réunions des équipes pédagogiques de 2nde et des professeurs principaux

L'accueil des élèves de seconde se fera le mardi 1er septembre à 8h30.

Bien cordialement,
""", flag=True, att=[pdf("Circulaire rentrée 2026.pdf", "Circulaire de rentrée 2026 — Lycée Jean-Moulin", [
    "Calendrier :", "- Lundi 31 août : pré-rentrée des personnels",
    "- Mardi 1er septembre : accueil des 2nde (8h30-16h), des 1re (14h)",
    "- Mercredi 2 septembre : accueil des terminales (8h30), début des cours à 13h30 pour tous",
    "- Semaine du 14 septembre : réunions parents-professeurs de rentrée", "",
    "Priorités de l'année :",
    "- consolidation de la maîtrise de la langue en seconde (heure d'AP renforcée) ;",
    "- préparation des épreuves anticipées de français (nouvelles modalités 2027) ;",
    "- prévention du harcèlement (programme pHARe) et bien-être au lycée ;",
    "- mise en œuvre du projet d'établissement 2026-2030.", "",
    "Rappels : emplois du temps disponibles dans Scolaria à partir du 28 août ;",
    "clés et badges à retirer auprès de la loge ; codes du photocopieur inchangés.", "",
    "Bonne rentrée à toutes et à tous. La proviseure, Nathalie Garnier"], "20260826090000", "Nathalie Garnier")])

T("Emploi du temps 2026-2027 — version provisoire", "2026-08-28 15:45").m(
    "adjoint", "equipe", """
Mesdames, Messieurs,

Les emplois du temps provisoires sont publiés dans Scolaria. Vous trouverez ci-joint la
version PDF par professeur. Merci de me signaler toute erreur avant lundi midi ;
les ajustements seront faits pendant la première semaine.

Bien cordialement,
Karim Benali
""", att=[pdf("EDT provisoire - Martin Claire.pdf", "Emploi du temps 2026-2027 — Mme MARTIN (provisoire)", [
    "Lundi    08h-09h 2nde B (B204)      14h-16h 1re G3 (B204)",
    "Mardi    10h-11h 2nde D (B208)      14h-15h30 1re STMG 2 (B204)",
    "Mercredi 09h-10h AP 2nde B (B204)",
    "Jeudi    08h-09h 2nde B (B204)      12h30-13h45 Atelier théâtre (salle polyvalente)",
    "         14h-16h 1re G3 (B204)",
    "Vendredi 10h-11h 2nde D (B208)      14h-15h30 1re STMG 2 (B204)", "",
    "Service : 18 h (dont 1 HSA). Professeure principale : 2nde B."], "20260828150000", "Karim Benali")]).m(
    "claire", "adjoint", """
Monsieur Benali,

Merci pour l'emploi du temps. Une petite erreur me semble-t-il : le mardi de 10h à 11h,
la 2nde D est placée en B208 alors que j'y suis aussi indiquée le vendredi en B204 pour
la même classe... et la B208 n'a pas de vidéoprojecteur. Serait-il possible d'avoir la
B204 les deux jours ?

Bien cordialement,
Claire Martin
""", at="+1d09:30").m("adjoint", "claire", """
Bien vu, c'est corrigé : B204 le mardi également.
K. B.
""", at="+2h")

# ------------------------------------------------------------------ septembre 2026
T("2nde B, le retour !", "2026-09-03 18:10").m(
    "julien", "claire", """
Alors ça y est, on a encore la 2nde B ensemble (enfin, une nouvelle 2nde B) !
Premières impressions ? J'ai trouvé la classe calme, peut-être un peu trop :
personne n'a osé parler pendant la présentation.

Pour l'heure de vie de classe, on fait comme l'an dernier : toi la première
quinzaine, moi la suivante ?

Julien
""").m("claire", "julien", """
Oui, pareil, très calmes, on verra dans trois semaines ;-)
Je note déjà qu'Aya Bensaïd et Jules Cordier semblent très à l'aise à l'écrit.

D'accord pour l'alternance. Je prends aussi la préparation des élections des délégués
(le 17 septembre).

Claire
""", at="+1h15").m("julien", "claire", """
Parfait. Je t'enverrai ma progression annuelle pour qu'on repère les points de jonction.
""", at="+30m")

T("Progression annuelle — 2nde B", "2026-09-07 21:05").m(
    "claire", "julien", """
Julien,

Voici ma progression pour la 2nde B. J'ai surligné (enfin, indiqué en fin de document)
les moments où nos programmes se croisent : le récit de voyage au XIXe siècle
(novembre) et la littérature d'idées des Lumières (mars), pour lesquels on pourrait
proposer une évaluation commune.

Bonne soirée,
Claire
""", att=[docx("Progression 2nde B.docx", "Progression annuelle de français — 2nde B — 2026-2027", [
    "# Septembre – octobre : La poésie du Moyen Âge au XVIIIe siècle",
    "Groupement « Dire l'amour » ; lecture cursive : une anthologie au choix.",
    "# Novembre – décembre : Le roman et le récit du XVIIIe au XXIe siècle",
    "Œuvre intégrale : Maupassant, « Bel-Ami » (extraits) ; récits de voyage (Stevenson, Nerval).",
    "# Janvier – février : Le théâtre du XVIIe au XXIe siècle",
    "Œuvre intégrale : Rostand, « Cyrano de Bergerac » ; sortie au Théâtre du Pont-Neuf.",
    "# Mars – avril : La littérature d'idées et la presse du XIXe au XXIe siècle",
    "Groupement : Voltaire, Hugo, Zola ; écrire un article argumentatif.",
    "# Mai – juin : La poésie du XIXe au XXIe siècle",
    "Groupement « La ville » ; atelier d'écriture et concours de nouvelles.",
    "# Points de jonction avec l'histoire-géographie",
    "- Novembre : récits de voyage et sociétés rurales au XIXe siècle (évaluation commune ?)",
    "- Mars : les Lumières et la Révolution (débat argumenté commun)",
])]).m("julien", "claire", """
Super, merci ! Les deux points de jonction me conviennent très bien.
Pour novembre, on pourrait reprendre la visite du musée, qui avait bien marché ?

J.
""", at="+1d07:20").m("claire", "julien", """
Oui, d'accord, si le musée propose encore la visite. Tu veux bien leur écrire ?
""", at="+40m")

T("Zoé — plan d'accompagnement personnalisé (dyslexie)", "2026-09-10 18:30", folder=C2B).m(
    "p_arnal", "claire", """
Bonjour Madame Martin,

Notre fille Zoé, en 2nde B, est dyslexique et bénéficiait d'un PAP au collège
(temps majoré, documents agrandis, pas de pénalité pour l'orthographe dans les
évaluations hors dictée). Le dossier a été transmis à l'infirmière, mais nous voulions
vous en parler directement puisque vous êtes professeure principale.

Merci pour votre attention,
Cédric Arnal
""").m("claire", "p_arnal", """
Bonjour Monsieur Arnal,

Merci pour votre message. J'ai bien eu l'information par Mme Meyer ; le PAP sera
réactualisé lors d'une réunion avec l'équipe le jeudi 24 septembre à 17h : vous et
Zoé y êtes conviés. Dès à présent, je transmets les aménagements à tous les
professeurs de la classe pour qu'ils soient appliqués sans attendre.

Bien cordialement,
Claire Martin
""", at="+1d07:35").m("p_arnal", "claire", """
Merci beaucoup Madame, nous serons présents le 24 septembre.
C. Arnal
""", at="+1d12:30")

one("claire", "eq2ndeB", "PAP — Zoé Arnal (2nde B)", "2026-09-11 07:45", """
Bonjour à tous,

Pour information, Zoé Arnal (2nde B) bénéficie d'un PAP pour dyslexie. Aménagements à
appliquer dès maintenant : temps majoré d'un tiers ou réduction du nombre d'exercices,
documents en police Arial 14, pas de pénalité pour l'orthographe hors évaluation
spécifique, et possibilité d'utiliser un ordinateur en évaluation.

Réunion de l'équipe pour formaliser le PAP : jeudi 24 septembre à 17h (salle B204).

Merci,
Claire
""")

T("Plan académique de formation 2026-2027 — campagne d'inscription", "2026-09-14 08:00").m(
    "dafor_gen", "equipe", """
Mesdames, Messieurs,

La campagne d'inscription au plan académique de formation (PAF) 2026-2027 est ouverte
jusqu'au 4 octobre 2026. Le catalogue est consultable sur l'intranet académique.

Nouveautés cette année : des parcours hybrides sur l'enseignement de la grammaire en
lycée, l'accompagnement des élèves à besoins éducatifs particuliers et l'intelligence
artificielle en classe.

La DAFOR
Rectorat de l'académie des Cévennes
""").m("claire", "dafor_gen", """
Bonjour,

Je souhaiterais m'inscrire au module 26LET007 « Enseigner la grammaire au lycée :
de la 2nde à l'oral de l'EAF », mais l'application me renvoie une erreur lorsque je
valide ma candidature (« identifiant de dispositif inconnu »).

Pourriez-vous m'indiquer la démarche ?

Bien cordialement,
Claire Martin
""", at="+2d17:40").m("dafor", "claire", """
Madame,

Un problème de paramétrage concernait effectivement ce module ; il est corrigé.
Je vous ai inscrite manuellement : votre candidature apparaît désormais dans votre
espace.

Cordialement,
Sandrine Collet
""", at="+1d10:05")

T("Concours de nouvelles 2027 — on remet ça ?", "2026-09-17 13:00", folder=PRJ).m(
    "doc", "claire", """
Coucou Claire !

On relance le concours cette année ? J'ai eu des demandes d'élèves dès la rentrée
(dont Adam, qui veut « défendre son titre »). Thème possible : « La porte d'à côté ».
Et cette fois on pourrait publier un petit recueil imprimé !

Élodie
""").m("claire", "doc", """
Évidemment ! « La porte d'à côté », j'adore. Pour le recueil, on peut demander un
financement au foyer socio-éducatif et à l'APE. On en parle mercredi au CDI ?

Claire
""", at="+1h05")

one("adjoint", "equipe", "Réunions parents-professeurs de rentrée", "2026-09-21 11:30", """
Mesdames, Messieurs,

Les réunions de rentrée avec les parents d'élèves se tiendront :
- classes de 2nde : jeudi 24 septembre à 18h00 (présentation par les professeurs principaux) ;
- classes de 1re : vendredi 25 septembre à 18h00 ;
- classes de terminale : lundi 28 septembre à 18h00.

Les professeurs principaux présentent l'équipe, l'organisation de l'année et le
calendrier des évaluations. La présence de l'ensemble de l'équipe est souhaitée
dans la mesure du possible.

Une invitation est jointe pour votre agenda.

Bien cordialement,
Karim Benali
""", att=[invite("Réunion parents de rentrée — 2nde", "2026-09-24 18:00", "2026-09-24 19:30",
                 "Lycée Jean-Moulin — salle polyvalente",
                 "Présentation de l'année aux familles des élèves de 2nde par les professeurs principaux.",
                 "adjoint", ["claire", "julien"])])

one("sel", "claire", "Stage syndical « Rendez-vous de carrière : mode d'emploi » — 15 octobre",
    "2026-09-24 19:00", """
Chères et chers collègues,

Le SEL Cévennes organise un stage de formation syndicale le jeudi 15 octobre 2026
à Montsauve (bourse du travail, 9h-16h30) :

  « Rendez-vous de carrière : mode d'emploi, droits et recours »

Au programme : le déroulement de l'inspection et de l'entretien, le compte rendu
et l'appréciation finale, les possibilités de recours, le lien avec l'avancement.

Chaque agent a droit à 12 jours de congé pour formation syndicale par an ; la demande
doit être déposée auprès du recteur sous couvert du chef d'établissement au moins un
mois à l'avance, soit avant le 15 septembre... nous accepterons exceptionnellement
les inscriptions tardives pour cette session (modèle de demande ci-dessous).

Syndicalement,
Le bureau académique du SEL Cévennes
""", folder=SYN)

T("Nathan — devoirs non rendus", "2026-09-29 17:55", folder=C2B).m(
    "claire", "p_hoarau", """
Bonjour Madame Hoarau,

Je me permets de vous contacter car Nathan n'a rendu ni la fiche de lecture du
18 septembre ni le questionnaire du 25. En classe, il est attentif et participe,
ce qui rend cette situation d'autant plus regrettable.

Pourriez-vous en parler avec lui ? S'il rencontre une difficulté particulière, je suis
tout à fait disposée à en discuter avec lui ou avec vous.

Bien cordialement,
Claire Martin
Professeure principale de 2nde B
""").m("p_hoarau", "claire", """
Bonsoir Madame,

Merci de m'avoir prévenue, je n'étais pas au courant. Nathan m'explique qu'il n'a
pas d'ordinateur à la maison depuis que le nôtre est tombé en panne et qu'il n'osait
pas le dire. Je vais voir ce que je peux faire, mais ce ne sera pas avant le mois prochain.

Cordialement,
Josiane Hoarau
""", at="+3h").m("claire", "p_hoarau", """
Bonsoir Madame,

Merci pour votre réponse. Nathan peut tout à fait rendre ses travaux sur papier, et
le CDI est ouvert tous les jours jusqu'à 17h30 avec des postes en libre accès.
Je vous mets aussi en relation avec M. Fabre, l'adjoint gestionnaire : le lycée peut
prêter un ordinateur portable dans le cadre du fonds social.

Bien cordialement,
Claire Martin
""", at="+1d07:10", cc="gestion")

# ------------------------------------------------------------------ octobre 2026
T("Saison 2026-2027 — propositions pour les scolaires", "2026-10-01 10:30", folder=SOR).m(
    "theatre", "claire", """
Bonjour Madame Martin,

Comme chaque année, je vous adresse notre programmation scolaire. Deux spectacles
pourraient intéresser vos classes :
- « Les Fourberies de Scapin » (Molière), jeudi 3 décembre à 14h30 — à partir de la 2nde ;
- « Juste la fin du monde » (Lagarce), mardi 9 mars 2027 à 14h30 — idéal pour les 1res
  si l'œuvre est au programme.

Les réservations sont ouvertes jusqu'au 30 octobre.

Bien cordialement,
""").m("claire", "theatre", """
Bonjour Madame Aymard,

Merci ! Je souhaite réserver 30 places élèves + 2 accompagnateurs pour Scapin le
3 décembre (2nde B). Pour Lagarce, je vous recontacte très vite après concertation
avec ma collègue, nous pourrions venir avec deux classes de 1re.

Bien cordialement,
Claire Martin
""", at="+1d08:15")

T("Rendez-vous de carrière — visite d'inspection", "2026-10-05 14:20", folder=ADM).m(
    "ipr", "claire", """
Madame,

Dans le cadre de votre rendez-vous de carrière (3e rendez-vous, échelon 8), je vous
informe que je viendrai assister à l'une de vos séances et que nous aurons ensuite
un entretien, suivi d'un entretien avec Mme la Proviseure.

Je vous propose le mardi 3 novembre : inspection de la séance de 14h avec la 1re STMG 2,
puis entretien de 15h30 à 16h30. Je vous remercie de bien vouloir préparer le
document de référence de l'entretien disponible dans votre espace.

Je vous prie d'agréer, Madame, l'expression de mes salutations distinguées.

Jean-Marc Delorme
IA-IPR de lettres
""", flag=True).m("claire", "ipr", """
Monsieur l'Inspecteur,

Je vous remercie pour ce message et vous confirme ma disponibilité le mardi 3 novembre.
La séance de 14h portera sur l'explication linéaire d'une scène de « Juste la fin du
monde ». Je tiendrai à votre disposition la progression de la classe et les cahiers
des élèves.

Je vous prie d'agréer, Monsieur l'Inspecteur, l'expression de mes salutations respectueuses.

Claire Martin
""", at="+1d07:40").m("ipr", "claire", """
Madame,

C'est noté, je vous remercie. À mardi 3 novembre.

J.-M. Delorme
""", at="+3h")

T("Séquence commune sur Maupassant", "2026-10-08 20:35").m(
    "amelie", "claire", """
Coucou,

Tu es toujours partante pour qu'on construise ensemble la séquence Maupassant pour
nos 2nde ? J'ai commencé un tableau avec les extraits de « Bel-Ami » et des nouvelles.
Il me manque l'évaluation finale : tu avais parlé d'une écriture d'invention ?

Amélie
""").m("claire", "amelie", """
Oui, carrément ! Pour l'évaluation, je pensais à : « Réécrivez la scène du dîner chez
les Forestier du point de vue de Madeleine », avec un paragraphe réflexif sur les choix
d'écriture. Ça permet d'évaluer la compréhension et l'écriture.

On met tout en commun dans le dossier partagé de l'ENT ?
""", at="+1h20").m("amelie", "claire", """
Parfait, j'adore ce sujet. Je crée le dossier demain et je t'y donne les droits.
""", at="+15m")

T("Projet interdisciplinaire anglais-français", "2026-10-12 12:40").m(
    "lucas", "claire", """
Hello Claire,

An idea (en français, promis) : et si on faisait travailler les 2nde B sur le récit de
voyage en anglais et en français ? Stevenson a écrit « Travels with a Donkey in the
Cévennes » en anglais : on pourrait comparer texte original et traduction, et finir
par un carnet de voyage bilingue.

Lucas
""").m("claire", "lucas", """
Lucas, c'est une idée géniale, et ça complète parfaitement ce que je fais avec Julien
en novembre. On pourrait même inviter les élèves à écrire une page à la manière de
Stevenson après la visite du musée. On en parle jeudi midi ?

Claire
""", at="+2h")

T("Aya Bensaïd", "2026-10-14 16:50", folder=C2B).m(
    "cpe", "claire", """
Bonjour Madame Martin,

Je souhaitais vous informer, en votre qualité de professeure principale, que
Mme Meyer et moi-même avons reçu Aya Bensaïd aujourd'hui. Elle traverse une période
difficile sur le plan familial. Sans entrer dans les détails, je vous demande un peu de
bienveillance dans les semaines à venir, notamment concernant les délais des travaux.

Son père est informé de notre échange et nous rencontrera la semaine prochaine.

Bien cordialement,
Sophie Aubert
""").m("claire", "cpe", """
Merci Madame Aubert de m'avoir prévenue. J'avais remarqué qu'Aya était plus fatiguée
ces derniers temps. Je vais en informer l'équipe de façon discrète, sans détail,
simplement pour la souplesse sur les délais.

N'hésitez pas à me solliciter si je peux être présente au rendez-vous avec M. Bensaïd.

Claire Martin
""", at="+1h30")

T("Séjour à Paris 1re G3 — mars 2027 : budget", "2026-10-15 18:25", folder=SOR).m(
    "claire", "julien", """
Julien,

Tu as déjà monté des voyages avec nuitées ici : je prépare le séjour à Paris des 1re G3
(17-19 mars 2027 : Comédie-Française, maison de Victor Hugo, BnF) et je bloque sur
le budget. J'arrive à 310 € par élève, c'est beaucoup trop. Tu aurais des astuces ?

Claire
""").m("julien", "claire", """
Claire,

Quelques pistes qui ont marché pour Berlin :
- demander le tarif « groupe scolaire » SNCF dès l'ouverture des réservations (jusqu'à -50 %) ;
- loger en auberge de jeunesse (HI Paris Yves-Robert, par exemple) plutôt qu'en centre
  international de séjour ;
- solliciter le foyer socio-éducatif, l'APE et le fonds social lycéen ;
- prévoir un dîner « pique-nique » le premier soir.

Avec ça on était descendus de 380 à 240 €. Tu veux que je regarde ton tableau ?

Julien
""", at="+2h").m("claire", "julien", """
Oui, volontiers, je te l'envoie. Merci, tu me sauves !
""", at="+20m", att=[docx("Budget séjour Paris 1re G3.docx", "Séjour à Paris — 1re G3 — 17-19 mars 2027", [
    "# Transport", "- Train Montsauve – Paris Gare de Lyon A/R, 32 élèves + 3 adultes : 4 200 €",
    "- Pass Navigo / tickets groupe : 380 €",
    "# Hébergement", "- 2 nuits en centre international de séjour, petit-déjeuner inclus : 3 150 €",
    "# Activités", "- Comédie-Française (« Le Misanthrope ») : 840 €",
    "- Maison de Victor Hugo (visite guidée) : 180 €", "- BnF, atelier « Manuscrits d'écrivains » : gratuit",
    "# Repas", "- 4 repas : 2 050 €",
    "# Total", "10 800 € soit environ 310 € par élève (hors participations).",
])]).m("julien", "claire", """
Vu ton tableau. Deux remarques : l'hébergement en auberge te ferait gagner ~900 €,
et tu peux demander une subvention à la région (dispositif « Lycéens au spectacle »)
pour la Comédie-Française. Tu devrais passer sous les 250 €.
""", at="+1d12:45")

T("Atelier théâtre — premières répétitions", "2026-10-16 12:05", folder=PRJ).m(
    "claire", "anne", """
Bonjour Anne-Laure,

Cette année, l'atelier théâtre monte une adaptation de « L'Île des esclaves » de
Marivaux, et nous aimerions ponctuer le spectacle de trois moments chantés.
Serais-tu d'accord pour accompagner les élèves au piano, ou pour nous conseiller
un ou deux élèves de l'option musique ?

Claire
""").m("anne", "claire", """
Bonjour Claire,

Avec grand plaisir ! Je peux venir à deux ou trois séances à partir de janvier, et
je pense à Lou Mazet (2nde D), qui chante magnifiquement. Envoie-moi les passages
concernés quand tu les auras choisis.

Anne-Laure
""", at="+1d08:40")

# ------------------------------------------------------------------ novembre 2026
one("proviseure", "equipe", "Calendrier des conseils de classe du 1er trimestre 2026-2027", "2026-11-03 08:05", """
Mesdames, Messieurs,

Veuillez trouver ci-joint le calendrier des conseils de classe du premier trimestre,
qui se tiendront du jeudi 3 au vendredi 11 décembre.

Les appréciations devront être saisies dans Scolaria au plus tard 48 heures avant le
conseil. Les professeurs principaux transmettront leur synthèse au proviseur adjoint
la veille du conseil.

Bien cordialement,
""", folder=CC, att=[pdf("Calendrier conseils de classe T1 2026-2027.pdf",
                        "Conseils de classe — 1er trimestre 2026-2027", [
    "Jeudi 3 décembre : 1re G3 (17h30), 1re G1 (18h30)",
    "Lundi 7 décembre : 2nde A (17h30), 2nde C (18h30)",
    "Mardi 8 décembre : 2nde B (17h30), 2nde E (18h30)",
    "Jeudi 10 décembre : 1re STMG 1 (17h00), 2nde D (18h00)",
    "Vendredi 11 décembre : 1re STMG 2 (17h00), terminales STMG (18h00)", "",
    "Saisie des appréciations : 48 h avant le conseil.",
    "La proviseure, Nathalie Garnier"], "20261103080000")])

T("Devis — séjour Paris mars 2027", "2026-11-05 09:40", folder=SOR).m(
    "autocars", "claire", """
Bonjour Madame Martin,

Suite à votre demande téléphonique, voici notre devis pour les transferts
lycée – gare de Montsauve (aller le 17 mars à 6h15, retour le 19 mars vers 21h30) :
autocar 49 places, 290 € TTC.

Cordialement,
""", att=[pdf("Devis Autocars du Gardon 2026-0588.pdf", "Devis n° 2026-0588", [
    "Client : Lycée Jean-Moulin — Mme Martin",
    "Prestation : transferts Vallon-sur-Gardon / gare de Montsauve",
    "Aller : mercredi 17 mars 2027, départ 6h15 — Retour : vendredi 19 mars 2027, vers 21h30",
    "Autocar 49 places", "", "Total TTC : 290,00 EUR", "Devis valable jusqu'au 31 janvier 2027."],
    "20261105090000", "Autocars du Gardon")]).m("claire", "autocars", """
Bonjour,

Merci pour votre devis, que je transmets au service gestion pour validation.
Le voyage doit être voté au conseil d'administration du 1er décembre ; je vous confirme
la commande dans la foulée.

Bien cordialement,
Claire Martin
""", at="+2h", cc="gestion")

T("Déclaration du séjour à Paris — pièces manquantes", "2026-11-06 10:15", folder=SOR).m(
    "dsden_sorties", "claire", """
Madame,

J'accuse réception de la fiche de déclaration du séjour à Paris (1re G3, 17-19 mars 2027)
transmise par votre établissement. Il manque toutefois la liste nominative des
accompagnateurs et le programme détaillé heure par heure.

Merci de nous les faire parvenir avant le 20 novembre.

Cordialement,
Bruno Lacombe
""", cc="proviseure").m("claire", "dsden_sorties", """
Monsieur,

Veuillez trouver ci-joint le programme détaillé du séjour. Les accompagnateurs seront
Mme Claire Martin (responsable), Mme Amélie Perrin et M. Julien Roux.

Bien cordialement,
Claire Martin
""", cc="proviseure", at="+1d08:50", att=[pdf("Programme séjour Paris 1re G3.pdf",
                                            "Séjour à Paris — 1re G3 — programme détaillé", [
    "Mercredi 17 mars 2027",
    "06h15 départ du lycée en car — 07h02 train Montsauve / Paris Gare de Lyon (arrivée 10h20)",
    "11h30 Maison de Victor Hugo, place des Vosges (visite guidée) — 13h00 déjeuner tiré du sac",
    "15h00 promenade littéraire au Quartier latin — 18h30 installation à l'auberge de jeunesse", "",
    "Jeudi 18 mars 2027",
    "09h30 BnF François-Mitterrand, atelier « Manuscrits d'écrivains » — 12h30 déjeuner",
    "14h30 Musée d'Orsay — 20h30 Comédie-Française, « Le Misanthrope »", "",
    "Vendredi 19 mars 2027",
    "09h30 Jardin du Luxembourg et Panthéon — 12h00 déjeuner",
    "16h12 train Paris Gare de Lyon / Montsauve — 21h30 arrivée au lycée", "",
    "Accompagnateurs : Claire Martin (responsable), Amélie Perrin, Julien Roux"], "20261107090000", "Claire Martin")])

T("Lou — inquiétude", "2026-11-09 21:40").m(
    "p_mazet", "claire", """
Bonsoir Madame Martin,

Je vous écris car Lou rentre du lycée très triste depuis quelques jours. Elle finit par
m'avouer que des élèves se moquent d'elle sur un groupe de messagerie, depuis qu'elle a
chanté à la journée portes ouvertes du club musique. Je ne sais pas qui exactement.

Je ne veux pas aggraver les choses, mais je ne peux pas laisser passer ça.
Que me conseillez-vous ?

Delphine Mazet
""", flag=True).m("claire", "p_mazet", """
Bonsoir Madame Mazet,

Merci de votre confiance et d'avoir pris le temps de m'écrire. Vous avez eu raison de
le faire : ce type de situation doit être pris au sérieux et traité rapidement.

Je transmets dès demain matin à Mme Aubert, CPE, qui est formée au protocole de
prise en charge des situations de harcèlement (programme pHARe). Elle vous
contactera pour un premier entretien, avec Lou si elle le souhaite. Si vous avez
des captures d'écran des messages, conservez-les.

Bien cordialement,
Claire Martin
""", at="+50m", cc="cpe").m("cpe", "p_mazet", """
Madame Mazet,

Je vous propose de nous rencontrer avec Lou le mercredi 11 novembre... pardon, le
jeudi 12 novembre à 8h30 (le 11 est férié), dans mon bureau. Nous mettrons en
place un suivi immédiat.

Bien cordialement,
Sophie Aubert
CPE
""", cc="claire", at="+1d08:15").m("p_mazet", "cpe", """
Merci à toutes les deux pour votre réactivité. Nous serons là jeudi à 8h30.
D. Mazet
""", cc="claire", at="+2h")

one("ipr", "claire", "Compte rendu de votre rendez-vous de carrière", "2026-11-12 16:20", """
Madame,

Le compte rendu de votre rendez-vous de carrière du 3 novembre est disponible dans
l'application SIAE. Vous disposez de trois semaines pour formuler, si vous le souhaitez,
des observations écrites.

Je vous remercie encore pour la qualité de l'échange et pour la séance à laquelle
j'ai pu assister, qui témoignait d'un travail exigeant et bienveillant sur l'oral.

Jean-Marc Delorme
IA-IPR de lettres
""", folder=ADM)

T("Réunion parents-profs de jeudi : on se met ensemble ?", "2026-11-16 12:30").m(
    "julien", "claire", """
Hello,

Pour la réunion parents-professeurs des 1res jeudi (26/11), tu veux qu'on se mette dans
la même salle ? On a 14 familles en commun sur la 1re G3, ça leur éviterait de courir
d'une salle à l'autre, et on pourrait recevoir certains parents ensemble.

J.
""", flag=True).m("claire", "julien", """
Très bonne idée ! Je demande la B204 à M. Benali pour nous deux.
Par contre je pars à 19h30 au plus tard, j'ai les conseils à préparer.
""", at="+1h").m("julien", "claire", """
Ça marche, je prendrai les derniers rendez-vous.
""", at="+20m")

T("Réunion de l'équipe de lettres — mardi 24 novembre", "2026-11-17 18:02").m(
    "amelie", "lettres", """
Bonsoir à toutes et à tous,

Je vous propose de nous réunir le mardi 24 novembre de 12h30 à 13h30 (salle B210)
pour faire le point sur :
- le bac blanc de janvier (sujets, calendrier de correction) ;
- les nouvelles modalités de l'EAF 2027 ;
- la sortie au théâtre pour Lagarce en mars.

Invitation ci-jointe pour vos agendas.
Amélie
""", flag=True, att=[invite("Réunion équipe de lettres", "2026-11-24 12:30", "2026-11-24 13:30",
                 "Salle B210", "Bac blanc de janvier, EAF 2027, sortie Lagarce.",
                 "amelie", ["amelie", "claire", "nadia", "pauline"])]).m("claire", "amelie", """
Je serai là. J'apporterai les sujets du bac blanc de l'an dernier pour qu'on évite
les doublons.
""", at="+2h")

one("doc", "claire", "Point concours de nouvelles mercredi ?", "2026-11-18 10:35", """
Coucou,

On se voit mercredi 25 à 13h au CDI pour le concours ? J'ai eu le devis de
l'imprimeur pour le recueil (420 € pour 150 exemplaires), et l'APE est d'accord pour
en financer la moitié !

Élodie
""", folder=PRJ)

one("p_ouali", "claire", "Rendez-vous pour Yasmine (1re G3)", "2026-11-19 20:05", """
Bonsoir Madame Martin,

Yasmine est maintenant dans votre classe de 1re G3, et nous aimerions vous rencontrer
à la réunion parents-professeurs du jeudi 26 novembre. Tous les créneaux sont pris dans
Scolaria : auriez-vous un moment avant ou après la réunion ?

Merci beaucoup, et merci encore pour l'an dernier.
Samira Ouali
""", folder=C1G, unread=False)

one("adjoint", "equipe", "Réunion parents-professeurs des 1res — jeudi 26 novembre", "2026-11-20 14:00", """
Mesdames, Messieurs,

Je vous rappelle que la réunion parents-professeurs des classes de 1re aura lieu le
jeudi 26 novembre de 16h30 à 20h00. Les salles attribuées figurent sur le tableau
affiché en salle des professeurs.

Merci de vérifier votre planning de rendez-vous dans Scolaria.

Bien cordialement,
Karim Benali
""", flag=True)

T("Copies du bac blanc ?", "2026-11-22 18:47").m(
    "julien", "claire", """
Dis, c'est toi qui as gardé le carton de copies vierges du bac blanc de l'an dernier ?
Il m'en faudrait une cinquantaine pour le DS commun de mardi.
Bon dimanche soir ;)

J.
""", unread=True)

T("Absence d'Elias lundi", "2026-11-22 21:12").m(
    "p_navarro", "claire", """
Bonsoir Madame,

Elias sera absent demain lundi matin (rendez-vous chez l'orthodontiste à Montsauve).
Il rattrapera le cours avec un camarade. Je fais le justificatif dans Scolaria.

Cordialement,
Ricardo Navarro
""", unread=True)

one("proviseure", "equipe", "Coupure d'électricité mercredi 25 novembre — bâtiment B", "2026-11-23 07:42", """
Mesdames, Messieurs,

ENEDIS nous informe d'une coupure d'électricité le mercredi 25 novembre de 8h à 12h
dans le bâtiment B (travaux sur le transformateur). Les cours seront maintenus, mais
les vidéoprojecteurs, les ordinateurs et le photocopieur du 1er étage seront inutilisables.

Les collègues qui ont besoin d'une salle équipée peuvent s'adresser à M. Benali pour
un déplacement de salle vers le bâtiment C.

Bien cordialement,
""", unread=True, flag=True)

T("Clé de la B204", "2026-11-23 08:12").m(
    "amelie", "claire", """
Claire, tu aurais encore la clé de la B204 ? La loge n'a plus de double et j'ai cours
dedans à 9h. Je passe la chercher en salle des profs ?
""", unread=True)

one("cpe", "eq2ndeB", "2nde B — mesure d'exclusion-inclusion (Jules Cordier)", "2026-11-23 09:05", """
Bonjour à toutes et à tous,

Pour information, Jules Cordier (2nde B) est exclu de cours aujourd'hui et demain
avec accueil au lycée (mesure d'exclusion-inclusion), suite à l'incident de vendredi
en EPS. Il sera en permanence encadrée, avec du travail à faire : merci de déposer
vos consignes en salle de permanence ou dans Scolaria (cahier de textes) d'ici 10h.

Bien cordialement,
Sophie Aubert
CPE
""", unread=True)
