/** Renders a component inside react-admin's AdminContext, French i18n, memory store and router. */
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { AdminContext, ResourceContextProvider, TestMemoryRouter, memoryStore, testDataProvider, type AuthProvider, type DataProvider } from 'react-admin';
import { i18nProvider } from '../i18n/i18nProvider';

export interface RenderAdminOptions {
  dataProvider?: Partial<DataProvider>;
  authProvider?: AuthProvider;
  resource?: string;
  url?: string;
}

export const renderAdmin = (ui: ReactNode, { dataProvider = {}, authProvider, resource, url = '/' }: RenderAdminOptions = {}) =>
  render(
    <TestMemoryRouter initialEntries={[url]}>
      <AdminContext dataProvider={testDataProvider(dataProvider)} authProvider={authProvider} i18nProvider={i18nProvider} store={memoryStore()}>
        {resource ? <ResourceContextProvider value={resource}>{ui}</ResourceContextProvider> : ui}
      </AdminContext>
    </TestMemoryRouter>,
  );
