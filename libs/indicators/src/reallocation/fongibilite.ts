import { divideOrNull, sumDecimals } from '../money/arithmetic';
import { Decimal } from '../money/decimal';
import { BudgetTransfer } from '../scenario/scenario.types';

/** M57 chapter 012: personnel expenditure, excluded from fongibilité (article L.5217-10-6 CGCT). */
export const PERSONNEL_CHAPTER = '012';

export type TransferFlagReason = 'PERSONNEL_EXCLUDED';

export interface TransferFlag {
  readonly transfer: string;
  readonly reason: TransferFlagReason;
}

const touchesPersonnel = (transfer: BudgetTransfer): boolean => transfer.from.chapter === PERSONNEL_CHAPTER || transfer.to.chapter === PERSONNEL_CHAPTER;

/** A FONGIBILITE transfer touching chapter 012 on either side is not allowed: flagged PERSONNEL_EXCLUDED. Other instruments are never flagged. */
export const fongibiliteFlags = (transfers: readonly BudgetTransfer[]): TransferFlag[] =>
  transfers
    .filter((transfer) => transfer.instrument === 'FONGIBILITE' && touchesPersonnel(transfer))
    .map((transfer) => ({ transfer: transfer.code, reason: 'PERSONNEL_EXCLUDED' }));

/** Fongibilité volume = Σ amounts of the allowed FONGIBILITE transfers (other instruments never count). */
export const fongibiliteVolume = (transfers: readonly BudgetTransfer[]): Decimal =>
  sumDecimals(transfers.filter((transfer) => transfer.instrument === 'FONGIBILITE' && !touchesPersonnel(transfer)).map((transfer) => transfer.amount));

/** Fongibilité rate = volume / real expenditure of the section; null when the expenditure is 0. */
export const fongibiliteRate = ({ volume, realExpenditure }: { volume: Decimal; realExpenditure: Decimal }): Decimal | null =>
  divideOrNull({ numerator: volume, denominator: realExpenditure });

/** Over the limit when the rate is strictly above the voted limit (≤ 7.5 %). */
export const fongibiliteOverLimit = ({ rate, limit }: { rate: Decimal; limit: Decimal }): boolean => rate.gt(limit);
