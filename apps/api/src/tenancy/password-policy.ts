import { COMMON_PASSWORDS } from './common-passwords';

export const MIN_PASSWORD_LENGTH = 12;

/** Lower case, accents removed (« Mötdepasse » → « motdepasse »). */
const fold = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

/** The word a password is built on: folded, without the digits and signs around it (« Soleil2024! » → « soleil »). */
const stem = (text: string): string => fold(text).replace(/^[^a-z]+|[^a-z]+$/g, '');

/** The unit a text repeats, if it is one unit written two times or more (« azertyazerty » → « azerty »). */
const repeatedUnit = (text: string): string | null => /^(.+?)\1+$/.exec(text)?.[1] ?? null;

const isCommon = (text: string): boolean => {
  if (text.length === 0) return false;
  if (COMMON_PASSWORDS.has(text)) return true;
  const unit = repeatedUnit(text);
  return unit !== null && (unit.length <= 3 || COMMON_PASSWORDS.has(unit));
};

/**
 * Why a password may not be set, in French, or null when it may: at least 12 characters, not one character repeated,
 * not the e-mail address nor its local part (with digits or signs around it), not a common password nor a common word
 * with digits or signs around it, nor a short pattern or a common word repeated. Checked wherever a password is set.
 */
export const passwordProblem = (password: string, email: string): string | null => {
  if (password.length < MIN_PASSWORD_LENGTH) return `Le mot de passe doit contenir au moins ${MIN_PASSWORD_LENGTH} caractères.`;
  if (/^(.)\1*$/su.test(password)) return 'Le mot de passe ne peut pas être un seul caractère répété.';
  const address = fold(email.trim());
  const local = address.split('@')[0] ?? '';
  const folded = fold(password);
  if (folded === address || folded === local || (local.length > 0 && (stem(password) === stem(local) || folded.includes(address)))) {
    return 'Le mot de passe ne doit pas reprendre l’adresse e-mail : choisissez-en un autre.';
  }
  if (isCommon(folded) || isCommon(stem(password)) || isCommon(folded.replace(/[^a-z0-9]/g, ''))) {
    return 'Ce mot de passe fait partie des plus courants : choisissez-en un autre, par exemple une phrase de plusieurs mots.';
  }
  return null;
};
