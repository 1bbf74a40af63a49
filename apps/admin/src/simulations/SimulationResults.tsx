import { Alert, Box, Stack, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { formatMoney } from '../format/decimal-format';
import { payerLabel } from '../dashboard/payer-label';
import { useSimulationText } from './messages';
import type { Aggregate, SimulationAnswer, SimulationCheck } from './simulation.types';

/** `+1 234,00 €` for a gain, `−1 234,00 €` for a loss (the sign always shown on a change). */
export const signedMoney = (value: string | null | undefined, locale: string): string => {
  if (value === null || value === undefined) return formatMoney(value, locale);
  const text = formatMoney(value, locale);
  return /^-/.test(value.trim()) || /^0(\.0+)?$/.test(value.trim()) ? text : `+${text}`;
};

const net = (a: Aggregate | undefined): string | null => (a ? (a.publicNetSavings ?? a.netSavings) : null);

/** Baseline vs simulated: the headline, per payer (the ledger) and per service, with the low–high ranges. */
export const SimulationResults = ({ answer }: { answer: SimulationAnswer }) => {
  const { t, locale } = useSimulationText();
  const translate = useTranslate();
  const money = (v: string | null | undefined) => formatMoney(v, locale);
  const { baseline, simulated, delta, ranges } = answer;
  const range = (low: Aggregate | undefined, high: Aggregate | undefined, key: 'netSavings' | 'publicNetSavings') =>
    low && high && low[key] !== undefined ? `${money(low[key])} – ${money(high[key])}` : '—';
  const headline: ['netSavings' | 'publicNetSavings' | 'grossSavings' | 'cost', string][] = [
    ['netSavings', t('netSavings')],
    ...(baseline.publicNetSavings !== undefined ? [['publicNetSavings', t('publicNetSavings')] as ['publicNetSavings', string]] : []),
    ['grossSavings', t('grossSavings')],
    ['cost', t('cost')],
  ];
  const payers = [...new Set([...Object.keys(baseline.ledger ?? baseline.byPayer), ...Object.keys(simulated.ledger ?? simulated.byPayer)])];
  const payerNet = (a: Aggregate, payer: string) => (a.ledger ? (a.ledger[payer]?.net ?? '0.00') : (a.byPayer[payer] ?? '0.00'));
  const services = Object.keys(baseline.services).filter((code) => baseline.services[code].cost !== '0.00' || simulated.services[code]?.cost !== '0.00');
  return (
    <Stack spacing={3}>
      <Box>
        <Typography variant="h6" component="h2">
          {t('headline')}
        </Typography>
        <TableContainer>
          <Table size="small" aria-label={t('headline')} data-testid="simulation-headline">
            <TableHead>
              <TableRow>
                <TableCell>{t('indicator')}</TableCell>
                <TableCell align="right">{t('baseline')}</TableCell>
                <TableCell align="right">{t('simulated')}</TableCell>
                <TableCell align="right">{t('delta')}</TableCell>
                <TableCell align="right">{t('range')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {headline.map(([key, label]) => (
                <TableRow key={key}>
                  <TableCell component="th" scope="row">
                    {label}
                  </TableCell>
                  <TableCell align="right">{money(baseline[key])}</TableCell>
                  <TableCell align="right">{money(simulated[key])}</TableCell>
                  <TableCell align="right">{signedMoney(delta[key], locale)}</TableCell>
                  <TableCell align="right">
                    {key === 'netSavings' || key === 'publicNetSavings' ? range(ranges?.simulated.low, ranges?.simulated.high, key) : '—'}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      </Box>
      <Box>
        <Typography variant="h6" component="h2">
          {t('byPayer')}
        </Typography>
        <TableContainer>
          <Table size="small" aria-label={t('byPayer')} data-testid="simulation-payers">
            <TableHead>
              <TableRow>
                <TableCell>{t('payer')}</TableCell>
                <TableCell align="right">
                  {t('net')} — {t('baseline')}
                </TableCell>
                <TableCell align="right">
                  {t('net')} — {t('simulated')}
                </TableCell>
                <TableCell align="right">{t('delta')}</TableCell>
                <TableCell align="right">{t('range')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {payers.map((payer) => (
                <TableRow key={payer} data-testid={`payer-${payer}`}>
                  <TableCell component="th" scope="row">
                    {payerLabel(translate, payer)}
                  </TableCell>
                  <TableCell align="right">{money(payerNet(baseline, payer))}</TableCell>
                  <TableCell align="right">{money(payerNet(simulated, payer))}</TableCell>
                  <TableCell align="right">{signedMoney(payerNet(delta, payer), locale)}</TableCell>
                  <TableCell align="right">
                    {ranges ? `${money(payerNet(ranges.simulated.low, payer))} – ${money(payerNet(ranges.simulated.high, payer))}` : '—'}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      </Box>
      <Box>
        <Typography variant="h6" component="h2">
          {t('byService')}
        </Typography>
        <TableContainer>
          <Table size="small" aria-label={t('byService')} data-testid="simulation-services">
            <TableHead>
              <TableRow>
                <TableCell>{t('serviceCol')}</TableCell>
                <TableCell align="right">
                  {t('cost')} — {t('baseline')}
                </TableCell>
                <TableCell align="right">
                  {t('cost')} — {t('simulated')}
                </TableCell>
                <TableCell align="right">
                  {t('netSavings')} — {t('baseline')}
                </TableCell>
                <TableCell align="right">
                  {t('netSavings')} — {t('simulated')}
                </TableCell>
                <TableCell align="right">{t('delta')}</TableCell>
                <TableCell align="right">{t('range')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {services.map((code) => (
                <TableRow key={code} data-testid={`service-${code}`}>
                  <TableCell component="th" scope="row">
                    {answer.services[code]?.label ?? code}
                  </TableCell>
                  <TableCell align="right">{money(baseline.services[code]?.cost)}</TableCell>
                  <TableCell align="right">{money(simulated.services[code]?.cost)}</TableCell>
                  <TableCell align="right">{money(net(baseline.services[code]))}</TableCell>
                  <TableCell align="right">{money(net(simulated.services[code]))}</TableCell>
                  <TableCell align="right">{signedMoney(net(delta.services[code]), locale)}</TableCell>
                  <TableCell align="right">
                    {ranges ? `${money(net(ranges.simulated.low.services[code]))} – ${money(net(ranges.simulated.high.services[code]))}` : '—'}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      </Box>
      <SimulationChecks checks={answer.checks} />
    </Stack>
  );
};

const SEVERITY: Record<SimulationCheck['status'], 'success' | 'error' | 'warning' | 'info'> = {
  ok: 'success',
  depassement: 'error',
  hors_fongibilite: 'warning',
  inconnu: 'info',
  sans_objet: 'info',
};

/** The legal checks in words, one per money lever: fongibilité headroom left or overrun, staff costs outside fongibilité. */
export const SimulationChecks = ({ checks }: { checks: readonly SimulationCheck[] }) => {
  const { t } = useSimulationText();
  return (
    <Box data-testid="simulation-checks">
      <Typography variant="h6" component="h2">
        {t('checks')}
      </Typography>
      {checks.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {t('noCheck')}
        </Typography>
      ) : (
        <Stack spacing={1}>
          {checks.map((check) => (
            <Alert key={`${check.lever}-${check.kind}`} severity={SEVERITY[check.status]} data-testid={`check-${check.lever}`}>
              {check.message}
            </Alert>
          ))}
        </Stack>
      )}
    </Box>
  );
};
