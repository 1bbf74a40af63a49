import { Decimal } from '../money/decimal';
import { ALL_PAYERS, Payer } from '../scenario/scenario.types';

const isPayer = (key: string): key is Payer => (ALL_PAYERS as readonly string[]).includes(key);

/** Typed entries of a payer map (`Object.entries` loses the key type). */
export const payerEntries = (record: Readonly<Partial<Record<Payer, Decimal>>>): [Payer, Decimal][] =>
  Object.entries(record).flatMap(([key, value]): [Payer, Decimal][] => (isPayer(key) && value !== undefined ? [[key, value]] : []));
