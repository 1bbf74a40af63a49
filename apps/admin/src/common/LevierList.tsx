/**
 * The list every Levier resource uses: react-admin's List with the shared exporter (CSV and XLSX, stamped with
 * their context), filters saved per user in addition to the URL, and a create button only for who may create.
 */
import DownloadIcon from '@mui/icons-material/Download';
import { Button } from '@mui/material';
import { useEffect, useRef, useState, type ReactElement, type ReactNode } from 'react';
import {
  CreateButton,
  FilterButton,
  List,
  TopToolbar,
  useCanAccess,
  useDataProvider,
  useGetIdentity,
  useListContext,
  useLocaleState,
  useLocation,
  useNotify,
  useResourceContext,
  useResourceDefinition,
  useTranslate,
  type Exporter,
  type ListProps,
  type RaRecord,
} from 'react-admin';
import type { LevierDataProvider } from '../dataProvider';
import { formatDateTime } from '../format/decimal-format';
import { csvExport, exportFilename, type ExportContext } from './export';
import { saveBlob } from './save-blob';
import { catalogueWords, exportTable, scopeInWords, type ExportWords } from './export-words';
import { loadFilters, saveFilters } from './filter-storage';

/** The API's largest page: an export takes up to this many rows. */
export const EXPORT_MAX_ROWS = 1000;

const methodologyText = (m: unknown): string | null => {
  if (!m) return null;
  if (typeof m === 'string') return m;
  const v = m as { version?: unknown; label?: unknown };
  return v.label ? `v${String(v.version)} — ${String(v.label)}` : `v${String(v.version)}`;
};

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** The tenant's catalogue as words (unit names, service and metric labels); an unreadable list leaves codes as they are. */
export const exportWords = async (dataProvider: LevierDataProvider, translate: Translate, locale: string): Promise<ExportWords> => {
  const list = async (resource: string): Promise<Array<Record<string, unknown>>> => {
    try {
      const { data } = await dataProvider.getList(resource, {
        pagination: { page: 1, perPage: EXPORT_MAX_ROWS },
        sort: { field: 'code', order: 'ASC' },
        filter: {},
      });
      return data as Array<Record<string, unknown>>;
    } catch {
      return [];
    }
  };
  const [units, services, metrics] = await Promise.all([list('org-units'), list('services'), list('metrics')]);
  return catalogueWords(translate, locale, { units, services, metrics });
};

/** The stamp of an export: asks the API for the methodology in force and the data-as-of, and the unit-cost sources. */
export const exportContext = async (
  dataProvider: LevierDataProvider,
  resource: string,
  records: ReadonlyArray<Record<string, unknown>>,
  filter: Record<string, unknown>,
  translate: Translate,
  locale: string,
  organisation: string | null,
): Promise<ExportContext> => {
  const now = new Date();
  let methodology: string | null = null;
  let dataAsOf: string | null = null;
  try {
    const orgUnit = typeof filter.orgUnit === 'string' ? filter.orgUnit : '';
    const summary = await dataProvider.getIndicatorSummary({ orgUnit, from: '', to: '' });
    methodology = methodologyText(summary.methodologyVersion);
    dataAsOf = summary.dataAsOf ? formatDateTime(summary.dataAsOf, locale) : null;
  } catch {
    // the stamp says "unknown"
  }
  let sources: ExportContext['sources'] = [];
  const fromUnitCosts = (rows: ReadonlyArray<Record<string, unknown>>) =>
    rows.map((r) => ({
      code: String(r.code ?? ''),
      label: typeof r.label === 'string' ? r.label : undefined,
      source: [r.sourceTitle, r.sourcePublisher].filter(Boolean).join(', '),
      priceYear: (r.priceYear as number | undefined) ?? null,
      url: (r.sourceUrl as string | null | undefined) ?? null,
    }));
  if (resource === 'unit-costs') sources = fromUnitCosts(records);
  else if (resource === 'outcome-assumptions' || resource === 'methodology-versions') {
    try {
      const { data } = await dataProvider.getList('unit-costs', {
        pagination: { page: 1, perPage: EXPORT_MAX_ROWS },
        sort: { field: 'code', order: 'ASC' },
        filter: {},
      });
      sources = fromUnitCosts(data as Array<Record<string, unknown>>);
    } catch {
      sources = [];
    }
  }
  if (!organisation) {
    // The session may not carry the organisation's name: the root of the org-unit tree bears it.
    try {
      const { data } = await dataProvider.getList('org-units', { pagination: { page: 1, perPage: 1000 }, sort: { field: 'code', order: 'ASC' }, filter: {} });
      const root = (data as Array<{ parentId?: string | null; name?: string }>).find((u) => !u.parentId);
      organisation = root?.name ?? null;
    } catch {
      organisation = null;
    }
  }
  const t = (k: string) => translate(`levier.export.${k}`);
  return {
    title: translate(`resources.${resource}.name`, { smart_count: 2, _: resource }),
    organisation,
    scope: filter,
    methodology,
    dataAsOf,
    exportedAt: formatDateTime(now.toISOString(), locale),
    sources,
    labels: {
      export: t('export'),
      organisation: t('organisation'),
      scope: t('scope'),
      all: t('all'),
      methodology: t('methodology'),
      dataAsOf: t('data_as_of'),
      exportedAt: t('exported_at'),
      sources: t('source'),
      unknown: t('unknown'),
    },
  };
};

/** CSV and XLSX buttons: every row of the filtered list (up to the API's page size), stamped with its context. */
export const ExportButtons = () => {
  const { filterValues, sort, total, resource } = useListContext();
  const dataProvider = useDataProvider<LevierDataProvider>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const notify = useNotify();
  const { identity } = useGetIdentity();
  const [busy, setBusy] = useState<null | 'csv' | 'xlsx'>(null);
  const { canAccess } = useCanAccess({ resource, action: 'export' });
  if (canAccess === false) return null;

  const run = async (format: 'csv' | 'xlsx') => {
    setBusy(format);
    try {
      const { data } = await dataProvider.getList(resource, { pagination: { page: 1, perPage: EXPORT_MAX_ROWS }, sort, filter: filterValues });
      const records = data as Array<Record<string, unknown>>;
      const organisation = (identity?.organisation as { name?: string } | undefined)?.name ?? null;
      const words = await exportWords(dataProvider, translate, locale);
      const scope = scopeInWords(resource, filterValues as Record<string, unknown>, words);
      const ctx = {
        ...(await exportContext(dataProvider, resource, records, filterValues as Record<string, unknown>, translate, locale, organisation)),
        scope,
      };
      const table = exportTable(resource, records, words);
      const now = new Date();
      if (format === 'csv') {
        saveBlob(new Blob([csvExport(table, ctx)], { type: 'text/csv;charset=utf-8' }), exportFilename(resource, now, 'csv'));
      } else {
        const { xlsxExport } = await import('./export-xlsx');
        const blob = await xlsxExport(table, ctx, { data: ctx.title, context: translate('levier.export.context_sheet') });
        saveBlob(blob, exportFilename(resource, now, 'xlsx'));
      }
      if ((total ?? 0) > EXPORT_MAX_ROWS) notify('levier.export.truncated', { type: 'warning', messageArgs: { max: EXPORT_MAX_ROWS } });
    } catch (error) {
      notify(error instanceof Error ? error.message : 'levier.export.failed', { type: 'error' });
    } finally {
      setBusy(null);
    }
  };
  return (
    <>
      <Button size="small" startIcon={<DownloadIcon />} onClick={() => void run('csv')} disabled={busy !== null || total === 0}>
        {translate('levier.export.csv')}
      </Button>
      <Button size="small" startIcon={<DownloadIcon />} onClick={() => void run('xlsx')} disabled={busy !== null || total === 0}>
        {translate('levier.export.xlsx')}
      </Button>
    </>
  );
};

/** react-admin `exporter` for the bulk/default export path: the same stamped CSV. */
export const levierExporter: Exporter = async (records: RaRecord[], _fetch, dataProvider, resource) => {
  const name = resource ?? 'export';
  const translate: Translate = (k, o) => String((o as { _?: string } | undefined)?._ ?? k);
  const ctx = await exportContext(dataProvider as LevierDataProvider, name, records, {}, translate, 'fr', null);
  const words = await exportWords(dataProvider as LevierDataProvider, translate, 'fr');
  saveBlob(new Blob([csvExport(exportTable(name, records, words), ctx)], { type: 'text/csv;charset=utf-8' }), exportFilename(name, new Date(), 'csv'));
};

/** Restores the user's saved filters when the URL has none, and saves every change. */
export const PersistFilters = () => {
  const { filterValues, setFilters, displayedFilters } = useListContext();
  const resource = useResourceContext();
  const { identity } = useGetIdentity();
  const location = useLocation();
  const restored = useRef(false);
  const userId = identity?.id;
  useEffect(() => {
    if (userId === undefined || !resource || restored.current) return;
    restored.current = true;
    const linked = new URLSearchParams(location.search).has('filter');
    const saved = loadFilters(userId, resource);
    if (!linked && saved && Object.keys(filterValues ?? {}).length === 0) {
      setFilters(saved, { ...displayedFilters, ...Object.fromEntries(Object.keys(saved).map((k) => [k, true])) });
    }
    // once per mount, when the user is known
  }, [userId, resource]);
  useEffect(() => {
    if (userId === undefined || !resource || !restored.current) return;
    saveFilters(userId, resource, (filterValues ?? {}) as Record<string, unknown>);
  }, [userId, resource, filterValues]);
  return null;
};

const Actions = ({ hasFilters, extra }: { hasFilters: boolean; extra?: ReactNode }) => {
  const { hasCreate } = useResourceDefinition();
  return (
    <TopToolbar>
      {hasFilters ? <FilterButton /> : null}
      {hasCreate ? <CreateButton /> : null}
      {extra}
      <ExportButtons />
    </TopToolbar>
  );
};

export type LevierListProps = Omit<ListProps, 'children'> & { children: ReactNode; extraActions?: ReactNode; filters?: ReactElement[] };

export const LevierList = ({ children, filters, extraActions, ...props }: LevierListProps) => (
  <List filters={filters} actions={<Actions hasFilters={Boolean(filters && filters.length > 0)} extra={extraActions} />} exporter={levierExporter} {...props}>
    <PersistFilters />
    {children}
  </List>
);
