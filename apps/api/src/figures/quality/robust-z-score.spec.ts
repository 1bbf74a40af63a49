import Decimal from 'decimal.js';
import { isOutlier, robustZScore, screenZScore } from './robust-z-score';

const d = (values: (string | number)[]): Decimal[] => values.map((v) => new Decimal(v));

describe(robustZScore.name, () => {
  it('scales the distance to the median by 1.4826 × MAD', () => {
    // history 10,11,12,13,14,15 → median 12.5; |x − 12.5| = 2.5,1.5,0.5,0.5,1.5,2.5 → MAD 1.5
    // z(20) = (20 − 12.5) / (1.4826 × 1.5) = 7.5 / 2.2239 = 3.37245…
    const sut = robustZScore(new Decimal(20), d([10, 11, 12, 13, 14, 15]));
    expect(sut?.median.toString()).toBe('12.5');
    expect(sut?.z.toFixed(4)).toBe('3.3725');
    expect(isOutlier(sut)).toBe(false);
  });

  it('flags a value a hundred times its usual level', () => {
    const history = d(['8320.10', '8410.55', '8190.00', '8500.20', '8275.35', '8390.00', '8333.33', '8250.75', '8401.10', '8299.99', '8355.00', '8310.40']);
    expect(isOutlier(robustZScore(new Decimal('1041666.7'), history))).toBe(true);
    expect(isOutlier(robustZScore(new Decimal('8450'), history))).toBe(false);
  });

  it('falls back to the mean absolute deviation when more than half the history is one value', () => {
    // history 5,5,5,5,9,9,9 → median 5, MAD 0; |x − 5| = 0,0,0,0,4,4,4 → meanAD 12/7
    // z(20) = 15 / (1.253314 × 12/7) = 105 / 15.039768 = 6.98148…
    const sut = robustZScore(new Decimal(20), d([5, 5, 5, 5, 9, 9, 9]));
    expect(sut?.z.toFixed(4)).toBe('6.9815');
  });

  it('says nothing on a short or flat history', () => {
    expect(robustZScore(new Decimal(100), d([1, 2, 3]))).toBeNull();
    expect(robustZScore(new Decimal(100), d([7, 7, 7, 7, 7, 7]))).toBeNull();
  });
});

describe(screenZScore.name, () => {
  it('agrees with the exact score, and leaves flat or short histories to it', () => {
    expect(screenZScore('20', ['10', '11', '12', '13', '14', '15'])).toBeCloseTo(3.3725, 3);
    expect(screenZScore('20', ['5', '5', '5', '5', '9', '9', '9'])).toBe(Infinity);
    expect(screenZScore('20', ['5'])).toBe(0);
  });
});
