/** A decimal written as a string (`"12.5"`, `"-3"`): decimals cross the API as strings (docs/product-rules.md#periods-numbers-money). */
export const DECIMAL = /^-?\d{1,15}(\.\d{1,12})?$/;
export const DECIMAL_MESSAGE = (field: string): string => `${field} : nombre décimal attendu sous forme de texte, avec un point (ex. "12.5")`;
export const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
export const DATE_MESSAGE = (field: string): string => `${field} : date attendue au format AAAA-MM-JJ`;
export const CODE = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
export const CODE_MESSAGE = (field: string): string => `${field} : code attendu (lettres, chiffres, _ . -, 64 caractères au plus)`;
