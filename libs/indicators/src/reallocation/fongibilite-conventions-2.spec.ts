import { d } from '../money/decimal';
import { BudgetTransfer, TransferInstrument } from '../scenario/scenario.types';
import { computeReallocation } from './compute-reallocation';
import { fongibiliteExclusion, fongibiliteFlags, fongibiliteVolume } from './fongibilite';

const transfer = (code: string, instrument: TransferInstrument, from: string, to: string, amount: string): BudgetTransfer => ({
  code,
  instrument,
  from: { chapter: from, function: null },
  to: { chapter: to, function: null },
  amount: d(amount),
});

/** v2-fongibilite-chapters: f1 011 → 65 counted, f2 65 → 65 same chapter, f3 012 → 012 personnel, f4 a virement, f5 65 → 011 counted. */
const transfers = [
  transfer('f1', 'FONGIBILITE', '011', '65', '120000'),
  transfer('f2', 'FONGIBILITE', '65', '65', '45000'),
  transfer('f3', 'FONGIBILITE', '012', '012', '60000'),
  transfer('f4', 'VIREMENT_INTERNE', '65', '65', '30000'),
  transfer('f5', 'FONGIBILITE', '65', '011', '25000'),
];

describe(fongibiliteExclusion.name, () => {
  it('checks personnel first, then (conventions 2) a move inside one chapter', () => {
    expect(transfers.map((t) => fongibiliteExclusion(t, 2))).toEqual([null, 'SAME_CHAPTER', 'PERSONNEL_EXCLUDED', null, null]);
  });
  it('compares chapters as text', () => {
    // "65" and "065" are different texts, so this counts
    expect(fongibiliteExclusion(transfer('t', 'FONGIBILITE', '65', '065', '1'), 2)).toBeNull();
  });
  it('keeps conventions 1 unchanged: a move inside one chapter counts', () => {
    expect(transfers.map((t) => fongibiliteExclusion(t))).toEqual([null, null, 'PERSONNEL_EXCLUDED', null, null]);
  });
});

describe(fongibiliteVolume.name, () => {
  it('leaves out the same-chapter move under conventions 2 only', () => {
    // conventions 2: 120000 + 25000 = 145000 ; conventions 1: + 45000 = 190000
    expect([fongibiliteVolume(transfers, 2).toFixed(), fongibiliteVolume(transfers).toFixed()]).toEqual(['145000', '190000']);
  });
});

describe(fongibiliteFlags.name, () => {
  it('flags each left-out transfer once, in input order', () => {
    expect(fongibiliteFlags(transfers, 2)).toEqual([
      { transfer: 'f2', reason: 'SAME_CHAPTER' },
      { transfer: 'f3', reason: 'PERSONNEL_EXCLUDED' },
    ]);
  });
});

describe(computeReallocation.name, () => {
  it('passes the conventions to the fongibilité rules', () => {
    const input = { workingDaysPerFte: d(228), headcount: null, needs: [], redeployments: [], budget: null, transfers, inKindLoans: [] };
    expect([computeReallocation(input).fongibiliteVolume.toFixed(), computeReallocation(input, { conventions: 2 }).fongibiliteVolume.toFixed()]).toEqual([
      '190000',
      '145000',
    ]);
  });
});
