import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import TranslateIcon from '@mui/icons-material/Translate';
import { Button, Menu, MenuItem } from '@mui/material';
import { useId, useState, type MouseEvent } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';
import { LOCALES } from '../i18n/i18nProvider';

/**
 * Language menu (fr / en). Replaces react-admin's LocalesMenuButton, whose button carries an
 * empty aria-label; here the button says what it does and the current language is marked.
 */
export const LocaleSwitcher = () => {
  const translate = useTranslate();
  const [locale, setLocale] = useLocaleState();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const menuId = useId();
  const current = LOCALES.find((l) => l.locale === locale) ?? LOCALES[0];
  const choose = (next: string) => {
    setAnchor(null);
    if (next !== locale) setLocale(next);
  };
  return (
    <>
      <Button
        color="inherit"
        variant="text"
        startIcon={<TranslateIcon />}
        endIcon={<ExpandMoreIcon fontSize="small" />}
        aria-label={`${current.locale.toUpperCase()} — ${translate('levier.locale.label')} : ${current.name}`}
        aria-haspopup="menu"
        aria-controls={anchor ? menuId : undefined}
        aria-expanded={anchor ? 'true' : undefined}
        onClick={(e: MouseEvent<HTMLElement>) => setAnchor(e.currentTarget)}
      >
        {current.locale.toUpperCase()}
      </Button>
      <Menu id={menuId} anchorEl={anchor} open={Boolean(anchor)} onClose={() => setAnchor(null)}>
        {LOCALES.map((l) => (
          <MenuItem key={l.locale} selected={l.locale === locale} lang={l.locale} onClick={() => choose(l.locale)}>
            {l.name}
          </MenuItem>
        ))}
      </Menu>
    </>
  );
};
