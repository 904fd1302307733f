import type { Migration, MigrationProvider } from 'kysely';
import * as m0001 from './0001-portfolio-model';
import * as m0002 from './0002-imports';
import * as m0003 from './0003-identity';
import * as m0004 from './0004-delivery';
import * as m0005 from './0005-playbook';
import * as m0006 from './0006-scheduling';
import * as m0007 from './0007-value';
import * as m0008 from './0008-resources';
import * as m0009 from './0009-optimisation';
import * as m0012 from './0012-playbook-intake';
import * as m0014 from './0014-schedule-resource-calendars';
import * as m0015 from './0015-value-targets-check-in-versions';
import * as m0016 from './0016-work-items-by-updated';
import * as m0017 from './0017-team-bookings';
import * as m0018 from './0018-resource-request-roles';

/**
 * The one migration set both engines run. Forward-only and numbered: add a new file, never edit
 * one that has shipped. Imported statically so the CLI and tests need no file-system scan.
 */
const MIGRATIONS: Record<string, Migration> = {
  '0001-portfolio-model': m0001,
  '0002-imports': m0002,
  '0003-identity': m0003,
  '0004-delivery': m0004,
  '0005-playbook': m0005,
  '0006-scheduling': m0006,
  '0007-value': m0007,
  '0008-resources': m0008,
  '0009-optimisation': m0009,
  '0012-playbook-intake': m0012,
  '0014-schedule-resource-calendars': m0014,
  '0015-value-targets-check-in-versions': m0015,
  '0016-work-items-by-updated': m0016,
  '0017-team-bookings': m0017,
  '0018-resource-request-roles': m0018,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
};

export const LATEST_MIGRATION = Object.keys(MIGRATIONS).sort().at(-1) ?? '';
