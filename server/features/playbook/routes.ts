import type { FastifyInstance } from 'fastify';
import type { Store } from '../../store/database';
import { registerIntakeRoutes } from './intake-routes';
import { registerMethodologyRoutes } from './methodology-routes';
import { registerOfficeRoutes } from './office-routes';
import { registerPortfolioRaidRoutes } from './portfolio-raid-routes';
import { registerStatusRoutes } from './status-routes';
import { registerTemplateMoveRoutes } from './template-move-routes';

/** Every PMO playbook route that is not plain CRUD (docs/playbook.md). */
export function registerPlaybookRoutes(app: FastifyInstance, store: Store): void {
  registerMethodologyRoutes(app, store);
  registerStatusRoutes(app, store);
  registerPortfolioRaidRoutes(app, store);
  registerOfficeRoutes(app, store);
  registerIntakeRoutes(app, store);
  registerTemplateMoveRoutes(app, store);
}
