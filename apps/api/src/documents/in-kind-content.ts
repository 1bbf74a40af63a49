import { d, Decimal, sumDecimals } from '@levier/indicators';
import { DocumentModel, DocumentSection, paragraph, table } from './document-model';
import type { DocumentLanguage } from './document-model';
import { documentWords, writeStamp } from './document-words';
import type { LoanRow } from './documents.repository';

export interface InKindInput {
  language: DocumentLanguage;
  organisation: string;
  year: number;
  methodology: { version: number | null; label: string; effectiveFrom: string | null } | null;
  conventions: 1 | 2;
  loans: readonly LoanRow[];
  dataAsOf: Date | null;
  computedAt: Date;
}

const WORDS = {
  fr: {
    title: 'Annexe des prêts en nature (mécénat public en nature)',
    subtitle: (year: number) => `Exercice ${year} — locaux, véhicules, matériel et temps d’agents mis à disposition de partenaires`,
    scope: 'Organisation entière',
    intro:
      'Valeur de chaque prêt = jours × quantité × valeur journalière. Les prêts sont rattachés à l’exercice de leur date de début ; la valeur journalière est celle saisie pour chaque prêt (coût complet ou valeur locative).',
    byPartner: 'Prêts par partenaire',
    caption: (partner: string) => `Prêts à ${partner}`,
    columns: ['Code', 'Objet prêté', 'Début', 'Jours', 'Quantité', 'Valeur journalière', 'Total'],
    subtotal: (partner: string) => `Total ${partner}`,
    summary: 'Récapitulatif par partenaire',
    summaryColumns: ['Partenaire', 'Nombre de prêts', 'Valeur totale'],
    total: 'Total de l’exercice',
    none: (year: number) => `Aucun prêt en nature n’est enregistré pour l’exercice ${year}.`,
  },
  en: {
    title: 'Annex of in-kind loans (public in-kind support)',
    subtitle: (year: number) => `Financial year ${year} — rooms, vehicles, equipment and staff time lent to partners`,
    scope: 'Whole organisation',
    intro:
      'Value of each loan = days × quantity × daily value. Loans belong to the year of their start date; the daily value is the one recorded with each loan.',
    byPartner: 'Loans by partner',
    caption: (partner: string) => `Loans to ${partner}`,
    columns: ['Code', 'Item lent', 'Start', 'Days', 'Quantity', 'Daily value', 'Total'],
    subtotal: (partner: string) => `Total ${partner}`,
    summary: 'Summary by partner',
    summaryColumns: ['Partner', 'Number of loans', 'Total value'],
    total: 'Total of the year',
    none: (year: number) => `No in-kind loan is recorded for financial year ${year}.`,
  },
};

const value = (l: LoanRow): Decimal => d(l.days).times(l.quantity).times(l.dailyValue);

/** The in-kind loans of one year, grouped by partner, with each line's arithmetic and the totals. */
export const inKindDocument = (input: InKindInput): DocumentModel => {
  const w = documentWords(input.language);
  const t = WORDS[input.language];
  const partners = [...new Set(input.loans.map((l) => l.toPartner))].sort((a, b) => a.localeCompare(b, 'fr'));
  const sections: DocumentSection[] = [{ title: t.byPartner, blocks: [paragraph(t.intro)] }];
  if (input.loans.length === 0) sections[0].blocks.push(paragraph(t.none(input.year), true));
  const columns = t.columns.map((label, i) => ({
    label,
    align: i >= 3 ? ('right' as const) : ('left' as const),
    weight: [1.3, 2.4, 1, 0.7, 0.8, 1.2, 1.3][i],
  }));
  for (const partner of partners) {
    const loans = input.loans.filter((l) => l.toPartner === partner);
    sections[0].blocks.push(
      table(
        t.caption(partner),
        columns,
        loans.map((l) => [
          l.code,
          l.item,
          w.date(l.startDate),
          w.write.number(l.days, 2),
          w.write.number(l.quantity, 2),
          w.write.euros(l.dailyValue),
          w.write.euros(value(l).toFixed(2)),
        ]),
        [t.subtotal(partner), '', '', '', '', '', w.write.euros(sumDecimals(loans.map(value)).toFixed(2))],
      ),
    );
  }
  if (input.loans.length > 0)
    sections.push({
      title: t.summary,
      blocks: [
        table(
          t.summary,
          t.summaryColumns.map((label, i) => ({ label, align: i === 0 ? 'left' : 'right', weight: i === 0 ? 2 : 1 })),
          partners.map((p) => {
            const loans = input.loans.filter((l) => l.toPartner === p);
            return [p, String(loans.length), w.write.euros(sumDecimals(loans.map(value)).toFixed(2))];
          }),
          [t.total, String(input.loans.length), w.write.euros(sumDecimals(input.loans.map(value)).toFixed(2))],
        ),
      ],
    });
  return {
    kind: 'prets-en-nature',
    language: input.language,
    title: t.title,
    subtitle: t.subtitle(input.year),
    stamp: writeStamp(w, { ...input, scope: t.scope, period: String(input.year) }),
    sections,
    fileName: `prets-en-nature-${input.year}`,
    basis: { year: input.year, organisation: input.organisation, loans: input.loans },
  };
};
