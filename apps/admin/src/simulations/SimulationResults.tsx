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
      <ResultTable
        title={t('headline')}
        testId="simulation-headline"
        columns={[t('indicator'), t('baseline'), t('simulated'), t('delta'), t('range')]}
        rows={headline.map(([key, label]) => ({
          key,
          label,
          cells: [
            money(baseline[key]),
            money(simulated[key]),
            signedMoney(delta[key], locale),
            key === 'netSavings' || key === 'publicNetSavings' ? range(ranges?.simulated.low, ranges?.simulated.high, key) : '—',
          ],
        }))}
      />
      <ResultTable
        title={t('byPayer')}
        testId="simulation-payers"
        columns={[t('payer'), `${t('net')} — ${t('baseline')}`, `${t('net')} — ${t('simulated')}`, t('delta'), t('range')]}
        rows={payers.map((payer) => ({
          key: payer,
          testId: `payer-${payer}`,
          label: payerLabel(translate, payer),
          cells: [
            money(payerNet(baseline, payer)),
            money(payerNet(simulated, payer)),
            signedMoney(payerNet(delta, payer), locale),
            ranges ? `${money(payerNet(ranges.simulated.low, payer))} – ${money(payerNet(ranges.simulated.high, payer))}` : '—',
          ],
        }))}
      />
      <ResultTable
        title={t('byService')}
        testId="simulation-services"
        columns={[
          t('serviceCol'),
          `${t('cost')} — ${t('baseline')}`,
          `${t('cost')} — ${t('simulated')}`,
          `${t('netSavings')} — ${t('baseline')}`,
          `${t('netSavings')} — ${t('simulated')}`,
          t('delta'),
          t('range'),
        ]}
        rows={services.map((code) => ({
          key: code,
          testId: `service-${code}`,
          label: answer.services[code]?.label ?? code,
          cells: [
            money(baseline.services[code]?.cost),
            money(simulated.services[code]?.cost),
            money(net(baseline.services[code])),
            money(net(simulated.services[code])),
            signedMoney(net(delta.services[code]), locale),
            ranges ? `${money(net(ranges.simulated.low.services[code]))} – ${money(net(ranges.simulated.high.services[code]))}` : '—',
          ],
        }))}
      />
      <SimulationChecks checks={answer.checks} />
    </Stack>
  );
};

interface ResultRow {
  key: string;
  testId?: string;
  label: string;
  cells: readonly string[];
}

/** One titled table of the results: a row header in words, then right-aligned amounts. */
const ResultTable = ({ title, testId, columns, rows }: { title: string; testId: string; columns: readonly string[]; rows: readonly ResultRow[] }) => (
  <Box>
    <Typography variant="h6" component="h2">
      {title}
    </Typography>
    <TableContainer>
      <Table size="small" aria-label={title} data-testid={testId}>
        <TableHead>
          <TableRow>
            {columns.map((column, i) => (
              <TableCell key={column} align={i === 0 ? 'left' : 'right'}>
                {column}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={row.key} data-testid={row.testId}>
              <TableCell component="th" scope="row">
                {row.label}
              </TableCell>
              {row.cells.map((cell, i) => (
                <TableCell key={i} align="right">
                  {cell}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  </Box>
);

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
