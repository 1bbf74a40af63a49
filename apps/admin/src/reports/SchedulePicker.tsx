import { Box, MenuItem, TextField, Typography } from '@mui/material';
import { useInput, useTranslate } from 'react-admin';
import { cronToSchedule, scheduleText, scheduleToCron, type ScheduleChoice } from './schedule';

const HOURS = Array.from({ length: 24 }, (_, h) => h);
const DAYS = Array.from({ length: 28 }, (_, d) => d + 1);
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 0];

/**
 * « Chaque mois, le 5 à 8 h » instead of a cron expression: frequency, day and hour pickers that write the cron of the
 * `schedule` field; « autre » keeps a free expression for the rare case the pickers do not cover.
 */
export const SchedulePicker = ({ source = 'schedule' }: { source?: string }) => {
  const translate = useTranslate();
  const { field } = useInput({ source, defaultValue: '0 8 1 * *' });
  const choice = cronToSchedule(String(field.value ?? ''));
  const set = (next: ScheduleChoice) => field.onChange(scheduleToCron(next));
  const hour = 'hour' in choice ? choice.hour : 8;
  const day = 'day' in choice ? choice.day : 1;
  const changeKind = (kind: ScheduleChoice['kind']) => {
    if (kind === 'monthly' || kind === 'quarterly') set({ kind, day, hour });
    else if (kind === 'weekly') set({ kind, weekday: 1, hour });
    else set({ kind: 'custom', cron: scheduleToCron(choice) });
  };
  return (
    <Box component="fieldset" sx={{ border: 0, p: 0, m: 0, mb: 2 }} data-testid="schedule-picker">
      <Typography component="legend" variant="subtitle2" sx={{ mb: 1 }}>
        {translate('levier.schedule.label')}
      </Typography>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2 }}>
        <TextField
          select
          size="small"
          label={translate('levier.schedule.frequency')}
          value={choice.kind}
          onChange={(e) => changeKind(e.target.value as ScheduleChoice['kind'])}
          sx={{ minWidth: 220 }}
          slotProps={{ select: { inputProps: { 'data-testid': 'schedule-frequency' } } }}
        >
          <MenuItem value="monthly">{translate('levier.schedule.monthly')}</MenuItem>
          <MenuItem value="quarterly">{translate('levier.schedule.quarterly')}</MenuItem>
          <MenuItem value="weekly">{translate('levier.schedule.weekly')}</MenuItem>
          <MenuItem value="custom">{translate('levier.schedule.custom')}</MenuItem>
        </TextField>
        {choice.kind === 'monthly' || choice.kind === 'quarterly' ? (
          <TextField
            select
            size="small"
            label={translate('levier.schedule.day_of_month')}
            value={choice.day}
            onChange={(e) => set({ ...choice, day: Number(e.target.value) })}
            sx={{ minWidth: 140 }}
          >
            {DAYS.map((d) => (
              <MenuItem key={d} value={d}>
                {d === 1 ? translate('levier.schedule.first_day') : d}
              </MenuItem>
            ))}
          </TextField>
        ) : null}
        {choice.kind === 'weekly' ? (
          <TextField
            select
            size="small"
            label={translate('levier.schedule.weekday')}
            value={choice.weekday}
            onChange={(e) => set({ ...choice, weekday: Number(e.target.value) })}
            sx={{ minWidth: 160 }}
          >
            {WEEKDAYS.map((d) => (
              <MenuItem key={d} value={d}>
                {translate(`levier.schedule.weekdays.${d}`)}
              </MenuItem>
            ))}
          </TextField>
        ) : null}
        {choice.kind !== 'custom' ? (
          <TextField
            select
            size="small"
            label={translate('levier.schedule.hour')}
            value={hour}
            onChange={(e) => set({ ...choice, hour: Number(e.target.value) })}
            sx={{ minWidth: 120 }}
          >
            {HOURS.map((h) => (
              <MenuItem key={h} value={h}>
                {h} h
              </MenuItem>
            ))}
          </TextField>
        ) : (
          <TextField
            size="small"
            label={translate('levier.schedule.cron')}
            value={choice.cron}
            onChange={(e) => set({ kind: 'custom', cron: e.target.value })}
            sx={{ minWidth: 240 }}
          />
        )}
      </Box>
      <Typography variant="body2" sx={{ mt: 1, color: 'text.secondary' }} data-testid="schedule-summary">
        {translate('levier.schedule.summary', { text: scheduleText(choice, translate) })}
      </Typography>
    </Box>
  );
};

/** The schedule of a record in words (show and list views). */
export const ScheduleText = ({ cron }: { cron: string }) => {
  const translate = useTranslate();
  return <>{scheduleText(cronToSchedule(cron), translate)}</>;
};
