import { isEmptySummary, showsPublicFirst, toHeadlines } from './headline';
import { summaryFactory, summaryConventions2Factory } from '../test-utils/factories';

const NNBSP = '\u202f';
const NBSP = '\u00a0';

describe(toHeadlines.name, () => {
  it('formats money as k€ / M€ on the card, exactly beside it, and the ratio in euros per euro invested', () => {
    const [gross, , net, ratio] = toHeadlines(summaryFactory());
    expect(gross).toMatchObject({ key: 'grossSavings', shown: 'grossSavings', value: `1,23${NBSP}M€`, missingReason: null, allPayers: null, households: null });
    expect(gross.exact).toBe(`1${NNBSP}234${NNBSP}567,89${NBSP}€`);
    expect(gross.range).toEqual({ low: `1${NBSP}M€`, high: `1,5${NBSP}M€` });
    expect(gross.exactRange).toEqual({ low: `1${NNBSP}000${NNBSP}000,00${NBSP}€`, high: `1${NNBSP}500${NNBSP}000,00${NBSP}€` });
    expect(net.value).toBe(`735${NBSP}k€`);
    expect(ratio).toMatchObject({ value: `2,47${NBSP}€`, range: { low: `2,00${NBSP}€`, high: `3,00${NBSP}€` } });
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

  describe('under conventions 2', () => {
    it('shows public money first, the all-payers figure and the households’ share beside it', () => {
      const [avoided, cost, net, ratio] = toHeadlines(summaryConventions2Factory());
      // public 847 325.45 of 1 539 410.12: households 1 539 410.12 − 847 325.45 = 692 084.67
      expect(avoided).toMatchObject({ shown: 'publicSavings', value: `847${NBSP}k€`, allPayers: `1,54${NBSP}M€`, households: `692${NBSP}k€` });
      expect(avoided.exact).toBe(`847${NNBSP}325,45${NBSP}€`);
      // cost 1 673 272.00, public 1 425 000.00: households 248 272.00
      expect(cost).toMatchObject({ shown: 'publicCost', value: `1,43${NBSP}M€`, allPayers: `1,67${NBSP}M€`, households: `248${NBSP}k€` });
      // net: public −577 674.55; all payers −133 861.88; households −133 861.88 − (−577 674.55) = 443 812.67
      expect(net).toMatchObject({ shown: 'publicNetSavings', value: `-578${NBSP}k€`, households: `444${NBSP}k€` });
      expect(ratio).toMatchObject({ shown: 'publicOffsetRatio', value: `0,59${NBSP}€`, allPayers: `0,92${NBSP}€`, households: null });
      expect(avoided.range).toEqual({ low: `700${NBSP}k€`, high: `1,02${NBSP}M€` });
    });

    it('keeps the all-payers set when the range mixes both conventions', () => {
      const mixed = summaryConventions2Factory({ conventions: null });
      expect(showsPublicFirst(mixed)).toBe(false);
      expect(toHeadlines(mixed).map((h) => h.shown)).toEqual(['grossSavings', 'cost', 'netSavings', 'offsetRatio']);
    });
  });
});

describe(isEmptySummary.name, () => {
  it('is empty only when nothing at all is known', () => {
    expect(isEmptySummary(summaryFactory())).toBe(false);
    expect(isEmptySummary(summaryFactory({ grossSavings: null, cost: null, netSavings: null, offsetRatio: null, byPayer: {} }))).toBe(true);
  });
});
