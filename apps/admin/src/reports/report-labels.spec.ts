import { levierEn } from '../i18n/en';
import { levierFr } from '../i18n/fr';
import { REPORT_COVERAGES, REPORT_DOCUMENTS, REPORT_INDICATOR_LABELS, REPORT_INDICATORS } from './ReportViews';

const at = (messages: unknown, key: string): unknown => key.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown> | undefined)?.[p], messages);

describe('report subscription labels', () => {
  it('names every period covered in both languages (never a raw key such as « levier.coverage.month »)', () => {
    for (const c of REPORT_COVERAGES) {
      expect(typeof at(levierFr, `levier.coverage.${c}`)).toBe('string');
      expect(typeof at(levierEn, `levier.coverage.${c}`)).toBe('string');
    }
    expect(at(levierFr, 'levier.coverage.month')).toBe('Le dernier mois complet');
  });
  it('names every indicator a report can show (never « levier.headline.cashable »)', () => {
    for (const i of REPORT_INDICATORS) expect(typeof at(levierFr, REPORT_INDICATOR_LABELS[i])).toBe('string');
    expect(at(levierFr, REPORT_INDICATOR_LABELS.cashable)).toBe('Coûts évités encaissables');
  });
  it('names every document a report can attach, in both languages (never « levier.documents.attach.fongibilite »)', () => {
    for (const d of REPORT_DOCUMENTS) {
      expect(typeof at(levierFr, `levier.documents.attach.${d}`)).toBe('string');
      expect(typeof at(levierEn, `levier.documents.attach.${d}`)).toBe('string');
    }
    expect(at(levierFr, 'levier.documents.attach.fongibilite')).toBe('État des mouvements de fongibilité de l’exercice');
  });
});
