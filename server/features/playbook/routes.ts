import type { FastifyInstance } from 'fastify';
import type { Store } from '../../store/database';
import { registerMethodologyRoutes } from './methodology-routes';
import { registerOfficeRoutes } from './office-routes';
import { registerPortfolioRaidRoutes } from './portfolio-raid-routes';
import { registerStatusRoutes } from './status-routes';

/** Every PMO playbook route that is not plain CRUD (docs/playbook.md). */
export function registerPlaybookRoutes(app: FastifyInstance, store: Store): void {
  registerMethodologyRoutes(app, store);
  registerStatusRoutes(app, store);
  registerPortfolioRaidRoutes(app, store);
  registerOfficeRoutes(app, store);
}
