import { Alert, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useDataProvider, useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { errorText } from '../dashboard/error-text';
import type { LevierDataProvider } from '../dataProvider';
import { formatDateTime } from '../format/decimal-format';

interface PeriodChange {
  id: string;
  at: string;
  action: string;
  actorName: string | null;
  before: string | null;
  after: string | null;
  reason: string | null;
}

/** A period's status history (GET /api/periods/:id/history): submitted, approved, reopened with its reason, by whom, when. */
export const PeriodHistory = () => {
  const record = useRecordContext<{ id: string }>();
  const dataProvider = useDataProvider<LevierDataProvider>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const [changes, setChanges] = useState<PeriodChange[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    if (!record?.id || !dataProvider.apiGet) return;
    let cancelled = false;
    dataProvider
      .apiGet<PeriodChange[]>(`/periods/${encodeURIComponent(String(record.id))}/history`)
      .then((rows) => !cancelled && setChanges(rows))
      .catch((e: unknown) => !cancelled && setError(e));
    return () => {
      cancelled = true;
    };
  }, [record?.id, dataProvider]);
  const status = (s: string | null) => (s === null ? '—' : translate(`levier.enums.period_status.${s}`, { _: s }));
  if (error) return <Alert severity="warning">{errorText(error, translate)}</Alert>;
  if (changes === null) return <Typography variant="body2">{translate('ra.page.loading')}</Typography>;
  if (changes.length === 0) return <Typography variant="body2">{translate('levier.month_end.period_history.empty')}</Typography>;
  return (
    <Table size="small" aria-label={translate('levier.month_end.period_history.title')} data-testid="period-history">
      <caption style={{ captionSide: 'top', textAlign: 'left', fontWeight: 600 }}>{translate('levier.month_end.period_history.title')}</caption>
      <TableHead>
        <TableRow>
          {['when', 'who', 'what', 'reason'].map((k) => (
            <TableCell key={k} scope="col">
              {translate(`levier.month_end.period_history.${k}`)}
            </TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {changes.map((c) => (
          <TableRow key={c.id}>
            <TableCell>{formatDateTime(c.at, locale)}</TableCell>
            <TableCell>{c.actorName ?? '—'}</TableCell>
            <TableCell>
              {translate(`levier.month_end.period_history.actions.${c.action.replace(/^period\./, '')}`, { _: c.action })} ({status(c.before)} →{' '}
              {status(c.after)})
            </TableCell>
            <TableCell>{c.reason ?? '—'}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};
