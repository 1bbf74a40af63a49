import { Alert, Box, Table, TableBody, TableCell, TableContainer, TableRow, Typography } from '@mui/material';
import { Link as RouterLink } from 'react-router-dom';
import { SubmissionErrorsTable, SubmissionFlagsTable } from '../submissions/SubmissionIssueTables';
import { frenchDecimal, periodLabel } from './period-label';
import type { SubmissionPreviewData } from './submission-status';
import { ErrorReportDownload } from './ImportFileDownloads';
import { TableHeading } from '../common/TableHeading';

/**
 * What applying the file would do: counts, every stored value it changes (old → new, in words), its errors and flags;
 * `submissionId` offers the error report (CSV, Excel) when the preview has errors.
 */
export const SubmissionPreview = ({ preview, fileName, submissionId }: { preview: SubmissionPreviewData; fileName: string | null; submissionId?: string }) => {
  const { created, changed, unchanged, flagged, errors } = preview;
  // money by the metric's unit the API sends with each change (never by its label)
  const amount = (value: string, unit: string | undefined) => `${frenchDecimal(value)}${unit === '€' ? '\u00a0€' : ''}`;
  return (
    <Box data-testid="submission-preview" aria-live="polite">
      <Typography variant="h6" component="h2" sx={{ mb: 1 }}>
        Aperçu avant enregistrement{fileName ? ` — ${fileName}` : ''}
      </Typography>
      <Typography variant="body2" data-testid="preview-counts" sx={{ mb: 2 }}>
        {created} nouvelle{created > 1 ? 's' : ''} valeur{created > 1 ? 's' : ''}, {changed.length} valeur{changed.length > 1 ? 's' : ''} modifiée
        {changed.length > 1 ? 's' : ''}, {unchanged} inchangée{unchanged > 1 ? 's' : ''}, {flagged.length} signalement{flagged.length > 1 ? 's' : ''},{' '}
        {errors.length} erreur{errors.length > 1 ? 's' : ''}. Rien n’est enregistré tant que vous n’avez pas appliqué.
      </Typography>
      {errors.length > 0 ? (
        <>
          <Alert severity="error" sx={{ mb: 2 }}>
            Le fichier ne peut pas être enregistré : corrigez les {errors.length} erreur{errors.length > 1 ? 's' : ''} ci-dessous, puis déposez-le de nouveau.
          </Alert>
          {submissionId ? <ErrorReportDownload submissionId={submissionId} /> : null}
          <SubmissionErrorsTable errors={errors} />
        </>
      ) : null}
      {changed.length > 0 ? (
        <TableContainer sx={{ maxHeight: 360, mb: 2 }} tabIndex={0}>
          <Table size="small" stickyHeader aria-label="Valeurs modifiées" data-testid="preview-changes">
            <TableHeading
              caption="Valeurs déjà saisies que ce fichier remplace"
              headers={['Unité', 'Service', 'Indicateur', 'Période', 'Avant', 'Après', '']}
            />
            <TableBody>
              {changed.map((c) => (
                <TableRow key={c.figureId}>
                  <TableCell>{c.orgUnit}</TableCell>
                  <TableCell>{c.service}</TableCell>
                  <TableCell>{c.metric}</TableCell>
                  <TableCell>{periodLabel(c.period)}</TableCell>
                  <TableCell align="right">{amount(c.old, c.unit)}</TableCell>
                  <TableCell align="right">{amount(c.new, c.unit)}</TableCell>
                  <TableCell>
                    <RouterLink to={`/figures/${c.figureId}/show`}>Historique</RouterLink>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      ) : null}
      {flagged.length > 0 ? <SubmissionFlagsTable flags={flagged} /> : null}
    </Box>
  );
};
