import { useMemo } from 'react';
import { Admin, CustomRoutes, Resource, defaultTheme, type RaThemeOptions } from 'react-admin';
import { Route } from 'react-router-dom';
import { DataEntryGrid, ImportWizard } from './data-entry';
import { createAuthProvider } from './authProvider';
import { browserSession, type Session } from './auth/session';
import { createDataProvider } from './dataProvider';
import { createHttpClient } from './http/http-client';
import { i18nProvider } from './i18n/i18nProvider';
import { Dashboard } from './dashboard';
import { LevierLayout } from './layout/LevierLayout';
import { LoginPage } from './layout/LoginPage';
import auditLog from './audit-log';
import figures from './figures';
import metrics from './metrics';
import orgUnits from './org-units';
import services from './services';
import submissions from './submissions';
import unitCosts from './unit-costs';

export const levierTheme: RaThemeOptions = {
  ...defaultTheme,
  palette: {
    primary: { main: '#1a3d6d' },
    secondary: { main: '#00695c' },
    background: { default: '#f5f7fa' },
  },
  shape: { borderRadius: 8 },
};

export interface AppProps {
  /** Injected in tests; the browser session otherwise. */
  session?: Session;
}

const defaultSession = browserSession();

export const App = ({ session = defaultSession }: AppProps) => {
  const authProvider = useMemo(() => createAuthProvider(session), [session]);
  const dataProvider = useMemo(() => createDataProvider(createHttpClient(session)), [session]);
  return (
    <Admin
      disableTelemetry
      requireAuth
      title="Levier"
      dataProvider={dataProvider}
      authProvider={authProvider}
      i18nProvider={i18nProvider}
      dashboard={Dashboard}
      layout={LevierLayout}
      loginPage={LoginPage}
      theme={levierTheme}
    >
      <CustomRoutes>
        <Route path="/saisie" element={<DataEntryGrid />} />
        <Route path="/import" element={<ImportWizard />} />
      </CustomRoutes>
      <Resource name="figures" {...figures} />
      <Resource name="submissions" {...submissions} />
      <Resource name="org-units" {...orgUnits} />
      <Resource name="services" {...services} />
      <Resource name="metrics" {...metrics} />
      <Resource name="unit-costs" {...unitCosts} />
      <Resource name="audit-log" {...auditLog} />
    </Admin>
  );
};

export default App;
