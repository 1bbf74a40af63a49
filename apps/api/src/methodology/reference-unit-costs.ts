import type { UnitCostValues } from './unit-cost.mapper';

/**
 * French reference unit costs shipped with Levier (docs/product-rules.md#reference-data), each with its published source and price year.
 * They are defaults: every organisation can edit them, and the label always says where a figure comes from.
 *
 * Sourcing rules of this file:
 * - `sourcePublisher` names who produced the figure (CNSA, DREES, ATIH, Cour des comptes, a ministry…);
 *   `sourceUrl` is the page where the figure was actually read. When that page is a relay (press article, a copy of
 *   the report on a document-sharing site), `note` says so: check against the original before a formal use.
 * - `priceYear` is the year the euros are expressed in (the most recent year a public source gives for that cost).
 * - `amountLow` / `amountHigh` bound the central `amount` where public sources differ (both or neither,
 *   low ≤ amount ≤ high); `note` says what each bound is and how a derived value was computed.
 * - Payer splits are indicative (soins / dépendance / hébergement for EHPAD, APA plan vs ticket modérateur) and
 *   meant to be reviewed locally; they only use the payer codes that the engine accepts today.
 * - No value is invented: an entry whose source could not be found keeps `sourceUrl: null` and a note starting
 *   with « source non retrouvée ».
 */
/** A shipped unit cost: the values and range every unit cost has (decimal strings), its grade, nature and source. */
export interface ReferenceUnitCost extends UnitCostValues {
  /** Evidence grade of an estimate; null for a regulated tariff (a fact, not a trial). */
  grade: number | null;
  /** Absent: a published estimate. `regulated_tariff`: a price fixed by decree or order. */
  nature?: 'regulated_tariff';
  sourceTitle: string;
  sourcePublisher: string;
  sourceUrl: string | null;
  /** How the figure was read or derived, what the bounds are, and any caveat (old price year, relay page…). */
  note: string | null;
}

export const REFERENCE_UNIT_COSTS: readonly ReferenceUnitCost[] = [
  {
    code: 'PASSAGE_URGENCES',
    label: 'Passage aux urgences hospitalières',
    unit: 'passage',
    // 3,1 Md€ / 21,2 M passages (2016) = 146,226… €
    amount: '146.23',
    amountLow: '80',
    amountHigh: '227',
    priceYear: 2016,
    payers: { ASSURANCE_MALADIE: '1' },
    cashableShare: '0.3',
    grade: 2,
    sourceTitle:
      'Les urgences hospitalières : des services toujours trop sollicités (rapport public annuel 2019) — 21,2 millions de passages pour un coût de 3,1 Md€ en 2016',
    sourcePublisher: 'Cour des comptes',
    sourceUrl: 'https://pdfslide.fr/documents/6-les-urgences-hospitalires-des-services-toujours-trop-dans-ce-contexte.html',
    note:
      'Montant = 3,1 Md€ / 21,2 M passages (2016), copie du chapitre du rapport public annuel 2019 de la Cour des comptes. ' +
      'Bornes : 80 € (coût moyen des seuls actes et consultations, CNAM) et 227 € (coût moyen global d’un passage, CNAM), ' +
      'cités par le rapport d’information du Sénat n° 685 (2016-2017), https://www.senat.fr/rap/r16-685/r16-6857.html, ' +
      'qui rappelle aussi l’ordre de grandeur de 161,50 € (Cour des comptes 2014, données 2011). Année de prix 2016 : aucun coût moyen ' +
      'national plus récent retrouvé. Financé aussi par les complémentaires et les ménages.',
  },
  {
    code: 'SEJOUR_MCO',
    label: 'Séjour hospitalier MCO, secteur public',
    unit: 'séjour',
    amount: '2115',
    amountLow: '1204',
    amountHigh: '4564',
    priceYear: 2012,
    payers: { ASSURANCE_MALADIE: '0.92', USAGER: '0.08' },
    cashableShare: '0.3',
    grade: 2,
    sourceTitle: 'Les coûts des prises en charge à l’hôpital en médecine, chirurgie et obstétrique (ENC MCO 2012) : coût moyen de 2 115 € à l’hôpital',
    sourcePublisher: 'ATIH',
    sourceUrl: 'https://medecine-generale.lequotidiendumedecin.fr/hopital/la-prise-en-charge-deux-fois-plus-chere-lhopital-qua-la-clinique-selon-latih',
    note:
      'Article du Quotidien du médecin rendant compte du rapport ATIH (données 2012). Bornes : 1 204 € (coût moyen d’une prise en charge en clinique) ' +
      'et 4 564 € (séjour de chirurgie à l’hôpital). Année de prix 2012 : aucun coût moyen tous séjours plus récent n’a été retrouvé publiquement ' +
      '(l’ATIH publie désormais des référentiels par GHM sur ScanSanté). Parts des payeurs indicatives.',
  },
  {
    code: 'JOURNEE_EHPAD',
    label: 'Journée en EHPAD, coût total tous financeurs (37 043 €/an)',
    unit: 'jour',
    amount: '101',
    // 34 150 / 365 = 93,56… ; 41 189 / 365 = 112,84…
    amountLow: '93.56',
    amountHigh: '112.85',
    priceYear: 2013,
    payers: { ASSURANCE_MALADIE: '0.30', DEPARTEMENT: '0.15', USAGER: '0.55' },
    cashableShare: '0.5',
    grade: 2,
    sourceTitle: 'Enquête de coûts en EHPAD (données 2013) : coût total d’une place, soins de ville inclus, 37 043 € par an, soit 101 € par jour',
    sourcePublisher: 'ATIH',
    sourceUrl: 'https://ash.tm.fr/hebdo/2922/cote-cour/en-2013-le-cout-total-dune-place-en-ehpad-est-estime-a-37-043-par-an-408606.php',
    note:
      'Article des ASH rendant compte du rapport ATIH. Bornes = coût annuel / 365 : 34 150 € (tarif partiel avec PUI) et 41 189 € ' +
      '(tarif global avec PUI). Dernière étude publique de coût total tous financeurs retrouvée : année de prix 2013 (le prix ' +
      'd’hébergement seul est plus récent, voir JOURNEE_EHPAD_HEBERGEMENT). Parts des payeurs indicatives (soins / dépendance / hébergement).',
  },
  {
    code: 'JOURNEE_EHPAD_HEBERGEMENT',
    label: 'Journée en EHPAD, prix de l’hébergement permanent (chambre seule habilitée à l’aide sociale)',
    unit: 'jour',
    amount: '63.50',
    amountLow: '54.30',
    amountHigh: '95.60',
    priceYear: 2023,
    payers: { USAGER: '1' },
    cashableShare: '0.5',
    grade: 2,
    sourceTitle: 'Repères statistiques n° 19 : prix journalier moyen de l’hébergement permanent en EHPAD en 2023',
    sourcePublisher: 'CNSA',
    sourceUrl: 'https://ehpad-magazine.com/?p=38737',
    note:
      'Article d’EHPAD Magazine reprenant la CNSA (aussi relayé par la Fondation Médéric Alzheimer). Montant : chambre seule habilitée à l’ASH, ' +
      'moyenne nationale 2023. Bornes : 54,30 € (département le moins cher pour une place habilitée, Aveyron) et 95,60 € (chambre seule ' +
      'non habilitée, moyenne nationale). Hors tarif dépendance et forfait soins. Payé par le résident ; l’aide sociale à l’hébergement ' +
      'du département peut en prendre une part pour les résidents éligibles : à répartir localement.',
  },
  {
    code: 'HEURE_AIDE_DOMICILE_2022',
    label: 'Heure d’aide à domicile, tarif plancher national 2022',
    unit: 'heure',
    amount: '22',
    amountLow: null,
    amountHigh: null,
    priceYear: 2022,
    payers: { DEPARTEMENT: '0.8', USAGER: '0.2' },
    cashableShare: '1',
    // a national floor fixed by order or decree: a regulated tariff, no evidence grade
    grade: null,
    nature: 'regulated_tariff',
    sourceTitle:
      'FAQ relative à l’arrêté du 18 décembre 2021 relatif aux prix des services d’aide et d’accompagnement à domicile (tarif minimal de 22 € au 1er janvier 2022)',
    sourcePublisher: 'DGCCRF (ministère de l’Économie)',
    sourceUrl: 'https://www.economie.gouv.fr/dgccrf/les-fiches-pratiques/faq-relative-larrete-du-18-decembre-2021-relatif-aux-prix-des',
    note:
      'Tarif minimal de valorisation d’une heure d’aide des plans APA et PCH (art. L. 314-2-1 CASF). Partage 80 % département / 20 % ' +
      'bénéficiaire : moyenne nationale des plans d’APA à domicile selon la DREES (voir JOURNEE_APA_DOMICILE).',
  },
  {
    code: 'HEURE_AIDE_DOMICILE_2023',
    label: 'Heure d’aide à domicile, tarif plancher national 2023',
    unit: 'heure',
    amount: '23',
    amountLow: null,
    amountHigh: null,
    priceYear: 2023,
    payers: { DEPARTEMENT: '0.8', USAGER: '0.2' },
    cashableShare: '1',
    // a national floor fixed by order or decree: a regulated tariff, no evidence grade
    grade: null,
    nature: 'regulated_tariff',
    sourceTitle:
      'Avis sur le projet de décret relatif au tarif minimal applicable aux heures d’aide à domicile (arrêté fixant le tarif minimal à 23 € pour 2023)',
    sourcePublisher: 'Haut Conseil de la famille, de l’enfance et de l’âge (HCFEA)',
    sourceUrl: 'https://hcfea.gouv.fr/avis-sur-le-projet-de-decret-en-conseil-detat-relatif-au-tarif-minimal-applicable-aux-heures-daide-domicile',
    note: 'Partage 80 % département / 20 % bénéficiaire : moyenne nationale des plans d’APA à domicile selon la DREES.',
  },
  {
    code: 'HEURE_AIDE_DOMICILE_2024',
    label: 'Heure d’aide à domicile, tarif plancher national 2024',
    unit: 'heure',
    amount: '23.50',
    amountLow: null,
    amountHigh: null,
    priceYear: 2024,
    payers: { DEPARTEMENT: '0.8', USAGER: '0.2' },
    cashableShare: '1',
    // a national floor fixed by order or decree: a regulated tariff, no evidence grade
    grade: null,
    nature: 'regulated_tariff',
    sourceTitle: 'Décret du 2 janvier 2024 fixant le montant du tarif minimal mentionné au 1° du I de l’article L. 314-2-1 du CASF (23,50 € pour 2024)',
    sourcePublisher: 'Légifrance (Journal officiel)',
    sourceUrl: 'https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000048798043',
    note: 'Revalorisé chaque 1er janvier. Partage 80 % département / 20 % bénéficiaire : moyenne nationale des plans d’APA à domicile selon la DREES.',
  },
  {
    code: 'HEURE_AIDE_DOMICILE_2025',
    label: 'Heure d’aide à domicile, tarif plancher national 2025',
    unit: 'heure',
    amount: '24.58',
    amountLow: '24.58',
    amountHigh: '32',
    priceYear: 2025,
    payers: { DEPARTEMENT: '0.8', USAGER: '0.2' },
    cashableShare: '1',
    // a floor fixed by decree is a fact, not a trial: no evidence grade, whatever relays the figure
    grade: null,
    nature: 'regulated_tariff',
    sourceTitle: 'Tarif plancher national de l’aide à domicile fixé à 24,58 € de l’heure pour 2025 (+4,6 % sur 2024)',
    sourcePublisher: 'On-news (presse), d’après le tarif minimal national 2025',
    sourceUrl: 'https://on-news.fr/aide-domicile-forte-hausse-couts-2025-retraites-concernes',
    note:
      'Source de presse : le texte officiel fixant le montant 2025 n’a pas été retrouvé, à vérifier sur Légifrance. Borne haute : ' +
      'coût de revient d’une heure évalué à 32 € par la Fédésap (même article). Borne basse = tarif plancher.',
  },
  {
    code: 'PLACE_SSIAD',
    label: 'Place de SSIAD, coût annuel',
    unit: 'place-année',
    amount: '10500',
    amountLow: '4685',
    amountHigh: '12803',
    priceYear: 2010,
    payers: { ASSURANCE_MALADIE: '1' },
    cashableShare: '0.5',
    grade: 3,
    sourceTitle: 'Tarification des SSIAD : valorisation d’une place dans l’ONDAM (10 500 €) et coût moyen à la place de l’étude DGAS 2008 (10 525 €)',
    sourcePublisher: 'Préfecture de Loir-et-Cher (services de l’État), d’après la DGAS et l’ONDAM 2010',
    sourceUrl:
      'http://www.loir-et-cher.gouv.fr/Politiques-publiques/Solidarite-hebergement-et-populations-vulnerables/Personnes-agees-Autonomie/Aide-a-domicile/Tarification',
    note:
      'Année de prix 2010 : aucun coût moyen national à la place plus récent n’a été retrouvé. Bornes : coût moyen par patient selon ' +
      'les SSIAD, de 4 685 € à 12 803 € (étude URC Eco IdF / DGAS « Les patients en SSIAD », 2009, copie consultée ' +
      'https://www.mwitty.com/content.php?id=6526516).',
  },
  {
    code: 'JOURNEE_SSIAD',
    label: 'Journée de soins infirmiers à domicile (SSIAD), coût de substitution',
    unit: 'jour',
    // 10 500 / 365 = 28,767… ; 4 685 / 365 = 12,835… ; 12 803 / 365 = 35,076…
    amount: '28.77',
    amountLow: '12.84',
    amountHigh: '35.08',
    priceYear: 2010,
    payers: { ASSURANCE_MALADIE: '1' },
    cashableShare: '0.5',
    grade: 3,
    sourceTitle: 'Coût d’une place de SSIAD (10 500 € par an dans l’ONDAM) ramené à la journée',
    sourcePublisher: 'Préfecture de Loir-et-Cher (services de l’État), d’après la DGAS et l’ONDAM 2010',
    sourceUrl:
      'http://www.loir-et-cher.gouv.fr/Politiques-publiques/Solidarite-hebergement-et-populations-vulnerables/Personnes-agees-Autonomie/Aide-a-domicile/Tarification',
    note:
      'Coût de substitution d’un maintien à domicile avec soins : PLACE_SSIAD / 365 (montant et bornes). Année de prix 2010 : ' +
      'aucun coût national plus récent retrouvé. Financé par l’assurance maladie (dotation ARS).',
  },
  {
    code: 'JOURNEE_APA_DOMICILE',
    label: 'Journée d’aide à domicile financée par un plan d’APA (montant du plan, part APA et participation), coût de substitution',
    unit: 'jour',
    // 5,94 Md€ × 59 % / 770 000 bénéficiaires / 365 = 12,47 € d’APA par jour ; / 0,80 = 15,59 € de plan
    amount: '15.59',
    // 360 € × 12 / 365 = 11,84 (GIR 4) ; 1 250 € × 12 / 365 = 41,10 (GIR 1)
    amountLow: '11.84',
    amountHigh: '41.10',
    priceYear: 2017,
    payers: { DEPARTEMENT: '0.8', USAGER: '0.2' },
    cashableShare: '1',
    grade: 2,
    sourceTitle:
      'Deux ans d’application de la loi ASV : résultats de l’enquête trimestrielle sur l’APA à domicile en 2016-2017 (plans notifiés par GIR, 80 % à la charge du département)',
    sourcePublisher: 'DREES',
    sourceUrl: 'https://123dok.net/document/lq5mrw3y-application-adaptation-societe-vieillissement-resultats-enquete-trimestrielle-domicile.html',
    note:
      'Copie de l’étude DREES. Montant : dépense d’APA 2017 (5,94 Md€ dont 59 % à domicile, 770 000 bénéficiaires à domicile, ' +
      'DREES reprise par l’UNCCAS, https://www.unccas.org/apa-a-domicile-trois-etudes-drees) ramenée au jour, divisée par 0,80 ' +
      'pour le plan entier ; cohérent avec le plan moyen de 500 € par mois publié par la DREES pour 2009. Bornes : plans moyens notifiés ' +
      'en décembre 2017 en GIR 4 (360 €/mois) et GIR 1 (1 250 €/mois). Payeurs : APA du département 80 %, participation (ticket modérateur) ' +
      'du bénéficiaire 20 % en moyenne. Année de prix 2017 : pas de montant moyen plus récent retrouvé.',
  },
  {
    code: 'JOURNEE_ASE_MECS',
    label: 'Journée de placement ASE en MECS',
    unit: 'jour',
    amount: '147.07',
    amountLow: null,
    amountHigh: null,
    priceYear: 2018,
    payers: { DEPARTEMENT: '1' },
    cashableShare: '0.6',
    grade: 3,
    sourceTitle:
      'Rapport d’observations définitives sur la politique de protection de l’enfance d’un département : coût moyen d’une journée en maison d’enfants à caractère social (147,07 €)',
    sourcePublisher: 'Chambre régionale des comptes',
    sourceUrl: 'https://123dok.net/article/financement-politique-protection-l-enfant.q5m7p54j',
    note:
      'Copie d’un rapport de CRC (le département n’est pas nommé dans l’extrait consulté) ; valeur d’un seul département. ' +
      'Année de prix 2018 : pas de prix de journée national plus récent par mode d’accueil retrouvé ; pour une moyenne nationale ' +
      '2022 tous modes d’accueil, voir JOURNEE_ASE_ACCUEIL_MOYEN.',
  },
  {
    code: 'JOURNEE_ASE_FAMILLE_ACCUEIL',
    label: 'Journée de placement ASE en famille d’accueil',
    unit: 'jour',
    amount: '72.04',
    amountLow: null,
    amountHigh: null,
    priceYear: 2018,
    payers: { DEPARTEMENT: '1' },
    cashableShare: '0.6',
    grade: 3,
    sourceTitle:
      'Rapport d’observations définitives sur la politique de protection de l’enfance d’un département : coût moyen d’une journée en accueil familial (72,04 €)',
    sourcePublisher: 'Chambre régionale des comptes',
    sourceUrl: 'https://123dok.net/article/financement-politique-protection-l-enfant.q5m7p54j',
    note:
      'Copie d’un rapport de CRC (le département n’est pas nommé dans l’extrait consulté) ; valeur d’un seul département. ' +
      'Année de prix 2018 : pas de coût national plus récent de l’accueil familial retrouvé ; voir JOURNEE_ASE_ACCUEIL_MOYEN (2022).',
  },
  {
    code: 'JOURNEE_ASE_ACCUEIL_MOYEN',
    label: 'Journée d’accueil à l’ASE, dépense moyenne nationale tous modes d’accueil',
    unit: 'jour',
    // 9,9 Md€ × 79,8 % / 208 000 jeunes accueillis / 365 = 104,06 €
    amount: '104.06',
    // 2 253 € × 12 / 365 = 74,07 ; 6 661 € × 12 / 365 = 218,99
    amountLow: '74.07',
    amountHigh: '218.99',
    priceYear: 2022,
    payers: { DEPARTEMENT: '1' },
    cashableShare: '0.6',
    grade: 2,
    sourceTitle:
      'L’aide sociale à l’enfance, édition 2024 (Les dossiers de la DREES n° 119) : 9,9 Md€ en 2022, dont 79,8 % pour l’accueil ; 208 000 jeunes accueillis',
    sourcePublisher: 'DREES',
    sourceUrl: 'https://www.vie-publique.fr/en-bref/295014-ase-davantage-de-placements-en-foyer-quen-famille-daccueil',
    note:
      'Synthèse Vie publique de l’étude DREES. ' +
      'Montant = dépenses d’accueil / jeunes accueillis fin 2022 / 365. Bornes : dépense mensuelle par enfant accueilli en 2021 du département ' +
      'le moins dépensier (Haute-Marne, 2 253 €) et du plus dépensier (Hauts-de-Seine, 6 661 €), DREES reprise par La Gazette des communes, ' +
      'https://www.lagazettedescommunes.com/883133/protection-de-lenfance-en-20-ans-les-depenses-departementales-ont-double/.',
  },
  {
    code: 'NUITEE_HOTEL_URGENCE',
    label: 'Nuitée d’hôtel en hébergement d’urgence (115 / SIAO)',
    unit: 'nuitée',
    amount: '19.09',
    amountLow: '18',
    amountHigh: '21',
    priceYear: 2024,
    payers: { ETAT: '1' },
    cashableShare: '1',
    grade: 3,
    sourceTitle:
      'Avis sur le projet de loi de finances pour 2025, cohésion des territoires (hébergement) : coût moyen par place d’une nuitée hôtelière 19,09 € (26,05 € en CHU, 38,58 € en CHRS)',
    sourcePublisher: 'Sénat, commission des affaires sociales (avis n° 147, 2024-2025)',
    sourceUrl: 'https://conferenceconsensuslogement.senat.fr/rap/a24-147-2/a24-147-23.html',
    note:
      'Montant moyen national de l’État (programme 177), repris de la revue de dépenses IGF-IGAS-IGA présentée sur ' +
      'https://www.vie-publique.fr/rapport/299562-revue-de-depenses-sur-le-budget-de-lhebergement-durgence-igas-iga-igf. Bornes : coût moyen ' +
      'd’une nuitée en 2020 selon la préfecture d’Île-de-France, 18 € hors Paris et 21 € à Paris (Le Parisien, repris par ' +
      'https://www.cgt-ab-habitat.com/2020/12/ile-de-france-la-crise-du-logement-coute-a-l-etat-un-million-d-euros-par-jour-en-frais-d-hotel.html). ' +
      'À remplacer par le prix de nuitée du SIAO local quand il est connu.',
  },
  {
    code: 'JOURNEE_HOSPITALISATION_PSY',
    label: 'Journée d’hospitalisation complète en psychiatrie (adulte), tarif journalier national',
    unit: 'jour',
    amount: '573.37',
    amountLow: '295.17',
    amountHigh: '883.52',
    priceYear: 2022,
    payers: { ASSURANCE_MALADIE: '1' },
    cashableShare: '0.3',
    // a national daily tariff fixed by order (arrêté): a regulated tariff, no evidence grade
    grade: null,
    nature: 'regulated_tariff',
    sourceTitle: 'Arrêté du 28 décembre 2021, annexe I : tarification nationale journalière des prestations, hospitalisation complète de plus de 18 ans',
    sourcePublisher: 'Ministère de la santé (Journal officiel n° 0302 du 29 décembre 2021)',
    sourceUrl: 'https://juriblio.fr/arretes/arrete-du-28-decembre-2021/178810058/annexe/856718850',
    note:
      'Copie Juriblio du Journal officiel ; version en vigueur du 30 décembre 2021 au 4 avril 2022. Montant : établissement « non mixte ' +
      'et sectorisé » ; bornes : « non mixte et non sectorisé » (295,17 €) et « mixte et en partie sectorisé » (883,52 €). Tarif de ' +
      'facturation (base du ticket modérateur), non un coût de production. Ticket modérateur le plus souvent couvert (ALD, C2S) : payeur ' +
      'assurance maladie. Usage : journées d’hospitalisation évitées par « Un chez-soi d’abord », voir UN_CHEZ_SOI_DABORD_HOSPITAL_DAYS.',
  },
];

/**
 * Outcome evidence of the « Un chez-soi d’abord » randomised trial (703 people, 24 months): days in hospital per person,
 * Housing First group versus usual care. (80 − 46,6) / 24 = 1,39 hospital days avoided per person and month.
 */
export const UN_CHEZ_SOI_DABORD_HOSPITAL_DAYS = {
  title:
    'Sans-abris avec pathologies psychiatriques : reloger d’abord diminue les coûts de santé (essai randomisé « Un chez-soi d’abord », 703 patients, 24 mois)',
  publisher: 'Medscape France, d’après A. Tinland et al. (AP-HM)',
  url: 'https://francais.medscape.com/voirarticle/3605582',
  followUpMonths: 24,
  hospitalDaysHousingFirst: '46.6',
  hospitalDaysUsualCare: '80',
  note:
    'Publication scientifique : Tinland et al., Epidemiology and Psychiatric Sciences, 2020 (https://www.cambridge.org/core/journals/epidemiology-and-psychiatric-sciences/article/effectiveness-of-a-housing-support-team-intervention-with-a-recoveryoriented-approach-on-hospital-and-emergency-department-use-by-homeless-people-with-severe-mental-illness-a-randomised-controlled-trial/4EFD852DDA12E45E9516D9AC801D1682/core-reader). ' +
    'Public : personnes sans abri avec troubles psychiatriques sévères ; ne pas transposer tel quel à tout public relogé.',
} as const;
