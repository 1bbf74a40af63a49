import { auditActionLabel, auditSummary } from './audit-words';

const words = {
  unitName: (code: string) => (code === 'VALMONT-NORD' ? 'Antenne Valmont Nord' : code),
  statusLabel: (s: string) => ({ submitted: 'soumise', approved: 'approuvée' })[s] ?? s,
};

describe(auditActionLabel.name, () => {
  it('names known actions in words and gives others a generic verb', () => {
    expect(auditActionLabel('figure.upsert')).toBe('Saisie ou correction d’un chiffre');
    expect(auditActionLabel('period.reopen')).toBe('Période rouverte');
    expect(auditActionLabel('unit_cost.delete')).toBe('Suppression : coût unitaire');
    expect(auditActionLabel('report-subscription.create', 'report_subscription')).toBe('Création : abonnement à un rapport');
    expect(auditActionLabel('auth.login', 'user')).toBe('Connexion');
    expect(auditActionLabel('publish', 'methodology_version')).toBe('Version de méthodologie publiée');
    expect(auditActionLabel('submission.apply', 'submission')).toBe('Import appliqué après son aperçu');
    expect(auditActionLabel('submission.discard', 'submission')).toBe('Aperçu d’import abandonné');
    expect(auditActionLabel('submission.retry', 'submission')).toBe('Modification : import de chiffres');
  });
  it('never shows a code, even for an action or entity it does not know', () => {
    const label = auditActionLabel('gizmo_thing.frobnicate', 'gizmo_thing');
    expect(label).toBe('Modification : enregistrement');
    expect(label).not.toMatch(/gizmo|frobnicate|_/);
  });
});

describe(auditSummary.name, () => {
  it('says which unit and period, and the value before → after in French', () => {
    expect(auditSummary({ value: '6044.7' }, { value: '12345.67', orgUnit: 'VALMONT-NORD', period: '2024-01' }, words)).toBe(
      'Antenne Valmont Nord · janv. 2024 · 6\u202f044,7 → 12\u202f345,67',
    );
    expect(auditSummary(null, { value: '3', orgUnit: 'VALMONT-NORD', period: '2024-Q4' }, words)).toBe('Antenne Valmont Nord · 2024-T4 · — → 3');
  });
  it('leaves out a status it cannot name rather than print its code', () => {
    expect(auditSummary(null, { status: 'abandoned', orgUnit: 'VALMONT-NORD' }, { ...words, statusLabel: () => '' })).toBe('Antenne Valmont Nord');
  });
  it('names the file of an import decision, and leaves out the statuses it cannot name', () => {
    const before = { status: 'previewed', fileName: 'fevrier-nord.csv' };
    expect(auditSummary(before, { status: 'discarded', fileName: 'fevrier-nord.csv' }, { ...words, statusLabel: () => '' })).toBe(
      'fichier « fevrier-nord.csv »',
    );
  });
  it('says a period status change in words', () => {
    expect(auditSummary({ status: 'submitted' }, { status: 'approved', orgUnit: 'VALMONT-NORD', period: '2024-11' }, words)).toBe(
      'Antenne Valmont Nord · nov. 2024 · soumise → approuvée',
    );
  });
});
