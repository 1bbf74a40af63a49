import { Alert, Box, Stack, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { formatMoney } from '../format/decimal-format';
import { payerLabel } from '../dashboard/payer-label';
import { useSimulationText } from './messages';
import { signedMoney, SimulationChecks } from './SimulationResults';
import type { Aggregate, SavedSimulationAnswer } from './simulation.types';

type Row = { key: string; label: string; value: (a: Aggregate) => string | null | undefined };

/** Two saved simulations side by side, each recomputed on today's data: simulated value and change, per indicator and per payer. */
export const CompareSimulations = ({ simulations }: { simulations: readonly SavedSimulationAnswer[] }) => {
  const { t, locale } = useSimulationText();
  const translate = useTranslate();
  const payers = [...new Set(simulations.flatMap((s) => Object.keys(s.simulated?.ledger ?? s.simulated?.byPayer ?? {})))];
  const rows: Row[] = [
    { key: 'netSavings', label: t('netSavings'), value: (a) => a.netSavings },
    { key: 'publicNetSavings', label: t('publicNetSavings'), value: (a) => a.publicNetSavings },
    { key: 'grossSavings', label: t('grossSavings'), value: (a) => a.grossSavings },
    { key: 'cost', label: t('cost'), value: (a) => a.cost },
    ...payers.map((payer) => ({
      key: `payer-${payer}`,
      label: `${t('net')} — ${payerLabel(translate, payer)}`,
      value: (a: Aggregate) => (a.ledger ? (a.ledger[payer]?.net ?? '0.00') : (a.byPayer[payer] ?? '0.00')),
    })),
  ];
  return (
    <Box data-testid="simulation-comparison">
      <Typography variant="h6" component="h2">
        {t('comparison')}
      </Typography>
      <TableContainer>
        <Table size="small" aria-label={t('comparison')}>
          <TableHead>
            <TableRow>
              <TableCell>{t('indicator')}</TableCell>
              {simulations.map((s) => (
                <TableCell key={s.id} align="right" colSpan={2}>
                  {s.name}
                </TableCell>
              ))}
            </TableRow>
            <TableRow>
              <TableCell />
              {simulations.flatMap((s) => [
                <TableCell key={`${s.id}-v`} align="right">
                  {t('simulated')}
                </TableCell>,
                <TableCell key={`${s.id}-d`} align="right">
                  {t('delta')}
                </TableCell>,
              ])}
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((row) => (
              <TableRow key={row.key} data-testid={`compare-${row.key}`}>
                <TableCell component="th" scope="row">
                  {row.label}
                </TableCell>
                {simulations.flatMap((s) => [
                  <TableCell key={`${s.id}-v`} align="right">
                    {s.simulated ? formatMoney(row.value(s.simulated), locale) : '—'}
                  </TableCell>,
                  <TableCell key={`${s.id}-d`} align="right">
                    {s.delta ? signedMoney(row.value(s.delta), locale) : '—'}
                  </TableCell>,
                ])}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ mt: 2 }}>
        {simulations.map((s) => (
          <Box key={s.id} sx={{ flex: 1 }}>
            <Typography variant="subtitle1" component="h3">
              {s.name}
            </Typography>
            {s.problems.length > 0 ? (
              <Alert severity="warning">
                {t('problems')} {s.problems.join(' ; ')}
              </Alert>
            ) : (
              <SimulationChecks checks={s.checks} />
            )}
          </Box>
        ))}
      </Stack>
    </Box>
  );
};
