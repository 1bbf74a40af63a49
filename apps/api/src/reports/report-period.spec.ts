import { lastCompleteMonth, previewRunKey, previousPeriod, trailingRange } from './report-period';
import { cronProblem, dueOccurrence } from './report-schedule';
import { signUnsubscribeToken, verifyUnsubscribeToken } from './unsubscribe-token';

describe(lastCompleteMonth.name, () => {
  it('takes the month before the instant in Paris time', () => {
    // 1 Nov 2026 08:00 Paris = 07:00 UTC → October
    expect(lastCompleteMonth(new Date('2026-11-01T07:00:00Z'))).toBe('2026-10');
    // 31 Dec 23:30 UTC is already 1 Jan in Paris → December
    expect(lastCompleteMonth(new Date('2024-12-31T23:30:00Z'))).toBe('2024-12');
    expect(lastCompleteMonth(new Date('2025-01-15T12:00:00Z'))).toBe('2024-12');
  });
});

describe(previousPeriod.name, () => {
  it('steps back one period of the same length', () => {
    expect(previousPeriod('2024-01')).toBe('2023-12');
    expect(previousPeriod('2024-Q1')).toBe('2023-Q4');
    expect(previousPeriod('2024')).toBe('2023');
    expect(trailingRange('2024-12')).toEqual({ from: '2024-01', to: '2024-12', granularity: 'month' });
  });
});

describe(previewRunKey.name, () => {
  it('buckets previews by UTC minute', () => {
    expect(previewRunKey(new Date('2026-11-26T06:29:59.900Z'))).toBe('preview-202611260629');
  });
});

describe(dueOccurrence.name, () => {
  const monthly = '0 8 1 * *';
  it('is due once the occurrence after the high-water mark has passed (Paris time)', () => {
    const since = new Date('2026-10-15T00:00:00Z');
    expect(dueOccurrence({ expression: monthly, since, now: new Date('2026-11-01T06:59:00Z') })).toBeNull();
    expect(dueOccurrence({ expression: monthly, since, now: new Date('2026-11-01T07:00:00Z') })).toEqual(new Date('2026-11-01T07:00:00Z'));
    expect(dueOccurrence({ expression: monthly, since: new Date('2026-11-01T07:00:00Z'), now: new Date('2026-11-20T00:00:00Z') })).toBeNull();
  });
  it('validates expressions with a French reason', () => {
    expect(cronProblem(monthly)).toBeNull();
    expect(cronProblem('*/1 * * * * *')).toBeNull();
    expect(cronProblem('61 8 1 * *')).toMatch(/invalide/);
    expect(cronProblem('0 8')).toMatch(/5 champs/);
  });
});

describe(verifyUnsubscribeToken.name, () => {
  const secret = 'x'.repeat(40);
  it('accepts its own signature and refuses tampering or another secret', () => {
    const token = signUnsubscribeToken(secret, { o: 'org', s: 'sub', r: 'a@b.fr' });
    expect(verifyUnsubscribeToken(secret, token)).toEqual({ o: 'org', s: 'sub', r: 'a@b.fr' });
    const forged = signUnsubscribeToken(secret, { o: 'org', s: 'sub', r: 'c@d.fr' }).split('.')[0] + '.' + token.split('.')[1];
    expect(verifyUnsubscribeToken(secret, forged)).toBeNull();
    expect(verifyUnsubscribeToken('y'.repeat(40), token)).toBeNull();
    expect(verifyUnsubscribeToken(secret, 'garbage')).toBeNull();
  });
});
