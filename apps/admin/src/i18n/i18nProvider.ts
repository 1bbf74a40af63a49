/** French by default, English on demand (the AppBar's language menu; react-admin remembers the choice). */
import polyglotI18nProvider from 'ra-i18n-polyglot';
import type { I18nProvider } from 'react-admin';
import { en } from './en';
import { fr } from './fr';

export const LOCALES = [
  { locale: 'fr', name: 'Français' },
  { locale: 'en', name: 'English' },
];

export const i18nProvider: I18nProvider = polyglotI18nProvider((locale) => (locale === 'en' ? en : fr), 'fr', LOCALES, {
  allowMissing: true,
});
