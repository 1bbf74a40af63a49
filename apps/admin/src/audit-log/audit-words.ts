/**
 * An audit entry in words: its action (`figure.upsert` → « Saisie ou correction d’un chiffre ») and what it was about
 * (« Antenne Valmont Nord · mars 2024 · 6 044,7 → 12 345,67 »), for the audit-log screen. Unknown actions keep a generic verb.
 */
import { frenchDecimal, periodLabel } from '../data-entry/period-label';

const ACTIONS: Record<string, string> = {
  'figure.upsert': 'Saisie ou correction d’un chiffre',
  'period.submit': 'Période soumise',
  'period.approve': 'Période approuvée',
  'period.reopen': 'Période rouverte',
  'settings.four_eyes': 'Règle des quatre yeux modifiée',
  'approval_settings.update': 'Règle des quatre yeux modifiée',
  'service.expected_metrics': 'Indicateurs attendus d’un service modifiés',
  'import_template.create': 'Modèle d’import créé',
  'import_template.update': 'Modèle d’import modifié',
  'import_template.delete': 'Modèle d’import supprimé',
  'user.create': 'Compte créé',
  'user.update': 'Compte modifié',
  'user.bootstrap_admin': 'Premier administrateur créé',
  'operator.grant': 'Droit d’opérateur de l’instance accordé',
  'operator.revoke': 'Droit d’opérateur de l’instance retiré',
  'auth.login': 'Connexion',
  'auth.login_failed': 'Connexion refusée (mot de passe erroné)',
  'auth.login_delayed': 'Connexion retardée après plusieurs échecs',
  'auth.password_changed': 'Mot de passe modifié',
  publish: 'Version de méthodologie publiée',
  'methodology_version.publish': 'Version de méthodologie publiée',
  'seed-demo': 'Données de démonstration créées',
  'report-subscription.send': 'Rapport envoyé à la demande',
  'report-subscription.unsubscribe': 'Désabonnement d’un destinataire de rapport',
  'submission.apply': 'Import appliqué après son aperçu',
  'submission.discard': 'Aperçu d’import abandonné',
};

/** What an entry is about, in words, for the actions without a sentence of their own (never the entity's code). */
const NOUNS: Record<string, string> = {
  figure: 'chiffre',
  figure_batch: 'chiffres',
  period_status: 'période',
  user: 'compte',
  organisation: 'organisation',
  service: 'service',
  metric: 'mesure',
  org_unit: 'unité',
  unit_cost: 'coût unitaire',
  price_index: 'indice des prix',
  outcome_assumption: 'hypothèse de résultat',
  methodology_version: 'version de méthodologie',
  custom_indicator: 'indicateur personnalisé',
  indicator_target: 'objectif',
  service_funding: 'plan de financement',
  staff_need: 'besoin de personnel',
  redeployment: 'redéploiement',
  budget_transfer: 'virement budgétaire',
  budget_year: 'budget voté',
  in_kind_loan: 'prêt en nature',
  initiative: 'initiative d’agents',
  simulation: 'simulation enregistrée',
  import_template: 'modèle d’import',
  report_subscription: 'abonnement à un rapport',
  approval_settings: 'règle des quatre yeux',
  submission: 'import de chiffres',
};
const VERBS: Record<string, string> = { create: 'Création', update: 'Modification', delete: 'Suppression', upsert: 'Saisie', publish: 'Publication' };

/**
 * « Saisie ou correction d’un chiffre », « Suppression : coût unitaire »: the action's own sentence, else a verb and
 * what it was about (the entry's entity, else the action's prefix), never a code: an unknown kind reads « enregistrement ».
 */
export const auditActionLabel = (action: string, entity?: string | null): string => {
  if (ACTIONS[action]) return ACTIONS[action];
  const parts = action.split('.');
  const verb = VERBS[parts[parts.length - 1]] ?? 'Modification';
  const noun = NOUNS[entity ?? ''] ?? NOUNS[parts.length > 1 ? parts[0].replace(/-/g, '_') : ''] ?? 'enregistrement';
  return `${verb} : ${noun}`;
};

/**
 * A status in an entry (a period's, a figure's, an initiative's) in words through the admin's translations; an
 * unknown one reads as nothing rather than as its code.
 */
export const auditStatusLabel =
  (translate: (key: string, options?: { _: string }) => string) =>
  (status: string): string =>
    translate(`levier.enums.period_status.${status}`, {
      _: translate(`levier.enums.figure_status.${status}`, { _: translate(`levier.initiatives.statuses.${status}`, { _: '' }) }),
    });

type Snapshot = Record<string, unknown> | null | undefined;
const text = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : null);

/** The imported file, unit, period and the value or status before → after, when the entry carries them. */
export const auditSummary = (
  before: Snapshot,
  after: Snapshot,
  words: { unitName: (code: string) => string; statusLabel: (status: string) => string },
): string => {
  const snap = after ?? before ?? {};
  const parts: string[] = [];
  const unit = text(snap.orgUnit);
  const period = text(snap.period);
  const file = text(snap.fileName);
  if (file) parts.push(`fichier « ${file} »`);
  if (unit) parts.push(words.unitName(unit));
  if (period) parts.push(periodLabel(period));
  const oldValue = text(before?.value);
  const newValue = text(after?.value);
  if (oldValue !== null || newValue !== null) {
    parts.push(`${frenchDecimal(oldValue)} → ${frenchDecimal(newValue)}`);
  } else {
    const oldStatus = text(before?.status);
    const newStatus = text(after?.status);
    const newLabel = newStatus ? words.statusLabel(newStatus) : '';
    const oldLabel = oldStatus ? words.statusLabel(oldStatus) : '';
    if (newLabel) parts.push(oldLabel ? `${oldLabel} → ${newLabel}` : newLabel);
  }
  return parts.join(' · ');
};
