import Decimal from 'decimal.js';
import { EntityManager } from 'typeorm';
import { StaffNeed } from '../reallocation/staff-need.entity';
import { Redeployment } from '../reallocation/redeployment.entity';
import { BudgetTransfer, TransferInstrument } from '../reallocation/budget-transfer.entity';
import { InKindLoan } from '../reallocation/in-kind-loan.entity';

/**
 * Reallocation records of the CCAS de Valmont demo (docs/product-rules.md#interfaces): staffing needs (two critical), eight redeployments of
 * pseudonymous agents (`AG-…`, never names), four budget transfers (a fongibilité from chapter 011 to 65, between M57
 * functions 4213 and 4238; one touching chapter 012 (personnel), flagged PERSONNEL_EXCLUDED by the engine; a décision
 * modificative; a virement inside chapter 011), and three in-kind loans. All in 2024. Function codes are M57 codes
 * (`catalogue/m57-functions.ts`).
 */
const NEEDS = [
  {
    code: 'BESOIN-PORTAGE-ETE',
    label: 'Renfort portage de repas pendant la canicule',
    critical: true,
    fteDaysRequested: '60',
    service: 'PORTAGE_REPAS',
    requestDate: '2024-06-03',
  },
  {
    code: 'BESOIN-SAAD-HIVER',
    label: 'Renfort aide à domicile (épidémie hivernale)',
    critical: true,
    fteDaysRequested: '40',
    service: 'SAAD',
    requestDate: '2024-01-08',
  },
  {
    code: 'BESOIN-AED-ACCUEIL',
    label: 'Appui administratif à l’accueil des familles',
    critical: false,
    fteDaysRequested: '30',
    service: 'AED',
    requestDate: '2024-03-11',
  },
  {
    code: 'BESOIN-LOGEMENT-VISITES',
    label: 'Visites à domicile, logement d’abord',
    critical: false,
    fteDaysRequested: '25',
    service: 'LOGEMENT_DABORD',
    requestDate: '2024-09-02',
  },
] as const;

const REDEPLOYMENTS = [
  {
    agentRef: 'AG-0012',
    need: 'BESOIN-SAAD-HIVER',
    from: 'AED',
    to: 'SAAD',
    workingDays: '15',
    quotite: '1',
    requestDate: '2024-01-08',
    startDate: '2024-01-10',
    volunteer: true,
    dailyCost: '185',
  },
  {
    agentRef: 'AG-0027',
    need: 'BESOIN-SAAD-HIVER',
    from: 'LOGEMENT_DABORD',
    to: 'SAAD',
    workingDays: '20',
    quotite: '0.8',
    requestDate: '2024-01-08',
    startDate: '2024-01-15',
    volunteer: false,
    dailyCost: '172',
  },
  {
    agentRef: 'AG-0031',
    need: 'BESOIN-AED-ACCUEIL',
    from: 'SAAD',
    to: 'AED',
    workingDays: '10',
    quotite: '1',
    requestDate: '2024-03-11',
    startDate: '2024-03-18',
    volunteer: true,
    dailyCost: '160',
  },
  {
    agentRef: 'AG-0044',
    need: 'BESOIN-PORTAGE-ETE',
    from: 'AED',
    to: 'PORTAGE_REPAS',
    workingDays: '20',
    quotite: '1',
    requestDate: '2024-06-03',
    startDate: '2024-06-05',
    volunteer: true,
    dailyCost: '178',
  },
  {
    agentRef: 'AG-0012',
    need: 'BESOIN-PORTAGE-ETE',
    from: 'AED',
    to: 'PORTAGE_REPAS',
    workingDays: '15',
    quotite: '1',
    requestDate: '2024-06-03',
    startDate: '2024-06-10',
    volunteer: true,
    dailyCost: '185',
  },
  {
    agentRef: 'AG-0058',
    need: 'BESOIN-PORTAGE-ETE',
    from: 'SAAD',
    to: 'PORTAGE_REPAS',
    workingDays: '10',
    quotite: '0.5',
    requestDate: '2024-06-03',
    startDate: '2024-06-24',
    volunteer: false,
    dailyCost: '165',
  },
  {
    agentRef: 'AG-0063',
    need: 'BESOIN-LOGEMENT-VISITES',
    from: 'AED',
    to: 'LOGEMENT_DABORD',
    workingDays: '12',
    quotite: '1',
    requestDate: '2024-09-02',
    startDate: '2024-09-16',
    volunteer: false,
    dailyCost: '170',
  },
  {
    agentRef: 'AG-0071',
    need: null,
    from: 'SAAD',
    to: null,
    workingDays: '5',
    quotite: '1',
    requestDate: '2024-11-04',
    startDate: '2024-11-18',
    volunteer: true,
    dailyCost: '175',
  },
] as const;

export const DEMO_TRANSFERS: readonly {
  code: string;
  instrument: TransferInstrument;
  fromChapter: string;
  fromFunction: string | null;
  toChapter: string;
  toFunction: string | null;
  amount: string;
  decisionDate: string;
}[] = [
  {
    code: 'FONG-2024-01',
    instrument: 'FONGIBILITE',
    fromChapter: '011',
    fromFunction: '4213',
    toChapter: '65',
    toFunction: '4238',
    amount: '12000',
    decisionDate: '2024-05-14',
  },
  {
    code: 'FONG-2024-02',
    instrument: 'FONGIBILITE',
    fromChapter: '012',
    fromFunction: '424',
    toChapter: '65',
    toFunction: '423',
    amount: '8000',
    decisionDate: '2024-06-20',
  },
  {
    code: 'DM-2024-01',
    instrument: 'DECISION_MODIFICATIVE',
    fromChapter: '011',
    fromFunction: '423',
    toChapter: '65',
    toFunction: '424',
    amount: '15000',
    decisionDate: '2024-09-26',
  },
  {
    code: 'VIR-2024-01',
    instrument: 'VIREMENT_INTERNE',
    fromChapter: '011',
    fromFunction: null,
    toChapter: '011',
    toFunction: null,
    amount: '3500',
    decisionDate: '2024-10-08',
  },
];

const LOANS = [
  {
    code: 'PRET-SALLE-01',
    item: 'Salle polyvalente de l’antenne Nord',
    toPartner: 'Association Valmont Solidarité',
    days: '24',
    quantity: '1',
    dailyValue: '120',
    startDate: '2024-02-05',
  },
  {
    code: 'PRET-VEHICULE-01',
    item: 'Véhicule utilitaire frigorifique',
    toPartner: 'Banque alimentaire du Val-de-Lys',
    days: '10',
    quantity: '2',
    dailyValue: '65',
    startDate: '2024-07-01',
  },
  {
    code: 'PRET-PC-01',
    item: 'Ordinateurs portables reconditionnés',
    toPartner: 'Maison France Services de Valmont',
    days: '90',
    quantity: '4',
    dailyValue: '3.5',
    startDate: '2024-10-01',
  },
] as const;

/** Seeds the records above for one organisation (codes of its services); the recompute job computes their indicators. */
export const seedDemoReallocation = async (em: EntityManager, organisationId: string, serviceIds: ReadonlyMap<string, string>): Promise<number> => {
  const service = (code: string | null): string | null => (code === null ? null : (serviceIds.get(code) ?? null));
  const needs = await em.save(
    StaffNeed,
    NEEDS.map((n) =>
      em.create(StaffNeed, {
        organisationId,
        code: n.code,
        label: n.label,
        critical: n.critical,
        fteDaysRequested: new Decimal(n.fteDaysRequested),
        serviceId: service(n.service),
        orgUnitId: null,
        requestDate: n.requestDate,
      }),
    ),
  );
  const needId = new Map(needs.map((n) => [n.code, n.id]));
  await em.save(
    Redeployment,
    REDEPLOYMENTS.map((r) =>
      em.create(Redeployment, {
        organisationId,
        agentRef: r.agentRef,
        needId: r.need === null ? null : needId.get(r.need)!,
        fromServiceId: service(r.from),
        toServiceId: service(r.to),
        toPartner: r.to === null ? 'Centre communal de vaccination' : null,
        workingDays: new Decimal(r.workingDays),
        quotite: new Decimal(r.quotite),
        requestDate: r.requestDate,
        startDate: r.startDate,
        volunteer: r.volunteer,
        dailyCost: new Decimal(r.dailyCost),
      }),
    ),
  );
  await em.save(
    BudgetTransfer,
    DEMO_TRANSFERS.map((t) => em.create(BudgetTransfer, { organisationId, ...t, section: 'FONCTIONNEMENT', amount: new Decimal(t.amount) })),
  );
  await em.save(
    InKindLoan,
    LOANS.map((l) =>
      em.create(InKindLoan, { organisationId, ...l, days: new Decimal(l.days), quantity: new Decimal(l.quantity), dailyValue: new Decimal(l.dailyValue) }),
    ),
  );
  return NEEDS.length + REDEPLOYMENTS.length + DEMO_TRANSFERS.length + LOANS.length;
};
