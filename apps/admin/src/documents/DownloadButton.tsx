import DownloadIcon from '@mui/icons-material/Download';
import { Button } from '@mui/material';
import { useState } from 'react';
import { useDataProvider, useLocaleState, useNotify, useTranslate } from 'react-admin';
import type { LevierDataProvider } from '../dataProvider';
import { errorText } from '../dashboard/error-text';
import { saveBlob } from '../common/save-blob';

export interface DownloadButtonProps {
  /** API path, e.g. `/documents/dossier-methodologique`. */
  path: string;
  query: Record<string, string>;
  label: string;
  /** Full accessible name when the visible label is short (« CSV »). */
  ariaLabel?: string;
  testId?: string;
  variant?: 'text' | 'outlined' | 'contained';
}

/** Downloads a generated file from the API in the reader's language (documents, chart exports). */
export const DownloadButton = ({ path, query, label, ariaLabel, testId, variant = 'outlined' }: DownloadButtonProps) => {
  const dataProvider = useDataProvider<LevierDataProvider>();
  const notify = useNotify();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const [busy, setBusy] = useState(false);
  const download = async () => {
    if (!dataProvider.getFile) return;
    setBusy(true);
    try {
      const { blob, filename } = await dataProvider.getFile(path, query, locale === 'en' ? 'en' : 'fr');
      saveBlob(blob, filename);
    } catch (e) {
      notify(errorText(e, translate), { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button
      size="small"
      variant={variant}
      startIcon={<DownloadIcon />}
      onClick={() => void download()}
      disabled={busy || !dataProvider.getFile}
      aria-label={ariaLabel}
      data-testid={testId}
      className="levier-no-print"
    >
      {label}
    </Button>
  );
};
