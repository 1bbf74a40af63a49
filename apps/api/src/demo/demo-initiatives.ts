import Decimal from 'decimal.js';
import { EntityManager } from 'typeorm';
import { writeAudited } from '../platform/audit/audited-tenant-writer';
import { auditCopy } from '../platform/database/tenant-crud';
import { Initiative } from '../initiatives/initiative.entity';
import type { InitiativeStatus } from '../initiatives/initiative-status';

/**
 * Agents' initiatives (PIFPP, issue 18) of the CCAS de Valmont demo: plausible things teams started without prior
 * permission, at each stage of their life, with the resources they used. Teams, never people (no personal data).
 */
export interface DemoInitiative {
  title: string;
  orgUnit: string;
  team: string;
  service: string;
  startDate: string;
  status: InitiativeStatus;
  hours: string;
  euros: string;
  itemsLent: string | null;
  results: string | null;
  metric: string | null;
}

export const DEMO_INITIATIVES: readonly DemoInitiative[] = [
  {
    title: 'Les livreurs de repas signalent les repas qui reviennent intacts',
    orgUnit: 'VALMONT-NORD',
    team: 'Équipe du portage, antenne nord',
    service: 'PORTAGE_REPAS',
    startDate: '2023-10-02',
    status: 'adopted',
    hours: '46',
    euros: '180.00',
    itemsLent: 'Un téléphone de service pour les tournées',
    results:
      'Une fiche de signalement transmise à l’infirmière coordinatrice quand un repas revient intact deux jours de suite ; devenue la règle de toutes les tournées.',
    metric: 'beneficiaries',
  },
  {
    title: 'Binômes d’intervenantes sur les accompagnements les plus lourds',
    orgUnit: 'VALMONT-SUD',
    team: 'Équipe des aides à domicile, antenne sud',
    service: 'SAAD',
    startDate: '2024-03-04',
    status: 'testing',
    hours: '120',
    euros: '0.00',
    itemsLent: 'La salle de réunion de l’antenne un vendredi sur deux, pour les points d’équipe',
    results: 'Moins de remplacements au pied levé sur les situations lourdes ; à confirmer sur six mois avant de l’étendre.',
    metric: 'hours',
  },
  {
    title: 'Ateliers parents-enfants le mercredi à la ludothèque',
    orgUnit: 'VALMONT-NORD',
    team: 'Éducateurs de l’aide éducative à domicile, antenne nord',
    service: 'AED',
    startDate: '2024-05-15',
    status: 'testing',
    hours: '32.5',
    euros: '240.00',
    itemsLent: 'Jeux et livres prêtés par la ludothèque municipale',
    results: 'Des familles suivies reviennent d’elles-mêmes ; les éducateurs voient les liens parents-enfants hors du domicile.',
    metric: null,
  },
  {
    title: 'Visite commune avec le bailleur avant chaque relogement',
    orgUnit: 'VALMONT-SUD',
    team: 'Équipe Logement d’abord',
    service: 'LOGEMENT_DABORD',
    startDate: '2024-09-02',
    status: 'idea',
    hours: '6',
    euros: '0.00',
    itemsLent: null,
    results: 'Proposée à deux bailleurs sociaux pour prévenir les premiers impayés ; en discussion.',
    metric: null,
  },
  {
    title: 'Livraison des repas à vélo cargo dans le centre',
    orgUnit: 'VALMONT-SUD',
    team: 'Équipe du portage, antenne sud',
    service: 'PORTAGE_REPAS',
    startDate: '2023-11-06',
    status: 'abandoned',
    hours: '18',
    euros: '95.50',
    itemsLent: 'Un vélo cargo et des glacières prêtés par l’épicerie solidaire',
    results: 'Abandonnée en janvier : par mauvais temps les tournées duraient trop longtemps pour garder les repas au chaud.',
    metric: 'meals',
  },
];

/** Writes the demo's initiatives for one organisation, each with its creation in the audit log. */
export const seedDemoInitiatives = async (
  em: EntityManager,
  organisationId: string,
  ids: { units: ReadonlyMap<string, string>; services: ReadonlyMap<string, string>; metrics: ReadonlyMap<string, string> },
): Promise<number> => {
  const rows = DEMO_INITIATIVES.map((i) =>
    em.create(Initiative, {
      organisationId,
      title: i.title,
      orgUnitId: ids.units.get(i.orgUnit)!,
      team: i.team,
      serviceId: ids.services.get(i.service)!,
      startDate: i.startDate,
      status: i.status,
      hours: new Decimal(i.hours),
      euros: new Decimal(i.euros),
      itemsLent: i.itemsLent,
      results: i.results,
      metricId: i.metric === null ? null : ids.metrics.get(i.metric)!,
      createdBy: null,
    }),
  );
  return writeAudited(
    em,
    { id: null, organisationId },
    { entity: 'initiative', action: 'initiative.create' },
    async () => {
      const saved = await em.save(Initiative, rows);
      return { value: saved.length, changes: saved.map((row, k) => ({ entityId: row.id, after: auditCopy(DEMO_INITIATIVES[k]) })) };
    },
    { reason: 'Données de démonstration' },
  );
};
