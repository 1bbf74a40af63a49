/**
 * A sensitivity parameter in words (vectors README 2.8 names them `<service>/<outcome>/<key>` and `unitCost/<code>/amount`):
 * « Aide à domicile renforcée (SAAD) — Entrée en EHPAD retardée : taux sans le service ». Codes only where no label is known.
 */
export const OUTCOME_KEYS: Record<string, string> = {
  rateWithout: 'taux d’événements sans le service',
  rateWith: 'taux d’événements avec le service',
  engagement: 'part des bénéficiaires réellement engagés',
  deadweight: 'effet d’aubaine',
  attribution: 'part due à d’autres acteurs (attribution)',
  displacement: 'déplacement',
  quantityPerEvent: 'quantité par événement évité',
  dropOff: 'érosion annuelle',
};

export interface ParameterLabels {
  services: ReadonlyMap<string, string>;
  /** `<service>/<outcome>` → outcome label. */
  outcomes: ReadonlyMap<string, string>;
  unitCosts: ReadonlyMap<string, string>;
}

export const parameterLabel = (parameter: string, labels: ParameterLabels): string => {
  const [first, second, key] = parameter.split('/');
  if (first === 'unitCost') return `Coût unitaire « ${labels.unitCosts.get(second) ?? second} » : montant`;
  const service = labels.services.get(first) ?? first;
  const outcome = labels.outcomes.get(`${first}/${second}`) ?? second;
  return `${service} — ${outcome} : ${OUTCOME_KEYS[key] ?? key}`;
};

/**
 * The local evaluation that would narrow each kind of assumption's range, in words (said under the tornado for the
 * widest ranges): the outcome keys of {@link OUTCOME_KEYS}, and a unit cost's amount.
 */
export const LOCAL_EVALUATIONS: Record<string, string> = {
  rateWithout: 'une évaluation locale du taux d’événements sans le service',
  rateWith: 'un suivi local des événements chez les personnes accompagnées',
  engagement: 'un relevé local de la participation effective des bénéficiaires',
  deadweight: 'une comparaison locale avec des personnes non accompagnées',
  attribution: 'un recensement local des autres acteurs qui interviennent',
  displacement: 'une étude locale des effets reportés sur d’autres publics',
  quantityPerEvent: 'une mesure locale de la quantité évitée par événement',
  dropOff: 'un suivi local de la durée des effets',
  amount: 'un calcul local du coût unitaire à partir des comptes des financeurs',
};

/**
 * « Une évaluation locale du taux d’événements sans le service (Entrée en EHPAD retardée, Aide à domicile renforcée
 * (SAAD)) resserrerait cette fourchette. »: which local evaluation would narrow a parameter's range.
 */
export const narrowingSentence = (parameter: string, labels: ParameterLabels): string => {
  const [first, second, key] = parameter.split('/');
  const evaluation = LOCAL_EVALUATIONS[first === 'unitCost' ? 'amount' : key] ?? 'une évaluation locale de cette hypothèse';
  const about =
    first === 'unitCost'
      ? `« ${labels.unitCosts.get(second) ?? second} »`
      : `${labels.outcomes.get(`${first}/${second}`) ?? second}, ${labels.services.get(first) ?? first}`;
  const sentence = `${evaluation} (${about}) resserrerait cette fourchette.`;
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
};

/** Where an assumption is edited: the unit cost, or the service's outcome assumption (ids by code). */
export interface ParameterRefs {
  unitCosts: ReadonlyMap<string, string>;
  /** `<service>/<outcome>` → outcome assumption id. */
  outcomes: ReadonlyMap<string, string>;
}

export const parameterSource = (parameter: string, refs: ParameterRefs): { resource: 'unit-costs' | 'outcome-assumptions'; id: string } | null => {
  const [first, second] = parameter.split('/');
  const id = first === 'unitCost' ? refs.unitCosts.get(second) : refs.outcomes.get(`${first}/${second}`);
  if (id === undefined) return null;
  return { resource: first === 'unitCost' ? 'unit-costs' : 'outcome-assumptions', id };
};
