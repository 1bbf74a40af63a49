import {
  compactFrenchEuros,
  formatChange,
  formatEuros,
  formatFrenchNumber,
  formatParisDateTime,
  formatRatio,
  MASKED_LABEL,
  offsetSentence,
  periodLabel,
} from './french-format';
import { INDICATOR_LABELS } from './report-content';
import type { ReportMessages } from './report-messages';

/** French, the default: `1 234,56 €`, « décembre 2024 ». */
export const FRENCH_MESSAGES: ReportMessages = {
  lang: 'fr',
  colon: ' : ',
  write: {
    masked: MASKED_LABEL,
    number: formatFrenchNumber,
    euros: formatEuros,
    ratio: formatRatio,
    offsetSentence,
    change: formatChange,
    compactEuros: compactFrenchEuros,
    period: periodLabel,
    dateTime: formatParisDateTime,
  },
  indicators: INDICATOR_LABELS,
  reportTitle: 'Épargne médico-sociale',
  previewTag: ' (aperçu)',
  subjectPreviewPrefix: '[Aperçu] ',
  scope: 'Périmètre',
  offsetRatio: 'Coûts évités',
  email: {
    indicatorColumn: 'Indicateur',
    changeColumn: 'Évolution',
    noData: (period) => `Aucune donnée calculée pour ${period} sur ce périmètre : les chiffres de la période n’ont pas encore été saisis ou approuvés.`,
    maskedNotice: 'Certaines valeurs reposent sur moins de 5 bénéficiaires : elles sont masquées (secret statistique).',
    noTargets: (year) => `Alertes et cibles : aucune cible définie pour ${year} sur ce périmètre.`,
    targetsTitle: 'Alertes et cibles',
    grossRange: 'Fourchette des coûts évités (hypothèses basses – hautes)',
    chartAlt: (scope) => `Graphique : coûts évités et coût des services par période, ${scope}`,
    methodology: (m) => `Méthodologie : ${m ? `version ${m.version} — ${m.label}` : 'aucune version publiée'}`,
    freshness: (computedAt, dataAsOf) =>
      `Fraîcheur : calculé le ${computedAt}, données à jour au ${dataAsOf}. Comparaison avec la période précédente de même durée.`,
    openDashboard: 'Ouvrir le tableau de bord',
    footer: (name) => `Vous recevez ce rapport car vous êtes destinataire de l’abonnement « ${name} ».`,
    unsubscribe: 'Se désabonner',
    noLogin: '(sans connexion)',
  },
  target: {
    below: (threshold) => `⚠ sous le seuil d’alerte (${threshold})`,
    above: (threshold) => `⚠ au-dessus du seuil d’alerte (${threshold})`,
    within: 'dans les seuils',
    line: (t, value, target, state) => `${t.label} — cumul ${t.year} : ${value}${target === null ? '' : ` ; cible annuelle ${target}`} ; ${state}`,
  },
  text: {
    range: 'Fourchette',
    methodology: (m) => `Méthodologie : ${m ? `version ${m.version} — ${m.label}` : 'aucune'}`,
    computed: (computedAt, dataAsOf) => `Calculé le ${computedAt}, données au ${dataAsOf}`,
    dashboard: 'Tableau de bord',
    unsubscribe: 'Se désabonner',
  },
  chart: {
    title: (scope) => `Coûts évités et coût des services — ${scope}`,
    grossSavings: 'Coûts évités (bruts)',
    cost: 'Coût des services',
    maskedValues: `Valeurs ${MASKED_LABEL}`,
    noData: 'Aucune donnée sur la période',
    file: 'graphique',
  },
  files: {
    baseName: (period) => `levier-rapport-${period}`,
    csvSeparator: ';',
    unit: 'Unité',
    service: 'Service',
    period: 'Période',
    grossLow: 'Coûts évités (hypothèse basse)',
    grossHigh: 'Coûts évités (hypothèse haute)',
    sheet: 'Série par période',
    moneyFormat: '#,##0.00 "€"',
    // the label may hold parentheses itself (« … (conventions 2, 2024) »): a dash, never « …2024)) »
    stamp: (m, dataAsOf, computedAt) => `Méthodologie ${m ? `v${m.version} — ${m.label}` : 'non publiée'} ; données au ${dataAsOf} ; calculé le ${computedAt}`,
  },
  pdf: {
    noData: (period) => `Aucune donnée calculée pour ${period} sur ce périmètre.`,
    grossRange: 'Fourchette des coûts évités',
    target: (t, value) => `${t.label} : cumul ${t.year} ${value} ; état : ${t.status}`,
  },
  unsubscribe: {
    invalidTitle: 'Lien invalide',
    invalidBody:
      'Ce lien de désabonnement est invalide ou incomplet. Copiez le lien entier depuis le courriel, ou demandez à la direction de votre CCAS de vous retirer de la liste.',
    confirmTitle: 'Confirmer le désabonnement',
    confirmBody: (recipient, name) => `${recipient} ne recevra plus le rapport${name ? ` « ${name} »` : ''} une fois le désabonnement confirmé.`,
    confirmButton: 'Me désabonner',
    confirmNote: 'Rien n’est modifié tant que vous n’avez pas cliqué sur le bouton.',
    doneTitle: 'Désabonnement confirmé',
    doneBody: (recipient, name, already) =>
      `${recipient} ne recevra plus le rapport${name ? ` « ${name} »` : ''}.${already ? ' (C’était déjà fait.)' : ''} Vous pouvez fermer cette page.`,
  },
};
