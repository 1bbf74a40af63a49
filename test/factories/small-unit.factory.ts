import { DataSource } from 'typeorm';

/**
 * A tiny leaf unit under the organisation's root, running PORTAGE_REPAS with 3 beneficiaries a month in November and
 * December 2024: under the statistical-secrecy threshold of 5. Figures are approved; recompute afterwards.
 * `busyMonths` (e.g. 2024-01 … 2024-10) adds months of 40 beneficiaries, so the unit's year is large but two months are not.
 */
export const addSmallUnit = async (ds: DataSource, organisationId: string, code = 'VALMONT-MINI', busyMonths: readonly string[] = []): Promise<string> => {
  const [root] = (await ds.query(`SELECT id FROM org_unit WHERE organisation_id = $1 AND parent_id IS NULL`, [organisationId])) as { id: string }[];
  const [mini] = (await ds.query(
    `INSERT INTO org_unit (organisation_id, code, name, parent_id) VALUES ($1, $2, 'Permanence de Valmont-le-Petit', $3) RETURNING id`,
    [organisationId, code, root.id],
  )) as { id: string }[];
  const [service] = (await ds.query(`SELECT id FROM service WHERE organisation_id = $1 AND code = 'PORTAGE_REPAS'`, [organisationId])) as { id: string }[];
  await ds.query(`INSERT INTO service_org_unit (service_id, org_unit_id) VALUES ($1, $2)`, [service.id, mini.id]);
  const months: [string, string[][]][] = [
    ...busyMonths.map((period): [string, string[][]] => [
      period,
      [
        ['spend', '5806.00'],
        ['beneficiaries', '40'],
        ['meals', '1080'],
      ],
    ]),
    ...['2024-11', '2024-12'].map((period): [string, string[][]] => [
      period,
      [
        ['spend', '435.50'],
        ['beneficiaries', '3'],
        ['meals', '81'],
      ],
    ]),
  ];
  for (const [period, values] of months) {
    for (const [metric, value] of values) {
      await ds.query(
        `INSERT INTO figure (organisation_id, org_unit_id, service_id, metric_id, period, value, status, source)
         SELECT $1, $2, $3, m.id, $4, $5, 'approved', 'import' FROM metric m WHERE m.organisation_id = $1 AND m.code = $6`,
        [organisationId, mini.id, service.id, period, value, metric],
      );
    }
  }
  return mini.id;
};
