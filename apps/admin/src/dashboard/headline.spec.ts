import { isEmptySummary, toHeadlines } from './headline';
import { summaryFactory } from '../test-utils/factories';

const NNBSP = '\u202f';
const NBSP = '\u00a0';

describe(toHeadlines.name, () => {
  it('formats money and ratio with their ranges', () => {
    const [gross, , net, ratio] = toHeadlines(summaryFactory());
    expect(gross).toMatchObject({ key: 'grossSavings', value: `1${NNBSP}234${NNBSP}567,89${NBSP}€`, missingReason: null });
    expect(gross.range).toEqual({ low: `1${NNBSP}000${NNBSP}000,00${NBSP}€`, high: `1${NNBSP}500${NNBSP}000,00${NBSP}€` });
    expect(net.value).toBe(`734${NNBSP}567,89${NBSP}€`);
    expect(ratio).toMatchObject({ value: '2,47', range: { low: '2,00', high: '3,00' } });
  });

  it('explains a blank value instead of showing zero', () => {
    const [, , , ratio] = toHeadlines(summaryFactory({ offsetRatio: null, ranges: null }));
    expect(ratio).toMatchObject({ value: '—', range: null, missingReason: 'levier.headline.missing_ratio' });
    const [gross] = toHeadlines(summaryFactory({ grossSavings: null }));
    expect(gross.missingReason).toBe('levier.headline.missing');
  });

  it('marks a value withheld by statistical secrecy as masked, not as missing', () => {
    const [gross, , , ratio] = toHeadlines(summaryFactory({ grossSavings: null, offsetRatio: null, ranges: null, masked: true }));
    expect(gross).toMatchObject({ masked: true, missingReason: null });
    expect(ratio).toMatchObject({ masked: true, missingReason: null });
    expect(toHeadlines(summaryFactory())[0].masked).toBe(false);
  });

  it('has no range when only one bound is known', () => {
    const [gross] = toHeadlines(summaryFactory({ ranges: { low: { grossSavings: '1' }, high: null } }));
    expect(gross.range).toBeNull();
  });
});

describe(isEmptySummary.name, () => {
  it('is empty only when nothing at all is known', () => {
    expect(isEmptySummary(summaryFactory())).toBe(false);
    expect(isEmptySummary(summaryFactory({ grossSavings: null, cost: null, netSavings: null, offsetRatio: null, byPayer: {} }))).toBe(true);
  });
});
