import { SqlWhere } from './sql-where';

describe(SqlWhere.name, () => {
  it('numbers each added condition after the first one’s parameters', () => {
    const where = new SqlWhere('f.organisation_id = $1', 'org');
    where.add('u.code = ANY(?::varchar[])', ['A', 'B']);
    where.add('f.period >= ?', '2024-01');
    expect(where.sql).toBe('f.organisation_id = $1 AND u.code = ANY($2::varchar[]) AND f.period >= $3');
    expect(where.params).toEqual(['org', ['A', 'B'], '2024-01']);
  });
});
