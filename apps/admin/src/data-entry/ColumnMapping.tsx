import { Box, MenuItem, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, TextField, Typography } from '@mui/material';

export type ImportLayout = 'long' | 'periods_as_columns' | 'metrics_as_columns';
type Field = 'orgUnit' | 'service' | 'metric' | 'period' | 'value';

/** What the user says of the file's columns (the API's `mapping`), and the template name to save it under. */
export interface ColumnMappingValue {
  layout: ImportLayout;
  headerLine: string;
  columns: Partial<Record<Field, string>>;
  /** Header texts of columns to leave out (a total): in wide layouts every other column holds values. */
  ignore: string[];
  skipLines: string;
  saveAs: string;
}

/** `POST /api/submissions/inspect` (apps/api/src/figures/submission-files/submission-inspect.service.ts): one sheet of the file. */
export interface SheetInspection {
  name: string | null;
  headerLine: number | null;
  detected: { layout: ImportLayout; columns: Partial<Record<Field | 'comment', string>>; valueColumns: string[] } | null;
  headers: string[];
  firstLines: { line: number; cells: string[] }[];
  sample: { line: number; cells: string[] }[];
}

export interface FileInspection {
  fileName: string | null;
  format: 'csv' | 'xlsx';
  sheets: SheetInspection[];
}

export const EMPTY_MAPPING: ColumnMappingValue = { layout: 'long', headerLine: '', columns: {}, ignore: [], skipLines: '', saveAs: '' };

/** The mapping step's starting point for a read file: its header line, and what detection found when it found it. */
export const mappingFromInspection = (sheet: SheetInspection, current: ColumnMappingValue): ColumnMappingValue => {
  const headerLine = sheet.headerLine === null ? '' : String(sheet.headerLine);
  if (!sheet.detected) return { ...current, headerLine };
  const { orgUnit, service, metric, period, value } = sheet.detected.columns;
  const columns = Object.fromEntries(Object.entries({ orgUnit, service, metric, period, value }).filter(([, h]) => h !== undefined)) as Partial<
    Record<Field, string>
  >;
  return { ...current, layout: sheet.detected.layout, headerLine, columns };
};

const LAYOUTS: Record<ImportLayout, string> = {
  long: 'Une ligne par chiffre (unité, service, indicateur, période, valeur)',
  periods_as_columns: 'Les périodes en colonnes (janv. 2024, févr. 2024…)',
  metrics_as_columns: 'Les indicateurs en colonnes (Dépenses, Bénéficiaires…)',
};
const FIELDS: Record<ImportLayout, Field[]> = {
  long: ['orgUnit', 'service', 'metric', 'period', 'value'],
  periods_as_columns: ['orgUnit', 'service', 'metric'],
  metrics_as_columns: ['orgUnit', 'service', 'period'],
};
const FIELD_LABELS: Record<Field, string> = {
  orgUnit: 'Colonne de l’unité',
  service: 'Colonne du service',
  metric: 'Colonne de l’indicateur',
  period: 'Colonne de la période',
  value: 'Colonne de la valeur',
};
const VALUES_ARE: Record<ImportLayout, string> = {
  long: '',
  periods_as_columns: 'chaque autre colonne est une période',
  metrics_as_columns: 'chaque autre colonne est un indicateur',
};

/** The mapping the API takes: only the columns of the chosen layout, the header line and the lines to skip as numbers. */
export const toImportMapping = (v: ColumnMappingValue): Record<string, unknown> => {
  const columns = Object.fromEntries(FIELDS[v.layout].map((f) => [f, v.columns[f]?.trim() ?? '']).filter(([, h]) => h !== ''));
  const skip = v.skipLines
    .split(/[\s,;]+/)
    .filter((s) => s !== '')
    .map(Number);
  const used = new Set(Object.values(columns));
  const ignore = v.layout === 'long' ? [] : v.ignore.filter((h) => !used.has(h));
  return {
    layout: v.layout,
    columns,
    ...(v.headerLine.trim() !== '' ? { headerLine: Number(v.headerLine) } : {}),
    ...(ignore.length > 0 ? { ignore } : {}),
    ...(skip.length > 0 ? { skipLines: skip } : {}),
  };
};

const short = (cells: readonly string[]): string => {
  const text = cells.filter((c) => c.trim() !== '').join(' · ');
  return text.length > 80 ? `${text.slice(0, 79)}…` : text || '(ligne vide)';
};

/** The first lines of the sheet as the file holds them, numbered, the header line marked: to choose lines to skip. */
const FirstLines = ({ sheet, headerLine }: { sheet: SheetInspection; headerLine: number | null }) => {
  const width = Math.min(8, Math.max(0, ...sheet.firstLines.map((l) => l.cells.length)));
  return (
    <TableContainer sx={{ maxHeight: 260, border: 1, borderColor: 'divider', borderRadius: 1 }} tabIndex={0}>
      <Table size="small" stickyHeader aria-label="Premières lignes du fichier" data-testid="mapping-first-lines">
        <TableHead>
          <TableRow>
            <TableCell scope="col">Ligne</TableCell>
            {Array.from({ length: width }, (_, i) => (
              <TableCell key={i} scope="col">
                {`Colonne ${i + 1}`}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {sheet.firstLines.map((l) => (
            <TableRow key={l.line} selected={l.line === headerLine}>
              <TableCell>{l.line === headerLine ? `${l.line} (titres)` : l.line}</TableCell>
              {Array.from({ length: width }, (_, i) => (
                <TableCell key={i}>{l.cells[i] ?? ''}</TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
};

/**
 * The mapping step of the import wizard: which column is what, which rows to skip, savable as an import template.
 * With the file read by the API (`inspection`), the header line and each column are chosen among the file's own lines
 * and headers; without it (the file could not be read), they are typed.
 */
export const ColumnMapping = ({
  value,
  onChange,
  inspection,
}: {
  value: ColumnMappingValue;
  onChange: (v: ColumnMappingValue) => void;
  inspection?: SheetInspection | null;
}) => {
  const headerLine = /^\d+$/.test(value.headerLine) ? Number(value.headerLine) : (inspection?.headerLine ?? null);
  const headerCells = inspection ? (inspection.firstLines.find((l) => l.line === headerLine)?.cells ?? inspection.headers) : [];
  const headers = [...new Set(headerCells.filter((h) => h.trim() !== ''))];
  const used = new Set(FIELDS[value.layout].map((f) => value.columns[f]).filter((h): h is string => Boolean(h)));
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2, mb: 2, maxWidth: 760 }} data-testid="column-mapping">
      <Typography variant="body2">
        {inspection
          ? 'Indiquez comment le fichier est organisé : choisissez la ligne des titres, puis, parmi les titres du fichier, la colonne de chaque donnée.'
          : 'Indiquez comment le fichier est organisé : le titre de chaque colonne tel qu’il est écrit dans le fichier (majuscules et accents indifférents).'}
      </Typography>
      {inspection ? (
        <>
          <FirstLines sheet={inspection} headerLine={headerLine} />
          {inspection.detected ? null : (
            <Typography variant="body2" sx={{ color: 'text.secondary' }} data-testid="mapping-not-detected">
              Les colonnes de ce fichier n’ont pas été reconnues seules : indiquez-les ci-dessous.
            </Typography>
          )}
        </>
      ) : null}
      <TextField
        select
        size="small"
        label="Organisation du fichier"
        value={value.layout}
        onChange={(e) => onChange({ ...value, layout: e.target.value as ImportLayout })}
      >
        {(Object.keys(LAYOUTS) as ImportLayout[]).map((l) => (
          <MenuItem key={l} value={l}>
            {LAYOUTS[l]}
          </MenuItem>
        ))}
      </TextField>
      {inspection ? (
        <TextField
          select
          size="small"
          label="Ligne des titres de colonnes"
          value={headerLine === null ? '' : String(headerLine)}
          onChange={(e) => onChange({ ...value, headerLine: e.target.value, columns: {}, ignore: [] })}
        >
          {inspection.firstLines
            .filter((l) => l.cells.some((c) => c.trim() !== ''))
            .map((l) => (
              <MenuItem key={l.line} value={String(l.line)}>
                {`Ligne ${l.line} : ${short(l.cells)}`}
              </MenuItem>
            ))}
        </TextField>
      ) : (
        <TextField
          size="small"
          label="Ligne des titres de colonnes"
          helperText="Numéro de la ligne d’en-tête (vide : trouvée seule parmi les premières lignes)"
          value={value.headerLine}
          error={value.headerLine !== '' && !/^\d{1,4}$/.test(value.headerLine)}
          onChange={(e) => onChange({ ...value, headerLine: e.target.value.trim() })}
        />
      )}
      {FIELDS[value.layout].map((f) =>
        inspection ? (
          <TextField
            key={f}
            select
            size="small"
            label={FIELD_LABELS[f]}
            value={value.columns[f] ?? ''}
            onChange={(e) => onChange({ ...value, columns: { ...value.columns, [f]: e.target.value } })}
          >
            <MenuItem value="">
              <em>Aucune</em>
            </MenuItem>
            {headers.map((h) => (
              <MenuItem key={h} value={h}>
                {h}
              </MenuItem>
            ))}
          </TextField>
        ) : (
          <TextField
            key={f}
            size="small"
            label={FIELD_LABELS[f]}
            value={value.columns[f] ?? ''}
            onChange={(e) => onChange({ ...value, columns: { ...value.columns, [f]: e.target.value } })}
          />
        ),
      )}
      {inspection && value.layout !== 'long' ? (
        <TextField
          select
          size="small"
          label="Colonnes à ignorer"
          helperText={`Hors des colonnes choisies ci-dessus, ${VALUES_ARE[value.layout]} ; ignorez un total ou une note.`}
          value={value.ignore}
          slotProps={{ select: { multiple: true } }}
          onChange={(e) => onChange({ ...value, ignore: typeof e.target.value === 'string' ? e.target.value.split(',') : (e.target.value as string[]) })}
        >
          {headers
            .filter((h) => !used.has(h))
            .map((h) => (
              <MenuItem key={h} value={h}>
                {h}
              </MenuItem>
            ))}
        </TextField>
      ) : null}
      <TextField
        size="small"
        label="Lignes à ignorer"
        helperText="Numéros séparés par des virgules : un total, une note (ex. 14, 15)"
        value={value.skipLines}
        error={value.skipLines !== '' && !/^[\d\s,;]+$/.test(value.skipLines)}
        onChange={(e) => onChange({ ...value, skipLines: e.target.value })}
      />
      <TextField
        size="small"
        label="Enregistrer comme modèle d’import (facultatif)"
        helperText="Nom du modèle, proposé de nouveau le mois prochain (ex. « Suivi mensuel DAF »)"
        value={value.saveAs}
        onChange={(e) => onChange({ ...value, saveAs: e.target.value })}
      />
    </Box>
  );
};
