import CloseIcon from '@mui/icons-material/Close';
import DownloadIcon from '@mui/icons-material/Download';
import {
  Alert,
  Box,
  Button,
  Chip,
  CircularProgress,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  IconButton,
  Link,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
  useMediaQuery,
  type Theme,
} from '@mui/material';
import { useId, useState, type ReactNode } from 'react';
import { useDataProvider, useLocaleState, useNotify, useTranslate } from 'react-admin';
import type { LevierDataProvider } from '../dataProvider';
import { formatDateTime, formatDecimal, formatMoney, formatPerEuro, formatShare } from '../format/decimal-format';
import { parameterSentences } from '../common/parameter-sentences';
import { saveBlob } from '../common/save-blob';
import { errorText } from './error-text';
import type { ExplainableIndicator, ExplainedValue, Explanation } from '@levier/contracts';
import type { Scope } from './scope.types';
import { periodLabel } from './series-rows';
import { statusOf, useIndicatorExplain } from './use-indicators';

/** How an indicator's value reads: euros, euros avoided per euro invested (« 0,92 € »), or years. */
/** A decimal indicator value; per-payer values (`byPayer`, `ledger`) have no single figure to show. */
const scalarOf = (value: ExplainedValue | undefined): string | null => (typeof value === 'string' ? value : null);

export const formatIndicatorValue = (indicator: string, value: string | null | undefined, locale: string): string => {
  if (indicator === 'offsetRatio' || indicator === 'publicOffsetRatio') return formatPerEuro(value, locale);
  if (indicator === 'paybackYears') return formatDecimal(value, locale);
  return formatMoney(value, locale);
};

const Section = ({ title, children }: { title: string; children: ReactNode }) => {
  const id = useId();
  return (
    <Box component="section" aria-labelledby={id} sx={{ mb: 2.5 }}>
      <Typography id={id} component="h3" variant="subtitle1" sx={{ fontWeight: 600, mb: 0.5 }}>
        {title}
      </Typography>
      {children}
    </Box>
  );
};

const num = { align: 'right' as const, sx: { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } };

export const ExplanationBody = ({ explanation }: { explanation: Explanation }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const costLabels = new Map(explanation.unitCosts.map((u) => [u.code, u.label]));
  const t = (key: string, options?: Record<string, unknown>) => translate(`levier.explain.${key}`, options);
  const values = explanation.values;
  return (
    <>
      <Section title={t('formula')}>
        <Typography variant="body2" data-testid="explain-formula">
          {explanation.formula}
        </Typography>
      </Section>
      {values ? (
        <Section title={t('values')}>
          <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: 2, rowGap: 0.5, m: 0 }}>
            <Typography component="dt" variant="body2">
              {t('current')}
            </Typography>
            <Typography component="dd" variant="body2" sx={{ m: 0, fontWeight: 600, fontVariantNumeric: 'tabular-nums' }}>
              {formatIndicatorValue(explanation.indicator, scalarOf(values.current), locale)}
            </Typography>
            <Typography component="dt" variant="body2">
              {t('reported')}
            </Typography>
            <Typography component="dd" variant="body2" sx={{ m: 0, fontVariantNumeric: 'tabular-nums' }}>
              {formatIndicatorValue(explanation.indicator, scalarOf(values.reported), locale)}
            </Typography>
          </Box>
          {values.differs ? (
            <Alert severity="info" sx={{ mt: 1 }} data-testid="explain-differs">
              {t('differs')}
            </Alert>
          ) : null}
        </Section>
      ) : null}
      {explanation.methodology ? (
        <Section title={t('methodology')}>
          <Typography variant="body2">
            {t('methodology_version', { version: String(explanation.methodology.version), label: explanation.methodology.label ?? '' })}
            {explanation.methodology.effectiveFrom ? ` — ${t('effective_from', { date: explanation.methodology.effectiveFrom })}` : null}
          </Typography>
          {explanation.methodology.parameters ? (
            <Box component="ul" sx={{ m: 0, pl: 2.5, color: 'text.secondary' }} data-testid="explain-methodology-parameters">
              {parameterSentences(explanation.methodology.parameters, costLabels, locale).map((line) => (
                <Typography key={line} component="li" variant="body2">
                  {line}
                </Typography>
              ))}
            </Box>
          ) : null}
        </Section>
      ) : null}
      <Section title={t('inputs', { count: explanation.inputs.length })}>
        {explanation.inputs.length === 0 ? (
          <Typography variant="body2">{t('no_inputs')}</Typography>
        ) : (
          <TableContainer sx={{ maxHeight: 260 }} tabIndex={0}>
            <Table size="small" stickyHeader aria-label={t('inputs', { count: explanation.inputs.length })}>
              <TableHead>
                <TableRow>
                  <TableCell scope="col">{t('service')}</TableCell>
                  <TableCell scope="col">{t('period')}</TableCell>
                  <TableCell scope="col">{t('metric')}</TableCell>
                  <TableCell scope="col" align="right">
                    {t('value')}
                  </TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {explanation.inputs.map((input, i) => (
                  <TableRow key={i}>
                    <TableCell>{input.service}</TableCell>
                    <TableCell>{periodLabel(input.period, locale)}</TableCell>
                    <TableCell>{input.metric}</TableCell>
                    <TableCell {...num}>{formatDecimal(input.value, locale)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
        )}
      </Section>
      <Section title={t('assumptions')}>
        {explanation.assumptions.length === 0 ? (
          <Typography variant="body2">{t('no_assumptions')}</Typography>
        ) : (
          explanation.assumptions.map((a) => (
            <Box key={`${a.service}-${a.code}`} sx={{ mb: 1.5, pl: 1.5, borderLeft: 3, borderColor: 'primary.light' }}>
              <Typography variant="body2" component="div" sx={{ fontWeight: 600 }}>
                {a.label} <Chip size="small" variant="outlined" label={a.service} sx={{ ml: 0.5 }} />
              </Typography>
              {a.justification ? <Typography variant="body2">{t('justification', { text: a.justification })}</Typography> : null}
              {a.evidence ? <Typography variant="body2">{t('evidence', { text: a.evidence })}</Typography> : null}
              {a.parameters ? (
                <Box component="ul" sx={{ m: 0, pl: 2.5, color: 'text.secondary' }} data-testid="explain-assumption-parameters">
                  {parameterSentences(a.parameters, costLabels, locale).map((line) => (
                    <Typography key={line} component="li" variant="caption">
                      {line}
                    </Typography>
                  ))}
                </Box>
              ) : null}
            </Box>
          ))
        )}
      </Section>
      <Section title={t('unit_costs')}>
        {explanation.unitCosts.length === 0 ? (
          <Typography variant="body2">{t('no_unit_costs')}</Typography>
        ) : (
          <TableContainer>
            <Table size="small" aria-label={t('unit_costs')}>
              <TableHead>
                <TableRow>
                  <TableCell scope="col">{t('unit_cost')}</TableCell>
                  <TableCell scope="col" align="right">
                    {t('amount')}
                  </TableCell>
                  <TableCell scope="col">{t('price_year')}</TableCell>
                  <TableCell scope="col">{t('cashable_share')}</TableCell>
                  <TableCell scope="col">{t('source')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {explanation.unitCosts.map((u) => (
                  <TableRow key={u.code}>
                    <TableCell>
                      {u.label}
                      {u.unit ? ` (${u.unit})` : ''}
                    </TableCell>
                    <TableCell {...num}>{formatMoney(u.amount, locale)}</TableCell>
                    <TableCell>{u.priceYear ?? '—'}</TableCell>
                    <TableCell>{formatShare(u.cashableShare ?? null, locale)}</TableCell>
                    <TableCell>
                      {u.source?.url ? (
                        <Link href={u.source.url} target="_blank" rel="noopener noreferrer">
                          {u.source.title ?? u.source.url}
                          <span className="visually-hidden"> {t('new_tab')}</span>
                        </Link>
                      ) : (
                        (u.source?.title ?? '—')
                      )}
                      {u.source?.publisher ? ` — ${u.source.publisher}` : ''}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
        )}
      </Section>
      <Typography variant="caption" component="p" sx={{ color: 'text.secondary' }} data-testid="explain-freshness">
        {t('computed_at', { date: formatDateTime(explanation.computedAt, locale) })} · {t('data_as_of', { date: formatDateTime(explanation.dataAsOf, locale) })}
      </Typography>
    </>
  );
};

export interface ExplainDialogProps {
  scope: Scope;
  indicator: ExplainableIndicator | null;
  onClose: () => void;
}

/** "Comment est-ce calculé ?": the explain endpoint's content for one indicator, and the calculation to download. */
export const ExplainDialog = ({ scope, indicator, onClose }: ExplainDialogProps) => {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<LevierDataProvider>();
  const fullScreen = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  const titleId = useId();
  const { data, error, isPending } = useIndicatorExplain(scope, indicator);
  const [downloading, setDownloading] = useState(false);

  const download = async () => {
    if (!dataProvider.getScenario) return;
    setDownloading(true);
    try {
      const { blob, filename } = await dataProvider.getScenario(scope);
      saveBlob(blob, filename);
    } catch (e) {
      notify(errorText(e, translate), { type: 'error' });
    } finally {
      setDownloading(false);
    }
  };

  return (
    <Dialog open={indicator !== null} onClose={onClose} aria-labelledby={titleId} fullWidth maxWidth="md" fullScreen={fullScreen} scroll="paper">
      <DialogTitle id={titleId} sx={{ pr: 6 }}>
        {translate('levier.explain.title')}
        {indicator ? ` — ${translate(`levier.indicators.${indicator}`)}` : ''}
        <IconButton aria-label={translate('levier.explain.close')} onClick={onClose} sx={{ position: 'absolute', right: 8, top: 8 }}>
          <CloseIcon />
        </IconButton>
      </DialogTitle>
      <DialogContent dividers data-testid="explain-panel" tabIndex={0}>
        {isPending && indicator ? (
          <Box role="status" sx={{ display: 'flex', gap: 1, alignItems: 'center', py: 3 }}>
            <CircularProgress size={20} aria-hidden /> {translate('levier.explain.loading')}
          </Box>
        ) : error ? (
          <Alert severity={statusOf(error) === 404 ? 'info' : 'warning'}>
            {statusOf(error) === 404 ? translate('levier.explain.unavailable') : errorText(error, translate)}
          </Alert>
        ) : data ? (
          <ExplanationBody explanation={data} />
        ) : null}
      </DialogContent>
      <DialogActions>
        <Button startIcon={<DownloadIcon />} onClick={() => void download()} disabled={downloading || !dataProvider.getScenario}>
          {translate('levier.explain.download')}
        </Button>
        <Button onClick={onClose} variant="contained">
          {translate('levier.explain.close')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};
