import { d, fongibiliteExclusion, fongibiliteRate, fongibiliteVolume, sumDecimals, TransferFlagReason } from '@levier/indicators';
import { m57FunctionLabel } from '../catalogue/m57-functions';
import { DocumentModel, DocumentSection, paragraph, table } from './document-model';
import type { DocumentLanguage } from './document-model';
import { documentWords, writeStamp } from './document-words';
import type { TransferRow } from './documents.repository';

export interface FongibiliteInput {
  language: DocumentLanguage;
  organisation: string;
  budgetFramework: string;
  year: number;
  conventions: 1 | 2;
  methodology: { version: number | null; label: string; effectiveFrom: string | null } | null;
  transfers: readonly TransferRow[];
  /** The organisation's voted limit, a share (≤ 0.075). */
  limit: string;
  /** The voted budget of the year (real operating expenditure) with its source, or null. */
  budget: { realExpenditure: string; source: string | null } | null;
  /** Σ spend figures of the year, the proxy base when no budget is recorded. */
  spendProxy: string | null;
  dataAsOf: Date | null;
  computedAt: Date;
}

const WORDS = {
  fr: {
    title: 'État des mouvements de fongibilité des crédits',
    subtitle: (year: number) => `Exercice ${year} — annexe à la délibération (article L.5217-10-6 du CGCT)`,
    scope: 'Budget principal, section de fonctionnement',
    intro: (year: number, framework: string) =>
      `Le présent état liste chaque mouvement de crédits décidé en ${year} (fongibilité, décision modificative, virement interne), avec ses chapitres et fonctions ${framework}, et le volume des mouvements de fongibilité rapporté à la limite votée par l’assemblée. L’exécutif en rend compte à la plus proche séance.`,
    transfers: 'Mouvements de l’exercice',
    caption: (year: number) => `Mouvements de crédits décidés en ${year}`,
    columns: ['Code', 'Date', 'Instrument', 'Depuis (chapitre / fonction)', 'Vers (chapitre / fonction)', 'Montant', 'Compté dans la fongibilité'],
    instruments: { FONGIBILITE: 'Fongibilité', DECISION_MODIFICATIVE: 'Décision modificative', VIREMENT_INTERNE: 'Virement interne' } as Record<string, string>,
    flags: {
      PERSONNEL_EXCLUDED: 'Non — chapitre 012 (charges de personnel) exclu de la fongibilité',
      SAME_CHAPTER: 'Non — même chapitre des deux côtés : mouvement interne, pas de la fongibilité',
    } as Record<TransferFlagReason, string>,
    counted: 'Oui',
    otherInstrument: 'Non — autre instrument que la fongibilité',
    chapter: (c: string) => `chapitre ${c}`,
    fn: (code: string, label: string | null) => `fonction ${code}${label ? ` « ${label} »` : ' (hors nomenclature)'}`,
    total: 'Total des mouvements',
    volumeTitle: 'Volume de fongibilité et limite votée',
    volume: 'Volume des mouvements de fongibilité comptés',
    base: 'Dépenses réelles de fonctionnement (base)',
    rate: 'Taux de fongibilité',
    limit: 'Limite votée par l’assemblée',
    margin: 'Marge restante sous la limite',
    over: 'Au-delà de la limite votée',
    withinLimit: 'Dans la limite votée',
    baseSource: {
      budget: (source: string | null) => `Source de la base : budget voté${source ? ` — ${source}` : ' (source non renseignée)'}.`,
      proxy:
        'Source de la base : faute de budget voté saisi pour l’exercice, somme des dépenses des services saisies dans Levier (approximation qui surestime le taux) ; saisissez le budget voté (menu Budgets votés).',
      none: 'Aucune base de dépenses réelles pour cet exercice : le taux ne peut pas être calculé.',
    },
    rule: 'Règle : le volume compte les seuls mouvements de fongibilité ; un mouvement touchant le chapitre 012 (personnel) en est exclu ; sous les conventions 2, un mouvement entre deux lignes d’un même chapitre aussi (ce n’est pas de la fongibilité entre chapitres). Taux = volume / dépenses réelles de fonctionnement de l’exercice.',
    flaggedTitle: 'Mouvements signalés',
    noTransfers: (year: number) => `Aucun mouvement de crédits n’est enregistré pour l’exercice ${year}.`,
    methodLine: 'Réallocation',
  },
  en: {
    title: 'Statement of fongibilité budget transfers',
    subtitle: (year: number) => `Financial year ${year} — annex to the assembly’s deliberation (article L.5217-10-6 CGCT)`,
    scope: 'Main budget, operating section',
    intro: (year: number, framework: string) =>
      `This statement lists every budget transfer decided in ${year} (fongibilité, amending decision, internal transfer) with its ${framework} chapters and functions, and the fongibilité volume against the limit voted by the assembly. The executive reports them at the next session.`,
    transfers: 'Transfers of the year',
    caption: (year: number) => `Budget transfers decided in ${year}`,
    columns: ['Code', 'Date', 'Instrument', 'From (chapter / function)', 'To (chapter / function)', 'Amount', 'Counted as fongibilité'],
    instruments: { FONGIBILITE: 'Fongibilité', DECISION_MODIFICATIVE: 'Amending decision', VIREMENT_INTERNE: 'Internal transfer' } as Record<string, string>,
    flags: {
      PERSONNEL_EXCLUDED: 'No — chapter 012 (staff costs) excluded from fongibilité',
      SAME_CHAPTER: 'No — same chapter on both sides: an internal move, not fongibilité',
    } as Record<TransferFlagReason, string>,
    counted: 'Yes',
    otherInstrument: 'No — not a fongibilité instrument',
    chapter: (c: string) => `chapter ${c}`,
    fn: (code: string, label: string | null) => `function ${code}${label ? ` “${label}”` : ' (outside the nomenclature)'}`,
    total: 'Total of transfers',
    volumeTitle: 'Fongibilité volume and voted limit',
    volume: 'Volume of counted fongibilité transfers',
    base: 'Real operating expenditure (base)',
    rate: 'Fongibilité rate',
    limit: 'Limit voted by the assembly',
    margin: 'Margin left under the limit',
    over: 'Above the voted limit',
    withinLimit: 'Within the voted limit',
    baseSource: {
      budget: (source: string | null) => `Source of the base: voted budget${source ? ` — ${source}` : ' (source not recorded)'}.`,
      proxy:
        'Source of the base: no voted budget recorded for the year, so the sum of the services’ spend entered in Levier (an approximation that overstates the rate); record the voted budget.',
      none: 'No real-expenditure base for this year: the rate cannot be computed.',
    },
    rule: 'Rule: the volume counts fongibilité transfers only; a transfer touching chapter 012 (staff) is excluded; under conventions 2, a move between two lines of one chapter too. Rate = volume / real operating expenditure of the year.',
    flaggedTitle: 'Flagged transfers',
    noTransfers: (year: number) => `No budget transfer is recorded for financial year ${year}.`,
    methodLine: 'Reallocation',
  },
};

const line = (words: (typeof WORDS)['fr'], chapter: string, fn: string | null): string =>
  `${words.chapter(chapter)}${fn ? `, ${words.fn(fn, m57FunctionLabel(fn))}` : ''}`;

/** The fongibilité statement of one year: every transfer with its M57 labels and flag, the volume against the limit and base. */
export const fongibiliteDocument = (input: FongibiliteInput): DocumentModel => {
  const w = documentWords(input.language);
  const t = WORDS[input.language];
  const engine = input.transfers.map((r) => ({
    code: r.code,
    instrument: r.instrument as 'FONGIBILITE' | 'DECISION_MODIFICATIVE' | 'VIREMENT_INTERNE',
    from: { chapter: r.fromChapter, function: r.fromFunction },
    to: { chapter: r.toChapter, function: r.toFunction },
    amount: d(r.amount),
  }));
  const volume = fongibiliteVolume(engine, input.conventions);
  const base = input.budget ? d(input.budget.realExpenditure) : input.spendProxy !== null ? d(input.spendProxy) : null;
  const rate = base === null ? null : fongibiliteRate({ volume, realExpenditure: base });
  const limit = d(input.limit);
  const sections: DocumentSection[] = [];
  sections.push({ title: t.transfers, blocks: [paragraph(t.intro(input.year, input.budgetFramework))] });
  if (input.transfers.length === 0) {
    sections[0].blocks.push(paragraph(t.noTransfers(input.year), true));
  } else {
    const rows = input.transfers.map((r, i) => {
      const reason = fongibiliteExclusion(engine[i], input.conventions);
      return [
        r.code,
        w.date(r.decisionDate),
        t.instruments[r.instrument] ?? r.instrument,
        line(t, r.fromChapter, r.fromFunction),
        line(t, r.toChapter, r.toFunction),
        w.write.euros(r.amount),
        r.instrument !== 'FONGIBILITE' ? t.otherInstrument : reason === null ? t.counted : t.flags[reason],
      ];
    });
    sections[0].blocks.push(
      table(
        t.caption(input.year),
        t.columns.map((label, i) => ({ label, align: i === 5 ? 'right' : 'left', weight: [1.3, 0.9, 1, 1.8, 1.8, 1.2, 1.8][i] })),
        rows,
        [t.total, '', '', '', '', w.write.euros(sumDecimals(engine.map((e) => e.amount)).toFixed(2)), ''],
      ),
    );
  }
  const over = rate === null ? null : rate.gt(limit);
  sections.push({
    title: t.volumeTitle,
    blocks: [
      table(
        t.volumeTitle,
        [
          { label: input.language === 'fr' ? 'Élément' : 'Item', weight: 2 },
          { label: input.language === 'fr' ? 'Valeur' : 'Value', align: 'right' },
        ],
        [
          [t.volume, w.write.euros(volume.toFixed(2))],
          [t.base, base === null ? w.notAvailable : w.write.euros(base.toFixed(2))],
          [t.rate, rate === null ? w.notAvailable : w.percent(rate.toFixed(6), 2)],
          [t.limit, w.percent(limit.toFixed(), 2)],
          ...(base === null ? [] : [[t.margin, w.write.euros(limit.times(base).minus(volume).toFixed(2))]]),
        ],
      ),
      paragraph(over === null ? t.baseSource.none : over ? `${t.over}.` : `${t.withinLimit}.`, true),
      paragraph(input.budget ? t.baseSource.budget(input.budget.source) : input.spendProxy !== null ? t.baseSource.proxy : t.baseSource.none),
      paragraph(t.rule),
    ],
  });
  return {
    kind: 'fongibilite',
    language: input.language,
    title: t.title,
    subtitle: t.subtitle(input.year),
    stamp: writeStamp(w, { ...input, scope: t.scope, period: String(input.year) }),
    sections,
    fileName: `etat-fongibilite-${input.year}`,
    basis: {
      year: input.year,
      organisation: input.organisation,
      conventions: input.conventions,
      transfers: input.transfers,
      limit: limit.toFixed(),
      budget: input.budget,
      spendProxy: input.budget ? null : input.spendProxy,
    },
  };
};
