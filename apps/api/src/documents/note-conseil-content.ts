import { ALL_PAYERS, d, HOUSEHOLD_PAYER } from '@levier/indicators';
import { m57FunctionLabel } from '../catalogue/m57-functions';
import type { SimulationCheck } from '../simulations/fongibilite-checks';
import { Block, DocumentModel, DocumentSection, list, paragraph, subheading, table } from './document-model';
import type { DocumentLanguage } from './document-model';
import { DocumentWords, documentWords, writeStamp } from './document-words';

/** An aggregate as the simulator answers it: decimal strings, the ledger and public figures under conventions 2. */
export type NoteAggregate = Record<string, unknown> & {
  byPayer?: Record<string, string>;
  ledger?: Record<string, { avoided: string; cost: string; net: string }>;
};

export interface NoteConseilInput {
  language: DocumentLanguage;
  organisation: string;
  simulation: { id: string; name: string; createdAt: Date };
  scope: { orgUnit: string; orgUnitName: string; from: string | null; to: string | null };
  conventions: 1 | 2;
  methodology: { version: number | null; label: string; effectiveFrom: string | null } | null;
  levers: readonly Record<string, string>[];
  /** Service code → label (the catalogue's). */
  serviceLabels: Readonly<Record<string, string>>;
  /** Null when a lever no longer applies to today's data (`problems` says why). */
  baseline: NoteAggregate | null;
  simulated: NoteAggregate | null;
  delta: NoteAggregate | null;
  ranges: { baseline: { low: NoteAggregate; high: NoteAggregate }; simulated: { low: NoteAggregate; high: NoteAggregate } } | null;
  checks: readonly SimulationCheck[];
  problems: readonly string[];
  /** The engine's sensitivity of the simulated situation, parameters in words, largest swing first. */
  sensitivity: readonly { label: string; low: string; high: string; swing: string }[];
  dataAsOf: Date | null;
  computedAt: Date;
}

const WORDS = {
  fr: {
    title: 'Note pour le conseil',
    subtitle: (name: string) => `Simulation « ${name} » — effets attendus des leviers proposés`,
    purpose: 'Objet',
    intro: (period: string) =>
      `Cette note présente une simulation de leviers budgétaires sur ${period}. Elle compare la situation actuelle (les chiffres saisis, calculés selon la méthode en vigueur) à la situation simulée si les leviers avaient été appliqués. Ce n’est pas un chiffre voté ni publié : c’est un document de travail pour préparer la décision.`,
    savedOn: (date: string) => `Simulation enregistrée le ${date}, recalculée sur les données et la méthode en vigueur à la date de la note.`,
    levers: '1. Les leviers proposés',
    noLever: 'Aucun levier : la simulation reproduit la situation actuelle.',
    scale: (service: string, factor: string, change: string) =>
      `Faire varier l’activité du service ${service} : coefficient ${factor} (${change} de l’activité et de la dépense).`,
    move: (amount: string, from: string, to: string, chapter: string | null) =>
      `Transférer ${amount} de crédits du service ${from} vers le service ${to}${chapter ? ` (chapitre ${chapter})` : ''}.`,
    redeploy: (days: string, daily: string, amount: string, from: string, to: string) =>
      `Redéployer ${days} jours de travail d’agents à ${daily} par jour, soit ${amount}, du service ${from} vers le service ${to} (charges de personnel, chapitre 012).`,
    results: '2. Situation actuelle et situation simulée',
    resultsCaption: 'Chiffres de tête de liste du périmètre',
    resultsColumns: ['Indicateur', 'Situation actuelle', 'Situation simulée', 'Écart'],
    indicators: {
      publicSavings: 'Coûts évités — finances publiques',
      publicCost: 'Coût des services — finances publiques',
      publicNetSavings: 'Épargne médico-sociale nette — finances publiques',
      grossSavings: 'Coûts évités (bruts), tous payeurs',
      cost: 'Coût des services, tous payeurs',
      netSavings: 'Épargne médico-sociale nette, tous payeurs',
    } as Record<string, string>,
    payers: '3. Par payeur : les finances publiques d’abord, les ménages à part',
    publicCaption: 'Finances publiques — solde net par payeur (coûts évités moins coût supporté)',
    avoidedCaption: 'Finances publiques — coûts évités par payeur',
    payerColumns: ['Payeur', 'Situation actuelle', 'Situation simulée', 'Écart'],
    publicTotal: 'Total des finances publiques',
    householdsTitle: 'Ménages (usagers)',
    households: (baseline: string, simulated: string, delta: string) =>
      `Les ménages ne sont pas des finances publiques : leur solde est donné à part. Situation actuelle ${baseline}, situation simulée ${simulated}, écart ${delta}.`,
    noHouseholds: 'Les ménages ne paient ni n’économisent rien dans ce périmètre.',
    ledgerNote: 'Solde net = coûts évités pour ce payeur moins sa part du coût des services (plan de financement).',
    avoidedNote: 'Sous les conventions 1, seuls les coûts évités sont répartis par payeur ; le coût des services ne l’est pas.',
    ranges: '4. Fourchettes',
    rangesIntro:
      'Chaque hypothèse à trois valeurs (basse, centrale, haute) est prise à sa valeur basse, puis haute : la fourchette dit ce que valent les chiffres si toutes les hypothèses étaient défavorables, ou toutes favorables.',
    rangesCaption: 'Épargne médico-sociale nette en hypothèses basse et haute',
    rangesColumns: ['Indicateur', 'Actuelle, basse', 'Actuelle, haute', 'Simulée, basse', 'Simulée, haute'],
    noRanges: 'Aucune hypothèse n’a de fourchette dans la méthode en vigueur : les chiffres sont donnés sans fourchette.',
    checks: '5. Contrôles juridiques',
    checksIntro:
      'Un mouvement entre fonctions M57 passe par la fongibilité des crédits (article L.5217-10-6 du CGCT), dans la limite votée par l’assemblée ; les dépenses de personnel (chapitre 012) en sont exclues.',
    noChecks: 'Aucun levier ne déplace de crédits : aucun contrôle de fongibilité n’est nécessaire.',
    personnel: (n: number, amount: string, from: string, to: string) =>
      `Levier ${n} — ${amount} du service ${from} vers le service ${to} : dépenses de personnel (chapitre 012), hors fongibilité des crédits. Ce mouvement ne peut pas passer par la fongibilité : il demande une décision modificative votée par l’assemblée.`,
    sameFunction: (n: number, amount: string, from: string, to: string, fn: string) =>
      `Levier ${n} — ${amount} du service ${from} vers le service ${to} : même fonction M57 (${fn}), un virement à l’intérieur de la fonction, sans recours à la fongibilité.`,
    fongibilite: (n: number, amount: string, from: string, to: string, fromFn: string, toFn: string) =>
      `Levier ${n} — ${amount} du service ${from} (${fromFn}) vers le service ${to} (${toFn}) : fongibilité des crédits.`,
    yearUnknown: (year: string) =>
      `${year} : ni budget voté ni dépenses saisies, la marge de fongibilité ne peut pas être calculée (saisissez le budget voté, menu Budgets votés).`,
    yearLine: (year: string, amount: string, before: string, limit: string, base: string, source: string, capacity: string, used: string) =>
      `${year} : ${amount} sur une marge de ${before} (plafond ${limit} × ${base} de dépenses réelles, ${source}, = ${capacity} ; déjà utilisés ${used}).`,
    headroom: (after: string) => `Marge restante : ${after}.`,
    overrun: (over: string) => `Dépassement : ${over}. Au-delà du plafond, le mouvement demande une décision modificative votée par l’assemblée.`,
    budgetSource: 'budget voté',
    spendSource: 'dépenses des services saisies, faute de budget voté',
    fits: 'Le mouvement tient dans la fongibilité votée.',
    noFunction: 'sans fonction',
    fn: (code: string | null) => (code === null ? 'sans fonction' : `fonction ${code}${m57FunctionLabel(code) ? ` « ${m57FunctionLabel(code)} »` : ''}`),
    assumptionsCaption: 'Hypothèses classées par écart (les cinq premières)',
    assumptions: '6. Les hypothèses qui comptent le plus',
    assumptionsIntro:
      'Sensibilité calculée par le moteur sur la situation simulée : chaque hypothèse est prise seule à sa valeur basse puis haute, les autres restant centrales ; les hypothèses sont classées par écart sur l’épargne médico-sociale nette.',
    assumptionsColumns: ['Hypothèse', 'Épargne médico-sociale nette si basse', 'Épargne médico-sociale nette si haute', 'Écart'],
    noAssumptions: 'Aucune hypothèse n’a de fourchette : pas d’analyse de sensibilité.',
    problemsTitle: 'La simulation ne s’applique plus',
    problems: 'Un levier ne s’applique plus aux données d’aujourd’hui ; aucun chiffre n’est donné. Raisons :',
    caveats: '7. Précautions',
    caveatList: [
      'Les chiffres simulés supposent que l’effet d’un service varie comme son activité : un service plus grand produit proportionnellement plus de résultats.',
      'Les coûts évités sont des dépenses qui n’ont pas eu lieu ; seule leur part encaissable se retrouve dans un budget.',
      'La méthode, ses sources et ses formules sont décrites dans le dossier méthodologique du même périmètre.',
    ],
  },
  en: {
    title: 'Note for the board',
    subtitle: (name: string) => `Simulation “${name}” — expected effects of the proposed levers`,
    purpose: 'Purpose',
    intro: (period: string) =>
      `This note presents a simulation of budget levers over ${period}. It compares the current situation (the figures entered, computed under the method in force) with the simulated one had the levers been applied. It is not a voted or published figure: it is a working paper to prepare the decision.`,
    savedOn: (date: string) => `Simulation saved on ${date}, recomputed on the data and method in force at the date of the note.`,
    levers: '1. The proposed levers',
    noLever: 'No lever: the simulation reproduces the current situation.',
    scale: (service: string, factor: string, change: string) => `Scale the activity of service ${service}: factor ${factor} (${change} of activity and spend).`,
    move: (amount: string, from: string, to: string, chapter: string | null) =>
      `Move ${amount} of credits from service ${from} to service ${to}${chapter ? ` (chapter ${chapter})` : ''}.`,
    redeploy: (days: string, daily: string, amount: string, from: string, to: string) =>
      `Redeploy ${days} staff working days at ${daily} a day, i.e. ${amount}, from service ${from} to service ${to} (staff costs, chapter 012).`,
    results: '2. Current and simulated situation',
    resultsCaption: 'Headline figures of the scope',
    resultsColumns: ['Indicator', 'Current', 'Simulated', 'Difference'],
    indicators: {
      publicSavings: 'Avoided costs — public money',
      publicCost: 'Cost of services — public money',
      publicNetSavings: 'Net medico-social savings — public money',
      grossSavings: 'Avoided costs (gross), all payers',
      cost: 'Cost of services, all payers',
      netSavings: 'Net medico-social savings, all payers',
    } as Record<string, string>,
    payers: '3. By payer: public money first, households apart',
    publicCaption: 'Public money — net by payer (avoided costs less cost borne)',
    avoidedCaption: 'Public money — avoided costs by payer',
    payerColumns: ['Payer', 'Current', 'Simulated', 'Difference'],
    publicTotal: 'Total public money',
    householdsTitle: 'Households (users)',
    households: (baseline: string, simulated: string, delta: string) =>
      `Households are not public money: their balance is given apart. Current ${baseline}, simulated ${simulated}, difference ${delta}.`,
    noHouseholds: 'Households neither pay nor save anything in this scope.',
    ledgerNote: 'Net = avoided costs for this payer less its share of the cost of services (funding plan).',
    avoidedNote: 'Under conventions 1 only avoided costs are split by payer; the cost of services is not.',
    ranges: '4. Ranges',
    rangesIntro:
      'Every three-valued assumption (low, central, high) is taken at its low, then high value: the range says what the figures are worth if every assumption were unfavourable, or favourable.',
    rangesCaption: 'Net medico-social savings under low and high assumptions',
    rangesColumns: ['Indicator', 'Current, low', 'Current, high', 'Simulated, low', 'Simulated, high'],
    noRanges: 'No assumption has a range under the method in force: the figures come without a range.',
    checks: '5. Legal checks',
    checksIntro:
      'A move between M57 functions uses the fongibilité of credits (article L.5217-10-6 CGCT), within the limit voted by the assembly; staff costs (chapter 012) are excluded from it.',
    noChecks: 'No lever moves credits: no fongibilité check is needed.',
    personnel: (n: number, amount: string, from: string, to: string) =>
      `Lever ${n} — ${amount} from service ${from} to service ${to}: staff costs (chapter 012), outside fongibilité. This move cannot use fongibilité: it needs an amending decision voted by the assembly.`,
    sameFunction: (n: number, amount: string, from: string, to: string, fn: string) =>
      `Lever ${n} — ${amount} from service ${from} to service ${to}: same M57 function (${fn}), a transfer inside the function, no fongibilité needed.`,
    fongibilite: (n: number, amount: string, from: string, to: string, fromFn: string, toFn: string) =>
      `Lever ${n} — ${amount} from service ${from} (${fromFn}) to service ${to} (${toFn}): fongibilité of credits.`,
    yearUnknown: (year: string) => `${year}: neither voted budget nor spend entered, the fongibilité headroom cannot be computed.`,
    yearLine: (year: string, amount: string, before: string, limit: string, base: string, source: string, capacity: string, used: string) =>
      `${year}: ${amount} out of a headroom of ${before} (limit ${limit} × ${base} of real expenditure, ${source}, = ${capacity}; already used ${used}).`,
    headroom: (after: string) => `Headroom left: ${after}.`,
    overrun: (over: string) => `Overrun: ${over}. Beyond the limit the move needs an amending decision voted by the assembly.`,
    budgetSource: 'voted budget',
    spendSource: 'services’ spend entered, no voted budget',
    fits: 'The move fits within the voted fongibilité.',
    noFunction: 'no function',
    fn: (code: string | null) => (code === null ? 'no function' : `function ${code}${m57FunctionLabel(code) ? ` “${m57FunctionLabel(code)}”` : ''}`),
    assumptionsCaption: 'Assumptions ranked by swing (first five)',
    assumptions: '6. The assumptions that matter most',
    assumptionsIntro:
      'Sensitivity computed by the engine on the simulated situation: each assumption alone at its low then high value, the others central; ranked by swing of net medico-social savings.',
    assumptionsColumns: ['Assumption', 'Net medico-social savings if low', 'Net medico-social savings if high', 'Swing'],
    noAssumptions: 'No assumption has a range: no sensitivity analysis.',
    problemsTitle: 'The simulation no longer applies',
    problems: 'A lever no longer applies to today’s data; no figure is given. Reasons:',
    caveats: '7. Caveats',
    caveatList: [
      'Simulated figures assume a service’s effect varies with its activity: a larger service produces proportionally more outcomes.',
      'Avoided costs are spending that did not happen; only their cashable part shows in a budget.',
      'The method, its sources and formulas are described in the methodology dossier of the same scope.',
    ],
  },
};

type Words = (typeof WORDS)['fr'];

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const money = (w: DocumentWords, v: unknown): string => (str(v) === null ? w.notAvailable : w.write.euros(str(v)));
/** A signed difference: « +1 234,00 € », « −56,00 € ». */
const signed = (w: DocumentWords, v: unknown): string => {
  const text = str(v);
  if (text === null) return w.notAvailable;
  return d(text).isPositive() && !d(text).isZero() ? `+${w.write.euros(text)}` : w.write.euros(text);
};

const serviceName = (labels: Readonly<Record<string, string>>, code: string | undefined): string => {
  if (code === undefined) return '?';
  const label = labels[code];
  return label ? `« ${label} »` : `« ${code} »`;
};

/** A lever in words, decimals written the reader's way. */
const leverText = (w: DocumentWords, t: Words, labels: Readonly<Record<string, string>>, lever: Record<string, string>): string => {
  switch (lever.kind) {
    case 'scale': {
      const factor = d(lever.factor);
      const change = factor.minus(1).times(100);
      const pct = `${change.isNegative() ? '' : '+'}${w.write.number(change.toFixed(), 1)}${w.lang === 'fr' ? '\u00a0%' : '%'}`;
      return t.scale(serviceName(labels, lever.service), w.write.number(factor.toFixed(), 2), pct);
    }
    case 'move':
      return t.move(
        w.write.euros(d(lever.amount).toFixed(2)),
        serviceName(labels, lever.fromService),
        serviceName(labels, lever.toService),
        lever.chapter ?? null,
      );
    case 'redeploy':
      return t.redeploy(
        w.write.number(lever.fteDays, 1),
        w.write.euros(d(lever.dailyCost).toFixed(2)),
        w.write.euros(d(lever.fteDays).times(lever.dailyCost).toFixed(2)),
        serviceName(labels, lever.fromService),
        serviceName(labels, lever.toService),
      );
    default:
      return lever.kind ?? '?';
  }
};

/** A legal check in words, services by label (the API's own message names them by code). */
const checkBlocks = (w: DocumentWords, t: Words, labels: Readonly<Record<string, string>>, check: SimulationCheck): Block[] => {
  const amount = w.write.euros(check.amount);
  const [from, to] = [serviceName(labels, check.fromService), serviceName(labels, check.toService)];
  switch (check.kind) {
    case 'PERSONNEL_HORS_FONGIBILITE':
      return [paragraph(t.personnel(check.lever, amount, from, to), true)];
    case 'MEME_FONCTION':
      return [paragraph(t.sameFunction(check.lever, amount, from, to, t.fn(check.fromFunction)))];
    case 'FONGIBILITE': {
      const lines = check.years.map((y) => {
        if (y.capacity === null || y.headroomBefore === null || y.headroomAfter === null || y.realExpenditure === null) return t.yearUnknown(y.year);
        const after = d(y.headroomAfter);
        const line = t.yearLine(
          y.year,
          w.write.euros(y.amount),
          w.write.euros(y.headroomBefore),
          w.percent(y.limit, 2),
          w.write.euros(y.realExpenditure),
          y.realExpenditureSource === 'budget' ? t.budgetSource : t.spendSource,
          w.write.euros(y.capacity),
          w.write.euros(y.used),
        );
        return `${line} ${after.isNegative() ? t.overrun(w.write.euros(after.negated().toFixed(2))) : t.headroom(w.write.euros(y.headroomAfter))}`;
      });
      return [
        paragraph(t.fongibilite(check.lever, amount, from, to, t.fn(check.fromFunction), t.fn(check.toFunction)), check.status === 'depassement'),
        list(lines),
        ...(check.status === 'ok' ? [paragraph(t.fits)] : []),
      ];
    }
  }
};

const HEADLINE_KEYS = ['publicSavings', 'publicCost', 'publicNetSavings', 'grossSavings', 'cost', 'netSavings'] as const;

const payerSections = (
  w: DocumentWords,
  t: Words,
  input: NoteConseilInput,
  baseline: NoteAggregate,
  simulated: NoteAggregate,
  delta: NoteAggregate,
): Block[] => {
  const ledger = baseline.ledger !== undefined && simulated.ledger !== undefined;
  const value = (a: NoteAggregate, payer: string): string | null =>
    ledger ? (a.ledger?.[payer]?.net ?? (payer in (baseline.ledger ?? {}) || payer in (simulated.ledger ?? {}) ? '0.00' : null)) : (a.byPayer?.[payer] ?? null);
  const payers = ALL_PAYERS.filter((p) => p !== HOUSEHOLD_PAYER && (value(baseline, p) !== null || value(simulated, p) !== null));
  const or0 = (v: string | null): string => v ?? '0.00';
  const rows = payers.map((p) => [
    w.payers[p] ?? p,
    money(w, or0(value(baseline, p))),
    money(w, or0(value(simulated, p))),
    signed(
      w,
      or0(
        value(delta, p) ??
          d(or0(value(simulated, p)))
            .minus(or0(value(baseline, p)))
            .toFixed(2),
      ),
    ),
  ]);
  // the engine's public figure when it has one (each payer's line is rounded on its own), else the sum of the lines
  const total = (a: NoteAggregate): string =>
    ledger && str(a.publicNetSavings) !== null ? str(a.publicNetSavings)! : payers.reduce((sum, p) => sum.plus(or0(value(a, p))), d(0)).toFixed(2);
  const household = [value(baseline, HOUSEHOLD_PAYER), value(simulated, HOUSEHOLD_PAYER)];
  return [
    table(
      ledger ? t.publicCaption : t.avoidedCaption,
      t.payerColumns.map((label, i) => ({ label, align: i === 0 ? 'left' : 'right', weight: i === 0 ? 2 : 1 })),
      rows,
      [t.publicTotal, money(w, total(baseline)), money(w, total(simulated)), signed(w, d(total(simulated)).minus(total(baseline)).toFixed(2))],
    ),
    paragraph(ledger ? t.ledgerNote : t.avoidedNote),
    subheading(t.householdsTitle),
    paragraph(
      household.every((v) => v === null)
        ? t.noHouseholds
        : t.households(money(w, or0(household[0])), money(w, or0(household[1])), signed(w, d(or0(household[1])).minus(or0(household[0])).toFixed(2))),
    ),
  ];
};

/**
 * The note for the board from a saved simulation (issue 19, item 4): the levers in words, the current and simulated
 * headline figures (public money first), the ledger by payer with households apart, the ranges, the legal checks in
 * words, the engine's sensitivity of the simulated situation, caveats. A simulation whose levers no longer apply gives a
 * short note that says why.
 */
export const noteConseilDocument = (input: NoteConseilInput): DocumentModel => {
  const w = documentWords(input.language);
  const t = WORDS[input.language];
  const period = w.range(input.scope.from, input.scope.to);
  const sections: DocumentSection[] = [
    { title: t.purpose, blocks: [paragraph(t.intro(period)), paragraph(t.savedOn(w.write.dateTime(input.simulation.createdAt)))] },
    {
      title: t.levers,
      blocks: input.levers.length === 0 ? [paragraph(t.noLever)] : [list(input.levers.map((l, i) => `${i + 1}. ${leverText(w, t, input.serviceLabels, l)}`))],
    },
  ];
  const { baseline, simulated, delta } = input;
  if (input.problems.length > 0 || baseline === null || simulated === null || delta === null) {
    sections.push({ title: t.problemsTitle, blocks: [paragraph(t.problems, true), list([...input.problems])] });
  } else {
    const keys = HEADLINE_KEYS.filter((k) => str(baseline[k]) !== null);
    sections.push({
      title: t.results,
      blocks: [
        table(
          t.resultsCaption,
          t.resultsColumns.map((label, i) => ({ label, align: i === 0 ? 'left' : 'right', weight: i === 0 ? 2.4 : 1 })),
          keys.map((k) => [t.indicators[k], money(w, baseline[k]), money(w, simulated[k]), signed(w, delta[k])]),
        ),
      ],
    });
    sections.push({ title: t.payers, blocks: payerSections(w, t, input, baseline, simulated, delta) });
    const r = input.ranges;
    const rangeKeys = (['publicNetSavings', 'netSavings'] as const).filter((k) => str(baseline[k]) !== null);
    sections.push({
      title: t.ranges,
      blocks:
        r === null
          ? [paragraph(t.noRanges)]
          : [
              paragraph(t.rangesIntro),
              table(
                t.rangesCaption,
                t.rangesColumns.map((label, i) => ({ label, align: i === 0 ? 'left' : 'right', weight: i === 0 ? 2.2 : 1 })),
                rangeKeys.map((k) => [
                  t.indicators[k],
                  money(w, r.baseline.low[k]),
                  money(w, r.baseline.high[k]),
                  money(w, r.simulated.low[k]),
                  money(w, r.simulated.high[k]),
                ]),
              ),
            ],
    });
    sections.push({
      title: t.checks,
      blocks:
        input.checks.length === 0
          ? [paragraph(t.noChecks)]
          : [paragraph(t.checksIntro), ...input.checks.flatMap((c) => checkBlocks(w, t, input.serviceLabels, c))],
    });
    sections.push({
      title: t.assumptions,
      blocks:
        input.sensitivity.length === 0
          ? [paragraph(t.noAssumptions)]
          : [
              paragraph(t.assumptionsIntro),
              table(
                t.assumptionsCaption,
                t.assumptionsColumns.map((label, i) => ({ label, align: i === 0 ? 'left' : 'right', weight: i === 0 ? 2.6 : 1 })),
                input.sensitivity.slice(0, 5).map((s) => [s.label, money(w, s.low), money(w, s.high), money(w, s.swing)]),
              ),
            ],
    });
  }
  sections.push({ title: t.caveats, blocks: [list(t.caveatList)] });
  const suffix = [input.scope.orgUnit, input.scope.from, input.scope.to].filter((p): p is string => p !== null && p !== '').join('-');
  return {
    kind: 'note-conseil',
    language: input.language,
    title: t.title,
    subtitle: t.subtitle(input.simulation.name),
    stamp: writeStamp(w, { ...input, scope: input.scope.orgUnitName, period }),
    sections,
    fileName: `note-conseil-${suffix || 'simulation'}`,
    basis: {
      simulation: input.simulation.id,
      name: input.simulation.name,
      organisation: input.organisation,
      scope: input.scope,
      conventions: input.conventions,
      methodology: input.methodology,
      levers: input.levers,
      baseline: input.baseline,
      simulated: input.simulated,
      ranges: input.ranges,
      checks: input.checks,
      problems: input.problems,
      sensitivity: input.sensitivity,
    },
  };
};
