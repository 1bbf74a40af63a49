import { Box, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { DownloadButton } from '../documents/DownloadButton';

const lastMonth = (): string => {
  const d = new Date();
  d.setMonth(d.getMonth() - 1);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
};
const TEMPLATE_PERIOD = /^\d{4}-((0[1-9]|1[0-2])|[QT][1-4])$/;

/** The pre-filled template of a period (units the user enters × services × expected metrics), as Excel or CSV. */
export const TemplateDownload = () => {
  const translate = useTranslate();
  const [period, setPeriod] = useState(lastMonth());
  const valid = TEMPLATE_PERIOD.test(period);
  return (
    <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'flex-start', gap: 2, mb: 2 }} data-testid="template-download">
      <Typography variant="body2" sx={{ flexBasis: '100%' }}>
        {translate('levier.month_end.files.template_help')}
      </Typography>
      <TextField
        size="small"
        label={translate('levier.month_end.files.template_period')}
        value={period}
        onChange={(e) => setPeriod(e.target.value.trim())}
        error={!valid}
        helperText={translate(valid ? 'levier.month_end.files.template_period_help' : 'levier.month_end.files.template_period_invalid')}
        sx={{ width: 200 }}
      />
      {valid ? (
        <>
          <DownloadButton
            path="/submission-template"
            query={{ period, format: 'xlsx' }}
            label={translate('levier.month_end.files.template_xlsx')}
            testId="template-xlsx"
          />
          <DownloadButton
            path="/submission-template"
            query={{ period, format: 'csv' }}
            label={translate('levier.month_end.files.template_csv')}
            testId="template-csv"
          />
        </>
      ) : null}
    </Box>
  );
};

/** The row-error report of a submission (or of its preview), as CSV or Excel. */
export const ErrorReportDownload = ({ submissionId }: { submissionId: string }) => {
  const translate = useTranslate();
  return (
    <Box sx={{ display: 'flex', gap: 1, mb: 2 }} data-testid="error-report-download">
      <DownloadButton
        path={`/submissions/${encodeURIComponent(submissionId)}/errors`}
        query={{ format: 'csv' }}
        label={translate('levier.month_end.files.errors_csv')}
        testId="errors-csv"
      />
      <DownloadButton
        path={`/submissions/${encodeURIComponent(submissionId)}/errors`}
        query={{ format: 'xlsx' }}
        label={translate('levier.month_end.files.errors_xlsx')}
        testId="errors-xlsx"
      />
    </Box>
  );
};
