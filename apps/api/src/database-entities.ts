/** Every entity of the schema, for the data source (API, worker, CLI) and the migration drift check. */
import { Organisation } from './tenancy/organisation.entity';
import { User } from './tenancy/user.entity';
import { RoleAssignment } from './tenancy/role-assignment.entity';
import { RefreshToken } from './tenancy/refresh-token.entity';
import { OrgUnit } from './catalogue/org-unit.entity';
import { Service } from './catalogue/service.entity';
import { Metric } from './catalogue/metric.entity';
import { Figure } from './figures/figure.entity';
import { Submission } from './figures/submission.entity';
import { PeriodStatus } from './figures/period-status.entity';
import { AuditLog } from './audit/audit-log.entity';
import { UnitCost } from './methodology/unit-cost.entity';
import { PriceIndex } from './methodology/price-index.entity';
import { OutcomeAssumption } from './methodology/outcome-assumption.entity';
import { MethodologyVersion } from './methodology/methodology-version.entity';
import { CustomIndicator } from './indicators/custom/custom-indicator.entity';
import { IndicatorTarget } from './indicators/targets/indicator-target.entity';
import { StaffNeed } from './reallocation/staff-need.entity';
import { Redeployment } from './reallocation/redeployment.entity';
import { BudgetTransfer } from './reallocation/budget-transfer.entity';
import { InKindLoan } from './reallocation/in-kind-loan.entity';
import { BudgetYear } from './reallocation/budget-year.entity';
import { ServiceFunding } from './funding/service-funding.entity';
import { ReportSubscription } from './reports/report-subscription.entity';
import { ReportDelivery } from './reports/report-delivery.entity';
import { Simulation } from './simulations/simulation.entity';
import { Initiative } from './initiatives/initiative.entity';

export const DATABASE_ENTITIES = [
  Organisation,
  User,
  RoleAssignment,
  RefreshToken,
  OrgUnit,
  Service,
  Metric,
  Figure,
  Submission,
  PeriodStatus,
  AuditLog,
  UnitCost,
  PriceIndex,
  OutcomeAssumption,
  MethodologyVersion,
  CustomIndicator,
  IndicatorTarget,
  StaffNeed,
  Redeployment,
  BudgetTransfer,
  InKindLoan,
  BudgetYear,
  ServiceFunding,
  ReportSubscription,
  ReportDelivery,
  Simulation,
  Initiative,
];
