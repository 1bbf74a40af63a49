import { Alert, Table, TableBody, TableCell, TableContainer, TableRow, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useDataProvider, useRecordContext } from 'react-admin';
import { Link as RouterLink } from 'react-router-dom';
import type { LevierDataProvider } from '../dataProvider';
import { frenchDecimal } from '../data-entry/period-label';
import { TableHeading } from '../common/TableHeading';

interface FigureChange {
  id: string;
  at: string;
  actorName: string | null;
  old: string | null;
  new: string | null;
  source: string | null;
  submissionId: string | null;
  fileName: string | null;
  reason: string | null;
}

const SOURCES: Record<string, string> = { import: 'Import de fichier', grid: 'Saisie en grille', form: 'Correction unitaire', api: 'API' };
const localTime = (iso: string): string => new Date(iso).toLocaleString('fr-FR', { dateStyle: 'short', timeStyle: 'short' });

/** The figure's history (GET /api/figures/:id/history): who, when, old → new, through which submission, why. */
export const FigureHistory = () => {
  const record = useRecordContext<{ id: string }>();
  const dataProvider = useDataProvider<LevierDataProvider>();
  const [rows, setRows] = useState<FigureChange[] | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (!record?.id || !dataProvider.apiGet) return;
    dataProvider
      .apiGet<FigureChange[]>(`/figures/${encodeURIComponent(String(record.id))}/history`)
      .then(setRows)
      .catch(() => setFailed(true));
  }, [record?.id, dataProvider]);
  if (failed) return <Alert severity="warning">Historique indisponible pour le moment.</Alert>;
  if (rows === null) return <Typography role="status">Chargement de l’historique…</Typography>;
  return (
    <TableContainer>
      <Table size="small" aria-label="Historique du chiffre" data-testid="figure-history">
        <TableHeading caption="Historique" headers={['Le', 'Par', 'Avant', 'Après', 'Origine', 'Motif']} />
        <TableBody>
          {rows.map((c) => (
            <TableRow key={c.id}>
              <TableCell>{localTime(c.at)}</TableCell>
              <TableCell>{c.actorName ?? '—'}</TableCell>
              <TableCell align="right">{c.old === null ? 'création' : frenchDecimal(c.old)}</TableCell>
              <TableCell align="right">{frenchDecimal(c.new)}</TableCell>
              <TableCell>
                {c.submissionId ? (
                  <RouterLink to={`/submissions/${c.submissionId}/show`}>{c.fileName ?? SOURCES[c.source ?? ''] ?? 'Soumission'}</RouterLink>
                ) : (
                  (SOURCES[c.source ?? ''] ?? '—')
                )}
              </TableCell>
              <TableCell>{c.reason ?? '—'}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
};
