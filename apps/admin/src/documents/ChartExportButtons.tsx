import { Box } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { Scope } from '../dashboard/scope.types';
import { DownloadButton } from './DownloadButton';

export type ExportChart = 'summary' | 'series' | 'services' | 'payers' | 'ledger';

/** CSV and XLSX of one dashboard chart's data, stamped by the API (`GET /api/indicators/export`). */
export const ChartExportButtons = ({ chart, scope, title }: { chart: ExportChart; scope: Scope; title: string }) => {
  const translate = useTranslate();
  const query = { ...(scope.orgUnit ? { orgUnit: scope.orgUnit } : {}), from: scope.from, to: scope.to, chart };
  return (
    <Box sx={{ display: 'flex', gap: 0.5 }} className="levier-no-print">
      {(['csv', 'xlsx'] as const).map((format) => (
        <DownloadButton
          key={format}
          path="/indicators/export"
          query={{ ...query, format }}
          label={format.toUpperCase()}
          ariaLabel={translate('levier.documents.export_aria', { title, format: format.toUpperCase() })}
          testId={`export-${chart}-${format}`}
          variant="text"
        />
      ))}
    </Box>
  );
};
