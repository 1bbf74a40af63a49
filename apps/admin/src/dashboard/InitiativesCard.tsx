import { Alert, Box, Card, CardContent, Link, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useDataProvider, useLocaleState, useTranslate } from 'react-admin';
import { Link as RouterLink } from 'react-router-dom';
import type { LevierDataProvider } from '../dataProvider';
import { formatDecimal, formatMoney } from '../format/decimal-format';
import type { Scope } from './scope.types';

/** `GET /api/initiatives/summary` (apps/api/src/initiatives/initiative.mapper.ts): hours and euros summed by the API. */
export interface InitiativesSummary {
  byStatus: { status: string; label: string; count: number }[];
  count: number;
  hours: string;
  euros: string;
}

export const useInitiativesSummary = (orgUnit: string) => {
  const dataProvider = useDataProvider<LevierDataProvider>();
  return useQuery<InitiativesSummary>({
    queryKey: ['initiatives', 'summary', orgUnit],
    queryFn: ({ signal }) => {
      if (!dataProvider.apiGet) throw new Error('levier.dashboard.feature_unavailable');
      const query = orgUnit.trim() === '' ? '' : `?${new URLSearchParams({ orgUnit: orgUnit.trim() }).toString()}`;
      return dataProvider.apiGet<InitiativesSummary>(`/initiatives/summary${query}`, { signal });
    },
    retry: false,
  });
};

/**
 * « Initiatives des agents » in the reallocation section: how many initiatives at each status (in words) and the
 * resources they mobilised (hours, euros), as the API sums them (numeric in PostgreSQL, never floats here), over the
 * scope's unit and its sub-units. A table, so it reads the same with a screen reader.
 */
export const InitiativesCard = ({ scope }: { scope: Pick<Scope, 'orgUnit'> }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const titleId = useId();
  const { data, isPending, error } = useInitiativesSummary(scope.orgUnit);
  const t = (key: string, options?: Record<string, unknown>) => translate(`levier.initiatives.${key}`, options);

  let body;
  if (isPending) body = <Typography role="status">{translate('levier.dashboard.loading')}</Typography>;
  else if (error || !data || !Array.isArray(data.byStatus)) body = <Alert severity="info">{t('card_error')}</Alert>;
  else if (data.count === 0) body = <Typography variant="body2">{t('card_empty')}</Typography>;
  else
    body = (
      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: 'minmax(0, 1fr)', md: 'minmax(0, 2fr) minmax(0, 1fr)' } }}>
        <Table size="small">
          <caption style={{ captionSide: 'top', textAlign: 'left', padding: '4px 0' }}>{t('card_count', { smart_count: data.count })}</caption>
          <TableHead>
            <TableRow>
              <TableCell scope="col">{t('card_status')}</TableCell>
              <TableCell scope="col" align="right">
                {t('card_number')}
              </TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {data.byStatus.map((s) => (
              <TableRow key={s.status} data-testid={`initiatives-status-${s.status}`}>
                <TableCell>{translate(`levier.initiatives.statuses.${s.status}`, { _: s.label })}</TableCell>
                <TableCell align="right" sx={{ fontVariantNumeric: 'tabular-nums' }}>
                  {s.count}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        <Box sx={{ display: 'grid', gap: 1.5, alignContent: 'start' }}>
          <Box sx={{ p: 1.5, border: 1, borderColor: 'divider', borderRadius: 1 }} data-testid="initiatives-hours">
            <Typography variant="body2" sx={{ color: 'text.secondary' }}>
              {t('card_hours')}
            </Typography>
            <Typography component="p" variant="h6" sx={{ fontWeight: 700, fontVariantNumeric: 'tabular-nums' }}>
              {formatDecimal(data.hours, locale)}
            </Typography>
          </Box>
          <Box sx={{ p: 1.5, border: 1, borderColor: 'divider', borderRadius: 1 }} data-testid="initiatives-euros">
            <Typography variant="body2" sx={{ color: 'text.secondary' }}>
              {t('card_euros')}
            </Typography>
            <Typography component="p" variant="h6" sx={{ fontWeight: 700, fontVariantNumeric: 'tabular-nums' }}>
              {formatMoney(data.euros, locale)}
            </Typography>
          </Box>
        </Box>
      </Box>
    );

  return (
    <Card component="section" aria-labelledby={titleId} variant="outlined" sx={{ mb: 2, breakInside: 'avoid' }} data-testid="initiatives">
      <CardContent>
        <Typography id={titleId} component="h2" variant="subtitle1" sx={{ fontWeight: 600, mb: 0.5 }}>
          {t('card_title')}
        </Typography>
        <Typography variant="body2" sx={{ color: 'text.secondary', mb: 1 }}>
          {t('card_subtitle')}
        </Typography>
        {body}
        <Link component={RouterLink} to="/initiatives" variant="body2" sx={{ display: 'inline-block', mt: 1 }}>
          {t('card_link')}
        </Link>
      </CardContent>
    </Card>
  );
};
