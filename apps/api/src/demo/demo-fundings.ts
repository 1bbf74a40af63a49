import { EntityManager } from 'typeorm';
import { checkFundingShares } from '../funding/funding-shares';
import { FundingShares } from '../funding/funding-plan';
import { ServiceFunding } from '../funding/service-funding.entity';

/**
 * Funding plans of the CCAS de Valmont demo, 2023–2026: who pays each service's spend (conventions 2 §2.5). Plain,
 * plausible data for a CCAS, not sourced accounts. No unit cost of the method is paid by the commune / CCAS, so what
 * it funds here is never offset by avoided costs of its own: its ledger line shows a net cost, while the
 * département, the health insurance and the State see the savings. That is the « qui paie, qui économise » story.
 */
interface DemoFunding {
  service: string;
  years: readonly number[];
  shares: FundingShares;
  note: string;
}

const SAAD_NOTE =
  'APA et PCH au tarif départemental (Département), heures d’aide ménagère des caisses de retraite (CARSAT, MSA), participations des bénéficiaires selon leurs ressources, subvention d’équilibre du CCAS.';

export const DEMO_FUNDINGS: readonly DemoFunding[] = [
  { service: 'SAAD', years: [2023], shares: { DEPARTEMENT: '0.52', CAISSES_RETRAITE: '0.11', USAGER: '0.25', COMMUNE_CCAS: '0.12' }, note: SAAD_NOTE },
  {
    service: 'SAAD',
    years: [2024],
    shares: { DEPARTEMENT: '0.55', CAISSES_RETRAITE: '0.10', USAGER: '0.25', COMMUNE_CCAS: '0.10' },
    note: `${SAAD_NOTE} Tarif plancher national de l’aide à domicile relevé en 2024 : la part APA augmente.`,
  },
  { service: 'SAAD', years: [2025, 2026], shares: { DEPARTEMENT: '0.56', CAISSES_RETRAITE: '0.10', USAGER: '0.24', COMMUNE_CCAS: '0.10' }, note: SAAD_NOTE },
  {
    service: 'PORTAGE_REPAS',
    years: [2023, 2024],
    shares: { USAGER: '0.60', COMMUNE_CCAS: '0.40' },
    note: 'Repas facturé selon le quotient familial ; le CCAS prend en charge la livraison et l’écart au prix de revient.',
  },
  {
    service: 'PORTAGE_REPAS',
    years: [2025, 2026],
    shares: { USAGER: '0.58', COMMUNE_CCAS: '0.37', CAISSES_RETRAITE: '0.05' },
    note: 'Repas facturé selon le quotient familial ; aide au portage des caisses de retraite depuis 2025 ; le CCAS prend en charge la livraison et l’écart au prix de revient.',
  },
  {
    service: 'AED',
    years: [2023, 2024, 2025, 2026],
    shares: { DEPARTEMENT: '0.90', COMMUNE_CCAS: '0.10' },
    note: 'Mesure d’aide sociale à l’enfance financée par le Département (habilitation) ; le CCAS met à disposition les locaux et la coordination.',
  },
  {
    service: 'LOGEMENT_DABORD',
    years: [2023],
    shares: { ETAT: '0.55', DEPARTEMENT: '0.15', COMMUNE_CCAS: '0.20', BAILLEUR_SOCIAL: '0.10' },
    note: 'Crédits État du plan Logement d’abord (programme 177), Fonds de solidarité logement du Département, part du CCAS, accompagnement cofinancé par le bailleur social.',
  },
  {
    service: 'LOGEMENT_DABORD',
    years: [2024, 2025, 2026],
    shares: { ETAT: '0.60', DEPARTEMENT: '0.10', COMMUNE_CCAS: '0.20', BAILLEUR_SOCIAL: '0.10' },
    note: 'Crédits État du plan Logement d’abord (programme 177, territoire de mise en œuvre accélérée depuis 2024), Fonds de solidarité logement du Département, part du CCAS, bailleur social.',
  },
];

/** Seeds the plans above for the services the organisation has (codes → ids); returns the number of rows. */
export const seedDemoFundings = async (em: EntityManager, organisationId: string, serviceIds: ReadonlyMap<string, string>): Promise<number> => {
  const rows = DEMO_FUNDINGS.filter((f) => serviceIds.has(f.service)).flatMap((f) => {
    const check = checkFundingShares(f.shares);
    if (!check.ok) throw new Error(`Plan de financement de démonstration invalide (${f.service}) : ${check.errors.join(' ; ')}`);
    return f.years.map((year) =>
      em.create(ServiceFunding, { organisationId, serviceId: serviceIds.get(f.service)!, year, shares: check.shares, note: f.note }),
    );
  });
  if (rows.length > 0) await em.insert(ServiceFunding, rows);
  return rows.length;
};
