import type { FastifyInstance } from 'fastify';
import type { Store } from '../../store/database';
import { registerBenefitRoutes } from './benefit-routes';
import { registerBusinessCaseRoutes } from './business-case-routes';
import { registerCheckInRoutes } from './check-in-routes';
import { registerKpiRoutes } from './kpi-routes';
import { registerOkrRoutes } from './okr-routes';
import { registerPrioritisationRoutes } from './prioritisation-routes';

/** Every value-management route that is not plain CRUD (docs/value.md). */
export function registerValueRoutes(app: FastifyInstance, store: Store): void {
  registerOkrRoutes(app, store);
  registerCheckInRoutes(app, store);
  registerKpiRoutes(app, store);
  registerBusinessCaseRoutes(app, store);
  registerBenefitRoutes(app, store);
  registerPrioritisationRoutes(app, store);
}
