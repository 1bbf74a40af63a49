/**
 * A value withheld by statistical secrecy (docs/product-rules.md#dashboard: a figure resting on fewer than 5 beneficiaries is masked for
 * `viewer` accounts). The API sends `masked: true` and null numbers; the screen says so in words — never « 0 », never
 * « — », never an empty cell — with the reason on hover and keyboard focus. One presentation for savings and custom
 * indicators, previews and alerts.
 */
import VisibilityOffOutlinedIcon from '@mui/icons-material/VisibilityOffOutlined';
import { Box, Tooltip } from '@mui/material';
import { useTranslate } from 'react-admin';

export const MASKED_TEST_ID = 'masked-value';

export const MaskedValue = ({ testId = MASKED_TEST_ID }: { testId?: string }) => {
  const translate = useTranslate();
  return (
    <Tooltip title={translate('levier.masked.help')} describeChild>
      <Box
        component="span"
        tabIndex={0}
        data-testid={testId}
        sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5, color: 'text.secondary', fontStyle: 'italic', fontWeight: 'inherit' }}
      >
        <VisibilityOffOutlinedIcon fontSize="inherit" aria-hidden />
        {translate('levier.masked.label')}
      </Box>
    </Tooltip>
  );
};
