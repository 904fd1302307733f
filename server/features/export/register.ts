import type { FastifyInstance } from 'fastify';
import type { Store } from '../../store/database';
import { registerImportRoutes } from '../import/import-routes';
import { RESOURCE_SPECS } from '../registry';
import { registerCalendarRoutes } from './calendar-routes';
import { registerExportRoutes } from './export-routes';

/** Issue 11's routes: spreadsheet export of every list, the calendar feed and the import flow. */
export function registerImportExportRoutes(app: FastifyInstance, store: Store): void {
  registerExportRoutes(app, store, RESOURCE_SPECS);
  registerCalendarRoutes(app, store);
  registerImportRoutes(app, store);
}
