import { Box, MenuItem, TextField, Typography } from '@mui/material';

export type ImportLayout = 'long' | 'periods_as_columns' | 'metrics_as_columns';
type Field = 'orgUnit' | 'service' | 'metric' | 'period' | 'value';

/** What the user says of the file's columns (the API's `mapping`), and the template name to save it under. */
export interface ColumnMappingValue {
  layout: ImportLayout;
  headerLine: string;
  columns: Partial<Record<Field, string>>;
  skipLines: string;
  saveAs: string;
}

export const EMPTY_MAPPING: ColumnMappingValue = { layout: 'long', headerLine: '', columns: {}, skipLines: '', saveAs: '' };

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

/** The mapping the API takes: only the columns of the chosen layout, the header line and the lines to skip as numbers. */
export const toImportMapping = (v: ColumnMappingValue): Record<string, unknown> => {
  const columns = Object.fromEntries(FIELDS[v.layout].map((f) => [f, v.columns[f]?.trim() ?? '']).filter(([, h]) => h !== ''));
  const skip = v.skipLines
    .split(/[\s,;]+/)
    .filter((s) => s !== '')
    .map(Number);
  return {
    layout: v.layout,
    columns,
    ...(v.headerLine.trim() !== '' ? { headerLine: Number(v.headerLine) } : {}),
    ...(skip.length > 0 ? { skipLines: skip } : {}),
  };
};

/** The mapping step of the import wizard: which column is what, which rows to skip, savable as an import template. */
export const ColumnMapping = ({ value, onChange }: { value: ColumnMappingValue; onChange: (v: ColumnMappingValue) => void }) => (
  <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2, mb: 2, maxWidth: 640 }} data-testid="column-mapping">
    <Typography variant="body2">
      Indiquez comment le fichier est organisé : le titre de chaque colonne tel qu’il est écrit dans le fichier (majuscules et accents indifférents).
    </Typography>
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
    {FIELDS[value.layout].map((f) => (
      <TextField
        key={f}
        size="small"
        label={FIELD_LABELS[f]}
        value={value.columns[f] ?? ''}
        onChange={(e) => onChange({ ...value, columns: { ...value.columns, [f]: e.target.value } })}
      />
    ))}
    <TextField
      size="small"
      label="Ligne des titres de colonnes"
      helperText="Numéro de la ligne d’en-tête (vide : trouvée seule parmi les premières lignes)"
      value={value.headerLine}
      error={value.headerLine !== '' && !/^\d{1,4}$/.test(value.headerLine)}
      onChange={(e) => onChange({ ...value, headerLine: e.target.value.trim() })}
    />
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
