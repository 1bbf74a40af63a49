/**
 * A catalogue code held by a record (a service, an org unit), or a list of them, shown as its label: the user reads
 * words, not codes. Nothing is shown until the catalogue has loaded (never the code in the meantime).
 */
import { Typography } from '@mui/material';
import { useFieldValue, useGetList, type FieldProps } from 'react-admin';

type CatalogueLabelFieldProps = FieldProps & { source: string; reference: 'services' | 'org-units'; emptyText?: string };

const LABEL_OF: Record<CatalogueLabelFieldProps['reference'], 'label' | 'name'> = { services: 'label', 'org-units': 'name' };

export const CatalogueLabelField = ({ reference, emptyText = '', ...props }: CatalogueLabelFieldProps) => {
  const value: unknown = useFieldValue(props);
  const { data } = useGetList(reference, { pagination: { page: 1, perPage: 1000 }, sort: { field: 'code', order: 'ASC' } }, { retry: false });
  const codes = Array.isArray(value) ? value.map(String) : value === null || value === undefined ? [] : [String(value)];
  const labels = codes.flatMap((code) => {
    const entry = (data ?? []).find((r) => r.code === code);
    return entry ? [String(entry[LABEL_OF[reference]])] : [];
  });
  return (
    <Typography component="span" variant="body2">
      {labels.length > 0 ? labels.join(', ') : emptyText}
    </Typography>
  );
};
