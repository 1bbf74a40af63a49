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
  'service.expected_metrics': 'Indicateurs attendus d’un service modifiés',
  'import_template.create': 'Modèle d’import créé',
  'import_template.update': 'Modèle d’import modifié',
  'import_template.delete': 'Modèle d’import supprimé',
  'user.create': 'Compte créé',
  'user.update': 'Compte modifié',
  'user.bootstrap_admin': 'Premier administrateur créé',
  'operator.grant': 'Droit d’opérateur de l’instance accordé',
  'operator.revoke': 'Droit d’opérateur de l’instance retiré',
};
const VERBS: Record<string, string> = { create: 'Création', update: 'Modification', delete: 'Suppression', upsert: 'Saisie' };

export const auditActionLabel = (action: string): string => {
  if (ACTIONS[action]) return ACTIONS[action];
  const verb = VERBS[action.split('.').pop() ?? ''] ?? 'Modification';
  return `${verb} (${action.split('.')[0].replace(/_/g, ' ')})`;
};

type Snapshot = Record<string, unknown> | null | undefined;
const text = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : null);

/** Unit, period and the value or status before → after, when the entry carries them. */
export const auditSummary = (
  before: Snapshot,
  after: Snapshot,
  words: { unitName: (code: string) => string; statusLabel: (status: string) => string },
): string => {
  const snap = after ?? before ?? {};
  const parts: string[] = [];
  const unit = text(snap.orgUnit);
  const period = text(snap.period);
  if (unit) parts.push(words.unitName(unit));
  if (period) parts.push(periodLabel(period));
  const oldValue = text(before?.value);
  const newValue = text(after?.value);
  if (oldValue !== null || newValue !== null) {
    parts.push(`${frenchDecimal(oldValue)} → ${frenchDecimal(newValue)}`);
  } else {
    const oldStatus = text(before?.status);
    const newStatus = text(after?.status);
    if (newStatus) parts.push(oldStatus ? `${words.statusLabel(oldStatus)} → ${words.statusLabel(newStatus)}` : words.statusLabel(newStatus));
  }
  return parts.join(' · ');
};
