/** A target's indicator and unit in words (the label, the unit's name), never their codes. */
import { Typography } from '@mui/material';
import { useGetList, useRecordContext, useTranslate } from 'react-admin';

const ALL = { pagination: { page: 1, perPage: 1000 }, sort: { field: 'code', order: 'ASC' as const } };

/** code → label of the organisation's custom indicators. */
export const useCustomIndicatorLabels = (): Map<string, string> => {
  const { data } = useGetList('custom-indicators', ALL, { retry: false });
  return new Map((data ?? []).map((c) => [String(c.code), String(c.label)]));
};

/** The French label of a system indicator (the dashboard's), or the custom indicator's label; the code only while loading fails. */
export const useIndicatorLabel = (): ((code: string) => string) => {
  const translate = useTranslate();
  const custom = useCustomIndicatorLabels();
  return (code) => custom.get(code) ?? translate(`levier.headline.${code}`, { _: translate(`levier.details.${code}`, { _: '' }) });
};

export const IndicatorLabelField = (_props: { source?: string; label?: string }) => {
  const record = useRecordContext();
  const labelOf = useIndicatorLabel();
  return record ? (
    <Typography variant="body2" component="span">
      {labelOf(String(record.indicator))}
    </Typography>
  ) : null;
};

export const UnitNameField = (_props: { source?: string; label?: string }) => {
  const record = useRecordContext();
  const { data } = useGetList('org-units', ALL, { retry: false });
  if (!record) return null;
  const unit = (data ?? []).find((u) => u.code === record.orgUnit);
  return (
    <Typography variant="body2" component="span">
      {unit ? String(unit.name) : ''}
    </Typography>
  );
};
