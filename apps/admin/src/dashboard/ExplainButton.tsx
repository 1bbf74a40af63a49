import HelpOutlineIcon from '@mui/icons-material/HelpOutline';
import { Button } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { ExplainableIndicator } from '@levier/contracts';

/** "Comment est-ce calculé ?" — names the indicator for screen readers. */
export const ExplainButton = ({ indicator, onExplain }: { indicator: ExplainableIndicator; onExplain: (indicator: ExplainableIndicator) => void }) => {
  const translate = useTranslate();
  return (
    <Button
      size="small"
      variant="text"
      startIcon={<HelpOutlineIcon fontSize="small" />}
      onClick={() => onExplain(indicator)}
      aria-label={translate('levier.explain.button_for', { indicator: translate(`levier.indicators.${indicator}`) })}
      className="levier-no-print"
      sx={{ px: 0.5, minWidth: 0, textTransform: 'none' }}
      data-testid={`explain-${indicator}`}
    >
      {translate('levier.explain.button')}
    </Button>
  );
};
