import { divideOrNull, sumDecimals } from '../money/arithmetic';
import { Decimal } from '../money/decimal';
import { BudgetTransfer, Conventions } from '../scenario/scenario.types';

/** M57 chapter 012: personnel expenditure, excluded from fongibilité (article L.5217-10-6 CGCT). */
export const PERSONNEL_CHAPTER = '012';

/** PERSONNEL_EXCLUDED: touches chapter 012. SAME_CHAPTER (conventions 2): both sides in one chapter, not fongibilité. */
export type TransferFlagReason = 'PERSONNEL_EXCLUDED' | 'SAME_CHAPTER';

export interface TransferFlag {
  readonly transfer: string;
  readonly reason: TransferFlagReason;
}

const touchesPersonnel = (transfer: BudgetTransfer): boolean => transfer.from.chapter === PERSONNEL_CHAPTER || transfer.to.chapter === PERSONNEL_CHAPTER;

/** Conventions 2 (vectors README 2.7): both sides carry the same chapter (compared as text): a move inside one chapter. */
const insideOneChapter = (transfer: BudgetTransfer): boolean => transfer.from.chapter === transfer.to.chapter;

/**
 * Why a transfer is left out of the fongibilité volume, or null when it counts (or is not a FONGIBILITE transfer: other
 * instruments never count and are never flagged). PERSONNEL_EXCLUDED (chapter 012 on either side) comes first; under
 * conventions 2 a transfer inside one chapter is then SAME_CHAPTER.
 */
export const fongibiliteExclusion = (transfer: BudgetTransfer, conventions: Conventions = 1): TransferFlagReason | null => {
  if (transfer.instrument !== 'FONGIBILITE') return null;
  if (touchesPersonnel(transfer)) return 'PERSONNEL_EXCLUDED';
  if (conventions === 2 && insideOneChapter(transfer)) return 'SAME_CHAPTER';
  return null;
};

/** The FONGIBILITE transfers left out of the volume, each with its one reason, in input order. Other instruments are never flagged. */
export const fongibiliteFlags = (transfers: readonly BudgetTransfer[], conventions: Conventions = 1): TransferFlag[] =>
  transfers.flatMap((transfer) => {
    const reason = fongibiliteExclusion(transfer, conventions);
    return reason === null ? [] : [{ transfer: transfer.code, reason }];
  });

/** Fongibilité volume = Σ amounts of the allowed FONGIBILITE transfers (other instruments never count). */
export const fongibiliteVolume = (transfers: readonly BudgetTransfer[], conventions: Conventions = 1): Decimal =>
  sumDecimals(
    transfers
      .filter((transfer) => transfer.instrument === 'FONGIBILITE' && fongibiliteExclusion(transfer, conventions) === null)
      .map((transfer) => transfer.amount),
  );

/** Fongibilité rate = volume / real expenditure of the section; null when the expenditure is 0. */
export const fongibiliteRate = ({ volume, realExpenditure }: { volume: Decimal; realExpenditure: Decimal }): Decimal | null =>
  divideOrNull({ numerator: volume, denominator: realExpenditure });

/** Over the limit when the rate is strictly above the voted limit (≤ 7.5 %). */
export const fongibiliteOverLimit = ({ rate, limit }: { rate: Decimal; limit: Decimal }): boolean => rate.gt(limit);
