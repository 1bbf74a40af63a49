import { useMemo } from 'react';
import { Admin, CustomRoutes, Resource, defaultTheme, type RaThemeOptions } from 'react-admin';
import { Route } from 'react-router-dom';
import { DataEntryGrid, ImportWizard } from './data-entry';
import { createAuthProvider } from './authProvider';
import { browserSession, type Session } from './auth/session';
import { RestrictedRoute } from './auth/RestrictedRoute';
import { createDataProvider } from './dataProvider';
import { createHttpClient } from './http/http-client';
import { DocumentsPage } from './documents/DocumentsPage';
import { i18nProvider } from './i18n/i18nProvider';
import { Dashboard } from './dashboard';
import { SimulationsPage } from './simulations';
import { LevierLayout } from './layout/LevierLayout';
import { LoginPage } from './layout/LoginPage';
import auditLog from './audit-log';
import figures from './figures';
import metrics from './metrics';
import orgUnits from './org-units';
import services from './services';
import submissions from './submissions';
import unitCosts from './unit-costs';
import customIndicators from './custom-indicators';
import indicatorTargets from './indicator-targets/TargetViews';
import { methodologyVersions, outcomeAssumptions, priceIndices } from './methodology';
import periods from './periods/PeriodViews';
import expectedMetrics from './data-entry/expected-metrics';
import { budgetTransfers, budgetYears, inKindLoans, redeployments, staffNeeds } from './reallocation';
import { reportDeliveries, reportSubscriptions } from './reports';
import users from './users/UserViews';
import serviceFundings from './service-fundings';
import initiatives from './initiatives';

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
        <Route
          path="/saisie"
          element={
            <RestrictedRoute resource="figures" action="edit" holdersKey="levier.access.holders_data_entry">
              <DataEntryGrid />
            </RestrictedRoute>
          }
        />
        <Route
          path="/import"
          element={
            <RestrictedRoute resource="submissions" action="create" holdersKey="levier.access.holders_data_entry">
              <ImportWizard />
            </RestrictedRoute>
          }
        />
        <Route path="/documents" element={<DocumentsPage />} />
        <Route path="/simulations" element={<SimulationsPage />} />
      </CustomRoutes>
      <Resource name="figures" {...figures} />
      <Resource name="submissions" {...submissions} />
      <Resource name="periods" {...periods} />
      <Resource name="unit-costs" {...unitCosts} />
      <Resource name="outcome-assumptions" {...outcomeAssumptions} />
      <Resource name="price-indices" {...priceIndices} />
      <Resource name="methodology-versions" {...methodologyVersions} />
      <Resource name="custom-indicators" {...customIndicators} />
      <Resource name="indicator-targets" {...indicatorTargets} />
      <Resource name="staff-needs" {...staffNeeds} />
      <Resource name="redeployments" {...redeployments} />
      <Resource name="budget-transfers" {...budgetTransfers} />
      <Resource name="budget-years" {...budgetYears} />
      <Resource name="service-fundings" {...serviceFundings} />
      <Resource name="in-kind-loans" {...inKindLoans} />
      <Resource name="initiatives" {...initiatives} />
      <Resource name="report-subscriptions" {...reportSubscriptions} />
      <Resource name="report-deliveries" {...reportDeliveries} />
      <Resource name="org-units" {...orgUnits} />
      <Resource name="services" {...services} />
      <Resource name="metrics" {...metrics} />
      <Resource name="expected-metrics" {...expectedMetrics} />
      <Resource name="users" {...users} />
      <Resource name="audit-log" {...auditLog} />
    </Admin>
  );
};

export default App;
