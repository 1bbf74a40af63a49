import { Box, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { formatMoney } from '../format/decimal-format';
import { parameterLines } from './parameter-sentences';

/** A record's parameters (assumption or methodology version) as a two-column table in words, never raw JSON. */
export const ParametersTable = ({ source, unitCostLabels }: { source: string; label?: string; unitCostLabels?: ReadonlyMap<string, string> }) => {
  const record = useRecordContext<Record<string, unknown>>();
  const [locale] = useLocaleState();
  const translate = useTranslate();
  const parameters = record?.[source] as Record<string, unknown> | undefined;
  const lines = parameterLines(parameters, unitCostLabels ?? new Map(), locale);
  if (lines.length === 0) return <Typography variant="body2">—</Typography>;
  return (
    <Table size="small" data-testid={`parameters-${source}`} aria-label={translate(`levier.parameters_table.${source}`)}>
      <TableHead>
        <TableRow>
          <TableCell scope="col">{translate('levier.parameters_table.parameter')}</TableCell>
          <TableCell scope="col">{translate('levier.parameters_table.value')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {lines.map((l) => (
          <TableRow key={l.label}>
            <TableCell component="th" scope="row">
              {l.label}
            </TableCell>
            <TableCell>{l.value}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

interface SnapshotUnitCost {
  code: string;
  label: string;
  unit: string;
  amount: string;
  priceYear: number;
  sourcePublisher?: string | null;
}
interface SnapshotAssumption {
  code: string;
  label: string;
  service?: string;
  serviceId?: string;
  params?: Record<string, unknown>;
}
interface SnapshotPriceIndex {
  year: number;
  value: string;
}

/** What a published version froze: its unit costs, assumptions (their parameters in words) and price indices, as tables. */
export const SnapshotTables = ({ source = 'snapshot' }: { source?: string; label?: string }) => {
  const record = useRecordContext<Record<string, unknown>>();
  const [locale] = useLocaleState();
  const translate = useTranslate();
  const snapshot = (record?.[source] ?? {}) as { unitCosts?: SnapshotUnitCost[]; assumptions?: SnapshotAssumption[]; priceIndices?: SnapshotPriceIndex[] };
  const costs = snapshot.unitCosts ?? [];
  const labels = new Map(costs.map((c) => [c.code, c.label]));
  const t = (key: string) => translate(`levier.parameters_table.${key}`);
  return (
    <Box sx={{ display: 'grid', gap: 2 }} data-testid="snapshot-tables">
      <Table size="small" aria-label={t('unit_costs')}>
        <TableHead>
          <TableRow>
            <TableCell scope="col">{t('unit_cost')}</TableCell>
            <TableCell scope="col" align="right">
              {t('amount')}
            </TableCell>
            <TableCell scope="col">{t('price_year')}</TableCell>
            <TableCell scope="col">{t('source')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {costs.map((c) => (
            <TableRow key={c.code}>
              <TableCell component="th" scope="row">
                {c.label}
              </TableCell>
              <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                {formatMoney(c.amount, locale)} / {c.unit}
              </TableCell>
              <TableCell>{c.priceYear}</TableCell>
              <TableCell>{c.sourcePublisher ?? '—'}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Table size="small" aria-label={t('assumptions')}>
        <TableHead>
          <TableRow>
            <TableCell scope="col">{t('assumption')}</TableCell>
            <TableCell scope="col">{t('parameters')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {(snapshot.assumptions ?? []).map((a) => (
            <TableRow key={`${a.serviceId ?? a.service ?? ''}-${a.code}`}>
              <TableCell component="th" scope="row" sx={{ verticalAlign: 'top' }}>
                {a.label}
              </TableCell>
              <TableCell>
                {parameterLines(a.params, labels, locale).map((l) => (
                  <Typography key={l.label} variant="body2">
                    {l.label} : {l.value}
                  </Typography>
                ))}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
};
