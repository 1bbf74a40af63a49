/** Payers in words, from the one shared map (`levier.payers.*`, i18n/screens-fr.ts): never a bare code. */
import type { TranslateFunction } from 'react-admin';

export const payerLabel = (translate: TranslateFunction, code: string): string =>
  translate(`levier.payers.${code}`, { _: `${translate('levier.payers.unknown')} (${code.replace(/_/g, ' ').toLowerCase()})` });
