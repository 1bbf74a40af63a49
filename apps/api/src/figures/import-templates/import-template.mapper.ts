import type { ImportMapping } from '../parsing/import-mapping';
import type { ImportTemplateView } from './import-template.repository';

export interface ImportTemplateResponse {
  id: string;
  name: string;
  mapping: ImportMapping;
  createdBy: string | null;
  createdByName: string | null;
  createdAt: string;
  updatedAt: string;
}

export const toImportTemplateResponse = (t: ImportTemplateView): ImportTemplateResponse => ({
  id: t.id,
  name: t.name,
  mapping: t.mapping,
  createdBy: t.createdBy,
  createdByName: t.createdByName,
  createdAt: new Date(t.createdAt).toISOString(),
  updatedAt: new Date(t.updatedAt).toISOString(),
});
