import { Box, Card, CardContent, MenuItem, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { ReactNode, useEffect, useState } from 'react';
import { Title, useDataProvider, useTranslate } from 'react-admin';
import type { LevierDataProvider } from '../dataProvider';
import { useLocation } from 'react-router-dom';
import { defaultScope, isPeriod, scopeFromSearch } from '../dashboard/scope';
import { DownloadButton } from './DownloadButton';

/**
 * « Documents »: the documents for the board and the assembly for the current scope (taken from the dashboard's
 * address, editable here), each as PDF or accessible HTML, stamped and fingerprinted by the API.
 */
export const DocumentsPage = () => {
  const translate = useTranslate();
  const location = useLocation();
  const initial = scopeFromSearch(location.search, defaultScope(new Date()));
  const [orgUnit, setOrgUnit] = useState(initial.orgUnit);
  const [from, setFrom] = useState(initial.from);
  const [to, setTo] = useState(initial.to);
  const [year, setYear] = useState(initial.to.slice(0, 4));
  const scopeOk = isPeriod(from) && isPeriod(to);
  const yearOk = /^\d{4}$/.test(year);
  const scopeQuery = { ...(orgUnit.trim() ? { orgUnit: orgUnit.trim() } : {}), from, to };
  const dataProvider = useDataProvider<LevierDataProvider>();
  // saved simulations for the note to the board: null while unknown or when the reader may not simulate (viewer: 403)
  const [simulations, setSimulations] = useState<{ id: string; name: string }[] | null>(null);
  const [simulation, setSimulation] = useState('');
  useEffect(() => {
    if (!dataProvider.apiGet) return;
    dataProvider.apiGet<{ id: string; name: string }[]>(`/simulations?range=${encodeURIComponent('[0,99]')}`).then(
      (rows) => {
        const list = Array.isArray(rows) ? rows : [];
        setSimulations(list);
        setSimulation((current) => current || (list[0]?.id ?? ''));
      },
      () => setSimulations(null),
    );
  }, [dataProvider]);
  const documents: { key: string; path: string; query: Record<string, string>; ok: boolean; scope: ReactNode }[] = [
    {
      key: 'dossier',
      path: '/documents/dossier-methodologique',
      query: scopeQuery,
      ok: scopeOk,
      scope: `${orgUnit || translate('levier.dashboard.whole_organisation')}, ${from} → ${to}`,
    },
    { key: 'fongibilite', path: '/documents/fongibilite', query: { year }, ok: yearOk, scope: year },
    { key: 'in_kind', path: '/documents/prets-en-nature', query: { year }, ok: yearOk, scope: year },
    ...(simulations === null
      ? []
      : [
          {
            key: 'note_conseil',
            path: '/documents/note-conseil',
            query: { simulation },
            ok: simulation !== '',
            scope:
              simulations.length === 0 ? (
                translate('levier.documents.no_simulation')
              ) : (
                <TextField
                  select
                  size="small"
                  label={translate('levier.documents.simulation')}
                  value={simulation}
                  onChange={(e) => setSimulation(e.target.value)}
                  sx={{ minWidth: 240 }}
                >
                  {simulations.map((s) => (
                    <MenuItem key={s.id} value={s.id}>
                      {s.name}
                    </MenuItem>
                  ))}
                </TextField>
              ),
          },
        ]),
  ];
  return (
    <Box sx={{ py: 2 }}>
      <Title title="levier.documents.title" />
      <Typography component="h1" variant="h5" sx={{ fontWeight: 700, mb: 1 }}>
        {translate('levier.documents.title')}
      </Typography>
      <Typography variant="body2" sx={{ mb: 2, color: 'text.secondary' }}>
        {translate('levier.documents.intro')}
      </Typography>
      <Card variant="outlined" sx={{ mb: 2 }}>
        <CardContent sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
          <TextField size="small" label={translate('levier.documents.org_unit')} value={orgUnit} onChange={(e) => setOrgUnit(e.target.value)} />
          <TextField size="small" label={translate('levier.documents.from')} value={from} onChange={(e) => setFrom(e.target.value)} error={!isPeriod(from)} />
          <TextField size="small" label={translate('levier.documents.to')} value={to} onChange={(e) => setTo(e.target.value)} error={!isPeriod(to)} />
          <TextField size="small" label={translate('levier.documents.year')} value={year} onChange={(e) => setYear(e.target.value)} error={!yearOk} />
        </CardContent>
      </Card>
      <Table size="small" aria-label={translate('levier.documents.title')}>
        <TableHead>
          <TableRow>
            <TableCell component="th" scope="col">
              {translate('levier.documents.document')}
            </TableCell>
            <TableCell component="th" scope="col">
              {translate('levier.documents.scope')}
            </TableCell>
            <TableCell component="th" scope="col">
              {translate('levier.documents.download')}
            </TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {documents.map((d) => (
            <TableRow key={d.key} data-testid={`document-${d.key}`}>
              <TableCell component="th" scope="row">
                <Typography variant="body2" sx={{ fontWeight: 600 }}>
                  {translate(`levier.documents.${d.key}.name`)}
                </Typography>
                <Typography variant="body2" sx={{ color: 'text.secondary' }}>
                  {translate(`levier.documents.${d.key}.description`)}
                </Typography>
              </TableCell>
              <TableCell>{d.scope}</TableCell>
              <TableCell>
                <Box sx={{ display: 'flex', gap: 1 }}>
                  {d.ok
                    ? (['pdf', 'html'] as const).map((format) => (
                        <DownloadButton
                          key={format}
                          path={d.path}
                          query={{ ...d.query, format }}
                          label={format.toUpperCase()}
                          ariaLabel={`${translate(`levier.documents.${d.key}.name`)} — ${format.toUpperCase()}`}
                          testId={`document-${d.key}-${format}`}
                        />
                      ))
                    : d.key === 'note_conseil'
                      ? null
                      : translate('levier.documents.invalid')}
                </Box>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
};
