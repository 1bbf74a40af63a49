import { EntityManager } from 'typeorm';
import { writeAudited } from '../platform/audit/audited-tenant-writer';
import { auditCopy } from '../platform/database/tenant-crud';

/**
 * What each demo service reports every period (issue 13, the grid): its spend, the activity its outcomes are computed
 * from (beneficiaries for meal delivery's falls, person-months for the EHPAD delay, the AED and housing first) and what
 * the team counts itself (meals delivered, intervention hours, placements and hotel nights avoided as observed). The
 * same metrics as the demo's figures (demo-figures.ts), so the grid's counters of 2023–2024 read complete.
 */
export const DEMO_EXPECTED_METRICS: Readonly<Record<string, readonly string[]>> = {
  PORTAGE_REPAS: ['spend', 'beneficiaries', 'meals'],
  SAAD: ['spend', 'person_months', 'hours'],
  AED: ['spend', 'person_months', 'observed.placement_evite'],
  LOGEMENT_DABORD: ['spend', 'person_months', 'observed.nuitee_hotel_evitee'],
};

/** Configures the expected metrics of the organisation's demo services, each configuration audited (no author: the seed). */
export const seedDemoExpectedMetrics = async (em: EntityManager, organisationId: string, services: ReadonlyMap<string, string>): Promise<number> => {
  const configured = Object.entries(DEMO_EXPECTED_METRICS).filter(([code]) => services.has(code));
  for (const [code, metrics] of configured) {
    const serviceId = services.get(code)!;
    await writeAudited(
      em,
      { id: null, organisationId },
      { entity: 'service', action: 'service.expected_metrics' },
      async () => {
        await em.query(
          `INSERT INTO service_expected_metric (organisation_id, service_id, metrics, updated_by, updated_at) VALUES ($1, $2, $3::jsonb, NULL, now())`,
          [organisationId, serviceId, JSON.stringify(metrics)],
        );
        return {
          value: undefined,
          entityId: serviceId,
          before: auditCopy({ service: code, metrics: null, configured: false }),
          after: auditCopy({ service: code, metrics, configured: true }),
        };
      },
      { reason: 'Données de démonstration' },
    );
  }
  return configured.length;
};
