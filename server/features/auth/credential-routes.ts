import type { FastifyInstance } from 'fastify';
import type { Store } from '../../store/database';
import { registerPasswordRoutes } from './password-routes';
import { registerTokenRoutes } from './token-routes';
import { registerTotpRoutes } from './totp-routes';

/** Password change and reset, the TOTP second factor, and personal API tokens. */
export function registerCredentialRoutes(
  app: FastifyInstance,
  store: Store,
  options: { devMode: boolean },
): void {
  registerPasswordRoutes(app, store, options);
  registerTotpRoutes(app, store);
  registerTokenRoutes(app, store);
}
