/**
 * The period workflow (docs/product-rules.md#ingestion): `GET /api/periods` lists each unit's period status; `POST /api/periods/:action`
 * submits, approves (locks) or reopens (with a reason, kept in the audit log) a period of a unit and its leaves.
 */
import LockIcon from '@mui/icons-material/Lock';
import LockOpenIcon from '@mui/icons-material/LockOpen';
import SendIcon from '@mui/icons-material/Send';
import {
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  MenuItem,
  Paper,
  TextField as MuiTextField,
  Typography,
} from '@mui/material';
import { useId, useState } from 'react';
import {
  DataTable,
  DateField,
  SelectInput,
  TextInput,
  useCanAccess,
  useDataProvider,
  useGetList,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { EnumField } from '../common/fields';
import { OrgUnitCodeInput } from '../common/inputs';
import { LevierList } from '../common/LevierList';
import { enumChoices } from '../common/validators';
import { isPeriod } from '../dashboard/scope';
import type { LevierDataProvider } from '../dataProvider';
import { periodLabel } from '../data-entry/period-label';
import { PeriodHistory } from './PeriodHistory';

export type PeriodAction = 'submit' | 'approve' | 'reopen';
export const PERIOD_STATUSES = ['draft', 'submitted', 'approved'] as const;

/** Which actions make sense from a status (the API refuses the others with a 409). */
export const actionsFor = (status: string): PeriodAction[] =>
  status === 'approved' ? ['reopen'] : status === 'submitted' ? ['approve'] : ['submit', 'approve'];

const usePeriodAction = () => {
  const dataProvider = useDataProvider<LevierDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  return async (action: PeriodAction, body: { orgUnit: string; period: string; reason?: string }): Promise<boolean> => {
    try {
      const { json } = await dataProvider.apiPost!<Array<{ orgUnit: string }>>(`/periods/${action}`, body);
      notify(`levier.periods.done_${action}`, { type: 'success', messageArgs: { period: body.period, count: Array.isArray(json) ? json.length : 0 } });
      refresh();
      return true;
    } catch (error) {
      notify(error instanceof Error ? error.message : 'levier.errors.server', { type: 'error' });
      return false;
    }
  };
};

const ICONS: Record<PeriodAction, typeof LockIcon> = { submit: SendIcon, approve: LockIcon, reopen: LockOpenIcon };

/** The reason asked before reopening an approved period. */
const ReopenDialog = ({ open, onClose, onConfirm, what }: { open: boolean; onClose: () => void; onConfirm: (reason: string) => void; what: string }) => {
  const translate = useTranslate();
  const titleId = useId();
  const [reason, setReason] = useState('');
  const valid = reason.trim().length >= 3;
  return (
    <Dialog open={open} onClose={onClose} aria-labelledby={titleId} fullWidth maxWidth="sm">
      <DialogTitle id={titleId}>{translate('levier.periods.reopen_title', { what })}</DialogTitle>
      <DialogContent>
        <Typography variant="body2" sx={{ mb: 2 }}>
          {translate('levier.periods.reopen_help')}
        </Typography>
        <MuiTextField
          autoFocus
          fullWidth
          multiline
          minRows={2}
          label={translate('levier.periods.reason')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          error={reason !== '' && !valid}
          helperText={reason !== '' && !valid ? translate('levier.periods.reason_short') : ' '}
          slotProps={{ htmlInput: { 'data-testid': 'reopen-reason' } }}
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
        <Button variant="contained" disabled={!valid} onClick={() => onConfirm(reason.trim())} data-testid="reopen-confirm">
          {translate('levier.periods.action_reopen')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};

const RowActions = () => {
  const record = useRecordContext<{ orgUnit: string; period: string; status: string }>();
  const translate = useTranslate();
  const act = usePeriodAction();
  const [reopening, setReopening] = useState(false);
  const { canAccess } = useCanAccess({ resource: 'periods', action: 'edit' });
  if (!record || !canAccess) return null;
  const what = `${record.orgUnit} ${record.period}`;
  return (
    <Box sx={{ display: 'flex', gap: 1 }}>
      {actionsFor(record.status).map((action) => {
        const Icon = ICONS[action];
        return (
          <Button
            key={action}
            size="small"
            startIcon={<Icon />}
            aria-label={`${translate(`levier.periods.action_${action}`)} ${what}`}
            onClick={() => (action === 'reopen' ? setReopening(true) : void act(action, { orgUnit: record.orgUnit, period: record.period }))}
          >
            {translate(`levier.periods.action_${action}`)}
          </Button>
        );
      })}
      <ReopenDialog
        open={reopening}
        what={what}
        onClose={() => setReopening(false)}
        onConfirm={(reason) => {
          setReopening(false);
          void act('reopen', { orgUnit: record.orgUnit, period: record.period, reason });
        }}
      />
    </Box>
  );
};

/** Acts on any unit and period, even one without a status row yet (every period starts as a draft). */
const PeriodActionPanel = () => {
  const translate = useTranslate();
  const act = usePeriodAction();
  const headingId = useId();
  const { canAccess } = useCanAccess({ resource: 'periods', action: 'edit' });
  const units = useGetList('org-units', { pagination: { page: 1, perPage: 1000 }, sort: { field: 'code', order: 'ASC' } }, { retry: false });
  const [orgUnit, setOrgUnit] = useState('');
  const [period, setPeriod] = useState('');
  const [reopening, setReopening] = useState(false);
  const [confirming, setConfirming] = useState<'submit' | 'approve' | null>(null);
  if (!canAccess) return null;
  const ready = orgUnit !== '' && isPeriod(period.trim());
  const body = { orgUnit, period: period.trim() };
  return (
    <Paper component="section" aria-labelledby={headingId} variant="outlined" sx={{ p: 2, mb: 2 }} data-testid="period-actions">
      <Typography id={headingId} component="h2" variant="subtitle1" sx={{ fontWeight: 600, mb: 1 }}>
        {translate('levier.periods.panel_title')}
      </Typography>
      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', alignItems: 'center' }}>
        <MuiTextField
          select
          size="small"
          label={translate('resources.periods.fields.orgUnit')}
          value={orgUnit}
          onChange={(e) => setOrgUnit(e.target.value)}
          sx={{ minWidth: 260 }}
          slotProps={{ htmlInput: { 'data-testid': 'period-org-unit' } }}
        >
          {(units.data ?? []).map((u) => (
            <MenuItem key={String(u.code)} value={String(u.code)}>
              {String(u.name ?? u.code)}
            </MenuItem>
          ))}
        </MuiTextField>
        <MuiTextField
          size="small"
          label={translate('resources.periods.fields.period')}
          value={period}
          onChange={(e) => setPeriod(e.target.value)}
          error={period !== '' && !isPeriod(period.trim())}
          helperText={translate('levier.scope.period_help')}
          slotProps={{ htmlInput: { 'data-testid': 'period-code' } }}
        />
        {(['submit', 'approve', 'reopen'] as const).map((action) => {
          const Icon = ICONS[action];
          return (
            <Button
              key={action}
              variant={action === 'approve' ? 'contained' : 'outlined'}
              startIcon={<Icon />}
              disabled={!ready}
              onClick={() => (action === 'reopen' ? setReopening(true) : setConfirming(action))}
            >
              {translate(`levier.periods.action_${action}`)}
            </Button>
          );
        })}
      </Box>
      <Dialog open={confirming !== null} onClose={() => setConfirming(null)} aria-labelledby="period-confirm-title">
        <DialogTitle id="period-confirm-title">{confirming === 'approve' ? 'Approuver la période ?' : 'Soumettre la période ?'}</DialogTitle>
        <DialogContent>
          <DialogContentText>
            {confirming === 'approve'
              ? `Approuver ${orgUnit} ${period} la verrouille : plus aucune correction sans la rouvrir avec un motif. Une autre personne que celle qui l’a soumise doit l’approuver.`
              : `Soumettre ${orgUnit} ${period} pour approbation : une autre personne devra l’approuver.`}
          </DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setConfirming(null)}>Annuler</Button>
          <Button
            variant="contained"
            data-testid="period-confirm"
            onClick={() => {
              const action = confirming;
              setConfirming(null);
              if (action) void act(action, body);
            }}
          >
            {confirming === 'approve' ? 'Approuver' : 'Soumettre'}
          </Button>
        </DialogActions>
      </Dialog>
      <ReopenDialog
        open={reopening}
        what={`${orgUnit} ${period}`}
        onClose={() => setReopening(false)}
        onConfirm={(reason) => {
          setReopening(false);
          void act('reopen', { ...body, reason });
        }}
      />
    </Paper>
  );
};

/** The unit by name (« Antenne Valmont Nord »), its code only while the names load. */
const UnitName = () => {
  const record = useRecordContext<{ orgUnit?: string }>();
  const units = useGetList('org-units', { pagination: { page: 1, perPage: 1000 }, sort: { field: 'code', order: 'ASC' } }, { retry: false });
  const code = record?.orgUnit ?? '';
  return <span>{String(units.data?.find((u) => u.code === code)?.name ?? code)}</span>;
};

const filters = [
  <OrgUnitCodeInput key="orgUnit" source="orgUnit" alwaysOn />,
  <TextInput key="period" source="period" alwaysOn />,
  <SelectInput key="status" source="status" choices={enumChoices('figure_status', PERIOD_STATUSES)} alwaysOn />,
];

export const PeriodList = () => (
  <LevierList filters={filters} sort={{ field: 'period', order: 'DESC' }} perPage={50} empty={false}>
    <PeriodActionPanel />
    <DataTable bulkActionButtons={false} rowClick="expand" expand={<PeriodHistory />}>
      <DataTable.Col source="orgUnit">
        <UnitName />
      </DataTable.Col>
      <DataTable.Col source="period" render={(record) => periodLabel(String(record.period ?? ''))} />
      <DataTable.Col source="status">
        <EnumField source="status" enumName="figure_status" />
      </DataTable.Col>
      <DataTable.Col source="reason" disableSort />
      <DataTable.Col source="updatedAt">
        <DateField source="updatedAt" showTime locales="fr-FR" />
      </DataTable.Col>
      <DataTable.Col label="levier.periods.actions" disableSort>
        <RowActions />
      </DataTable.Col>
    </DataTable>
  </LevierList>
);

export default { list: PeriodList, icon: LockIcon };
