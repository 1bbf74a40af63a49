import DeleteIcon from '@mui/icons-material/Delete';
import { Box, Card, CardContent, IconButton, MenuItem, Slider, Stack, TextField, Typography } from '@mui/material';
import { formatMoney } from '../format/decimal-format';
import { redeployAmount } from './levers';
import { useSimulationText } from './messages';
import type { LeverJson } from './simulation.types';

export interface ServiceOption {
  code: string;
  label: string;
}

const ServiceSelect = ({
  label,
  value,
  services,
  onChange,
  testId,
}: {
  label: string;
  value: string;
  services: readonly ServiceOption[];
  onChange: (code: string) => void;
  testId: string;
}) => (
  <TextField
    select
    size="small"
    label={label}
    value={services.some((s) => s.code === value) ? value : ''}
    onChange={(e) => onChange(e.target.value)}
    sx={{ minWidth: 220 }}
    slotProps={{ htmlInput: { 'data-testid': testId } }}
  >
    {services.map((s) => (
      <MenuItem key={s.code} value={s.code}>
        {s.label} ({s.code})
      </MenuItem>
    ))}
  </TextField>
);

/** A number both as a slider and as a typed amount (decimal string, never a float sent back). */
const SliderField = ({
  label,
  value,
  min,
  max,
  step,
  onChange,
  testId,
}: {
  label: string;
  value: string;
  min: number;
  max: number;
  step: number;
  onChange: (value: string) => void;
  testId: string;
}) => {
  const numeric = Number(value);
  return (
    <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flex: 1, minWidth: 280 }}>
      <Slider
        aria-label={label}
        value={Number.isFinite(numeric) ? Math.min(Math.max(numeric, min), max) : min}
        min={min}
        max={max}
        step={step}
        onChange={(_, v) => onChange(String(Array.isArray(v) ? v[0] : v))}
        sx={{ flex: 1 }}
        data-testid={`${testId}-slider`}
      />
      <TextField
        size="small"
        label={label}
        value={value}
        onChange={(e) => onChange(e.target.value.replace(',', '.').replace(/\s/g, ''))}
        sx={{ width: 150 }}
        slotProps={{ htmlInput: { inputMode: 'decimal', 'data-testid': testId } }}
      />
    </Stack>
  );
};

/** One lever's card: its kind in words, its services, and its amount or factor (slider and field). */
export const LeverEditor = ({
  lever,
  index,
  services,
  maxAmount,
  onChange,
  onRemove,
}: {
  lever: LeverJson;
  index: number;
  services: readonly ServiceOption[];
  /** Upper bound of the amount slider (the source's cost in the baseline, when known). */
  maxAmount: number;
  onChange: (lever: LeverJson) => void;
  onRemove: () => void;
}) => {
  const { t, locale } = useSimulationText();
  const id = `lever-${index}`;
  const title = lever.kind === 'scale' ? t('kindScale') : lever.kind === 'move' ? t('kindMove') : t('kindRedeploy');
  return (
    <Card variant="outlined" data-testid={id}>
      <CardContent>
        <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', mb: 1 }}>
          <Typography variant="subtitle1" component="h3">
            {index + 1}. {title}
          </Typography>
          <IconButton aria-label={`${t('remove')} ${index + 1}`} onClick={onRemove} size="small">
            <DeleteIcon fontSize="small" />
          </IconButton>
        </Stack>
        <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, alignItems: 'center' }}>
          {lever.kind === 'scale' ? (
            <>
              <ServiceSelect
                label={t('service')}
                value={lever.service}
                services={services}
                onChange={(service) => onChange({ ...lever, service })}
                testId={`${id}-service`}
              />
              <SliderField
                label={t('factor')}
                value={lever.factor}
                min={0.1}
                max={3}
                step={0.05}
                onChange={(factor) => onChange({ ...lever, factor })}
                testId={`${id}-factor`}
              />
            </>
          ) : (
            <>
              <ServiceSelect
                label={t('fromService')}
                value={lever.fromService}
                services={services}
                onChange={(fromService) => onChange({ ...lever, fromService })}
                testId={`${id}-from`}
              />
              <ServiceSelect
                label={t('toService')}
                value={lever.toService}
                services={services}
                onChange={(toService) => onChange({ ...lever, toService })}
                testId={`${id}-to`}
              />
              {lever.kind === 'move' ? (
                <>
                  <SliderField
                    label={t('amount')}
                    value={lever.amount}
                    min={0}
                    max={Math.max(1000, maxAmount)}
                    step={1000}
                    onChange={(amount) => onChange({ ...lever, amount })}
                    testId={`${id}-amount`}
                  />
                  <TextField
                    size="small"
                    label={t('chapter')}
                    value={lever.chapter ?? ''}
                    onChange={(e) => onChange({ ...lever, chapter: e.target.value.trim() })}
                    sx={{ width: 170 }}
                    slotProps={{ htmlInput: { 'data-testid': `${id}-chapter` } }}
                  />
                </>
              ) : (
                <>
                  <SliderField
                    label={t('fteDays')}
                    value={lever.fteDays}
                    min={0}
                    max={500}
                    step={5}
                    onChange={(fteDays) => onChange({ ...lever, fteDays })}
                    testId={`${id}-days`}
                  />
                  <TextField
                    size="small"
                    label={t('dailyCost')}
                    value={lever.dailyCost}
                    onChange={(e) => onChange({ ...lever, dailyCost: e.target.value.replace(',', '.').replace(/\s/g, '') })}
                    sx={{ width: 150 }}
                    slotProps={{ htmlInput: { inputMode: 'decimal', 'data-testid': `${id}-daily` } }}
                  />
                  <Typography variant="body2" color="text.secondary">
                    {t('redeployValue', { amount: formatMoney(redeployAmount(lever.fteDays, lever.dailyCost) || null, locale) })}
                  </Typography>
                </>
              )}
            </>
          )}
        </Box>
      </CardContent>
    </Card>
  );
};
