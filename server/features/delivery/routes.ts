import type { FastifyInstance } from 'fastify';
import type { ResourceSpec } from '../../resources/resource-spec';
import type { Store } from '../../store/database';
import { registerBacklogRoutes } from './backlog-routes';
import { registerBoardRoutes } from './board';
import { registerFlowRoutes } from './flow-routes';
import { registerForecastRoutes } from './forecast-routes';
import { retrospectiveActionSpec, retrospectiveSpec } from './retrospective-specs';
import { registerSprintRoutes } from './sprint-routes';
import { sprintSpec } from './sprint-spec';
import { registerWorkItemActionRoutes } from './work-item-action-routes';
import { registerWorkflowRoutes } from './workflow-routes';

/** The delivery CRUD resources, in the order the OpenAPI document lists them. */
export const DELIVERY_RESOURCE_SPECS: readonly ResourceSpec[] = [
  sprintSpec,
  retrospectiveSpec,
  retrospectiveActionSpec,
];

/** Every delivery route that is not plain CRUD: workflow, board, actions, flow analytics, forecasts. */
export function registerDeliveryRoutes(app: FastifyInstance, store: Store): void {
  registerWorkflowRoutes(app, store);
  registerBoardRoutes(app, store);
  registerBacklogRoutes(app, store);
  registerWorkItemActionRoutes(app, store);
  registerSprintRoutes(app, store);
  registerFlowRoutes(app, store);
  registerForecastRoutes(app, store);
}
