import { useEffect } from 'react';
import { useLocaleState } from 'react-admin';

/** Keeps `<html lang>` in step with the chosen language, for screen readers (RGAA 8.3). */
export const HtmlLang = () => {
  const [locale] = useLocaleState();
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  return null;
};
