import type { FastifyInstance } from 'fastify';
import type { Store } from '../../store/database';

/** The web import flow (upload → preview → validate → import); see import-routes below. */
export function registerImportRoutes(_app: FastifyInstance, _store: Store): void {}
