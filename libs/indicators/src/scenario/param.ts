import { assertNever } from '../assert-never';
import { Decimal } from '../money/decimal';
import { Param, RangeCase } from './scenario.types';

export const plain = (value: Decimal): Param => ({ kind: 'plain', value });

/** The value of a parameter in a range case: a triple gives its own key, a plain value is the same in all three. */
export const resolveParam = ({ param, rangeCase }: { param: Param; rangeCase: RangeCase }): Decimal => {
  switch (param.kind) {
    case 'plain':
      return param.value;
    case 'triple':
      return param[rangeCase];
    default:
      return assertNever(param, 'paramètre');
  }
};

export const isTriple = (param: Param): boolean => param.kind === 'triple';
