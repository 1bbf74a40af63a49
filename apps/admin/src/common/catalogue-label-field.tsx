/** A catalogue code held by a record (a service, an org unit) shown as its label: the user reads words, not codes. */
import { Typography } from '@mui/material';
import { useFieldValue, useGetList, type FieldProps } from 'react-admin';

type CatalogueLabelFieldProps = FieldProps & { source: string; reference: 'services' | 'org-units'; emptyText?: string };

const LABEL_OF: Record<CatalogueLabelFieldProps['reference'], 'label' | 'name'> = { services: 'label', 'org-units': 'name' };

export const CatalogueLabelField = ({ reference, emptyText = '', ...props }: CatalogueLabelFieldProps) => {
  const value: unknown = useFieldValue(props);
  const { data } = useGetList(reference, { pagination: { page: 1, perPage: 1000 }, sort: { field: 'code', order: 'ASC' } }, { retry: false });
  const entry = value === null || value === undefined ? undefined : (data ?? []).find((r) => r.code === value);
  return (
    <Typography component="span" variant="body2">
      {entry ? String(entry[LABEL_OF[reference]]) : emptyText}
    </Typography>
  );
};
