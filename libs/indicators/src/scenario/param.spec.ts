import { d } from '../money/decimal';
import { isTriple, plain, resolveParam } from './param';
import { Param } from './scenario.types';

describe(resolveParam.name, () => {
  const triple: Param = { kind: 'triple', low: d('0.4'), central: d('0.3'), high: d('0.2') };
  it('gives a triple its own key per range case', () => {
    expect((['low', 'central', 'high'] as const).map((rangeCase) => resolveParam({ param: triple, rangeCase }).toFixed())).toEqual(['0.4', '0.3', '0.2']);
  });
  it('uses a plain value in every case', () => {
    expect(resolveParam({ param: plain(d('0.7')), rangeCase: 'low' }).toFixed()).toBe('0.7');
    expect([isTriple(triple), isTriple(plain(d(1)))]).toEqual([true, false]);
  });
});
