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
