import { versionInForce } from './version-in-force';

describe(versionInForce.name, () => {
  const v = (version: number, effectiveFrom: string) => ({ version, effectiveFrom });
  const now = new Date('2026-12-06T10:00:00Z');

  it('takes the latest effective date on or before today, not the highest number', () => {
    const sut = versionInForce([v(1, '2023-01-01'), v(3, '2027-01-01'), v(2, '2024-01-01')], now);
    expect(sut).toEqual(v(2, '2024-01-01'));
  });

  it('breaks a tie on the same date by the highest number, and counts a version effective today', () => {
    expect(versionInForce([v(1, '2026-12-06'), v(2, '2026-12-06')], now)).toEqual(v(2, '2026-12-06'));
  });

  it('falls back to the earliest version when all start later, and to null without any', () => {
    expect(versionInForce([v(2, '2028-01-01'), v(1, '2027-01-01')], now)).toEqual(v(1, '2027-01-01'));
    expect(versionInForce([], now)).toBeNull();
  });
});
