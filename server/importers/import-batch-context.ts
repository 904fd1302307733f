import type { Transaction } from 'kysely';
import type { StatusCategory } from '../../core/model/vocabulary';
import type { Engine, Store } from '../store/database';
import type { Database } from '../store/tables';
import { createImportId, type ImportPerson } from './import-batch-record';

/**
 * What every batch of one import run shares: where the records go, who they are attributed to,
 * and caches of people and projects. Create a new context per run: the caches hold ids written
 * by committed batches only as long as the run goes on without failing.
 */
export interface ImportContext {
  /** The store's engine: the bulk insert writes its placeholders for it. */
  engine: Engine;
  organisationId: string;
  /** `jira:<site or file name>`, stored in work_items.source. */
  source: string;
  /** Sources whose records this importer may take over (`jira:`): Jira keys are unique per site. */
  sourcePrefix: string;
  /** Key of the record's fields inside custom_fields, e.g. `jira`. */
  namespace: string;
  /** The tracker, for imported_projects.system. */
  system: string;
  actorLabel: string;
  /** The import's own clock reading: updated_at of changed rows, audit times. */
  now: string;
  categoryOf(status: string): StatusCategory;
  /** Tracker project key → Triad project key chosen by the user. */
  projectKeys: Record<string, string>;
  people: PeopleCache;
  projects: Map<string, string>;
  portfolioId: string | undefined;
}

export interface PeopleCache {
  byEmail: Map<string, string>;
  byName: Map<string, string>;
}

export async function loadPeople(store: Store, organisationId: string): Promise<PeopleCache> {
  const rows = await store.db
    .selectFrom('people')
    .select(['id', 'name', 'email'])
    .where('organisation_id', '=', organisationId)
    .orderBy('created_at')
    .execute();
  const cache: PeopleCache = { byEmail: new Map(), byName: new Map() };
  for (const r of rows) {
    if (r.email && !cache.byEmail.has(r.email.toLowerCase())) cache.byEmail.set(r.email.toLowerCase(), r.id);
    if (!cache.byName.has(r.name.toLowerCase())) cache.byName.set(r.name.toLowerCase(), r.id);
  }
  return cache;
}

/** The person with this email, else this name (case-insensitive), else a new person. */
export async function resolvePerson(
  trx: Transaction<Database>,
  ctx: ImportContext,
  person: ImportPerson,
): Promise<string> {
  const email = person.email?.toLowerCase();
  const name = person.name.toLowerCase();
  const found = (email ? ctx.people.byEmail.get(email) : undefined) ?? ctx.people.byName.get(name);
  if (found) return found;
  const id = createImportId();
  await trx
    .insertInto('people')
    .values({
      id,
      organisation_id: ctx.organisationId,
      name: person.name,
      email: person.email,
      title: null,
      location: null,
      fte: 1,
      version: 1,
      created_at: ctx.now,
      updated_at: ctx.now,
    })
    .execute();
  if (email) ctx.people.byEmail.set(email, id);
  ctx.people.byName.set(name, id);
  return id;
}

const TRIAD_KEY_RE = /^[A-Z][A-Z0-9]{1,9}$/;

/**
 * A Triad project key for a tracker's project key: upper case, letters and digits only (Jira
 * allows `_`), starting with a letter (else prefixed `J`), 2–10 characters (padded with `X`,
 * truncated to 10). `taken` keys are avoided by replacing the tail with 2, 3, …
 *
 * @example
 * deriveProjectKey('MY_PROJECT_2024', new Set()); // 'MYPROJECT2'
 */
export function deriveProjectKey(external: string, taken: ReadonlySet<string>): string {
  let base = external.toUpperCase().replace(/[^A-Z0-9]/g, '');
  if (!/^[A-Z]/.test(base)) base = `J${base}`;
  base = base.padEnd(2, 'X').slice(0, 10);
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = String(n);
    const candidate = base.slice(0, 10 - suffix.length) + suffix;
    if (!taken.has(candidate)) return candidate;
  }
}

/**
 * The Triad project for a tracker project key, created on first sight under the "Imported"
 * portfolio. A mapping entry or a Jira key that is already a valid Triad key adopts an existing
 * project with that key; a derived key never does.
 */
export async function resolveProject(
  trx: Transaction<Database>,
  ctx: ImportContext,
  externalKey: string,
  name: string | null,
): Promise<string> {
  const cached = ctx.projects.get(externalKey);
  if (cached) return cached;
  const linked = await trx
    .selectFrom('imported_projects')
    .select('project_id')
    .where('organisation_id', '=', ctx.organisationId)
    .where('system', '=', ctx.system)
    .where('external_key', '=', externalKey)
    .executeTakeFirst();
  let projectId = linked?.project_id;
  if (!projectId) {
    const explicit =
      ctx.projectKeys[externalKey] ?? (TRIAD_KEY_RE.test(externalKey) ? externalKey : undefined);
    const existing = explicit
      ? await trx
          .selectFrom('projects')
          .select('id')
          .where('organisation_id', '=', ctx.organisationId)
          .where('key', '=', explicit)
          .executeTakeFirst()
      : undefined;
    projectId = existing?.id ?? (await createProject(trx, ctx, explicit, externalKey, name));
    await trx
      .insertInto('imported_projects')
      .values({
        id: createImportId(),
        organisation_id: ctx.organisationId,
        system: ctx.system,
        external_key: externalKey,
        project_id: projectId,
      })
      .execute();
  }
  ctx.projects.set(externalKey, projectId);
  return projectId;
}

async function createProject(
  trx: Transaction<Database>,
  ctx: ImportContext,
  explicit: string | undefined,
  externalKey: string,
  name: string | null,
): Promise<string> {
  const taken = new Set(
    (
      await trx
        .selectFrom('projects')
        .select('key')
        .where('organisation_id', '=', ctx.organisationId)
        .execute()
    ).map((p) => p.key),
  );
  const key = explicit ?? deriveProjectKey(externalKey, taken);
  const id = createImportId();
  await trx
    .insertInto('projects')
    .values({
      id,
      organisation_id: ctx.organisationId,
      portfolio_id: await importedPortfolio(trx, ctx),
      program_id: null,
      key,
      name: name ?? externalKey,
      description: `Imported from ${ctx.source} (project ${externalKey})`,
      approach: 'agile',
      lifecycle_state: 'active',
      phase: null,
      health: null,
      owner_id: null,
      start_date: null,
      end_date: null,
      budget: null,
      next_item_number: 1,
      version: 1,
      created_at: ctx.now,
      updated_at: ctx.now,
    })
    .execute();
  return id;
}

async function importedPortfolio(trx: Transaction<Database>, ctx: ImportContext): Promise<string> {
  if (ctx.portfolioId) return ctx.portfolioId;
  const existing = await trx
    .selectFrom('portfolios')
    .select('id')
    .where('organisation_id', '=', ctx.organisationId)
    .where('name', '=', 'Imported')
    .orderBy('created_at')
    .executeTakeFirst();
  let id = existing?.id;
  if (!id) {
    id = createImportId();
    await trx
      .insertInto('portfolios')
      .values({
        id,
        organisation_id: ctx.organisationId,
        name: 'Imported',
        description: 'Projects created by importers',
        owner_id: null,
        version: 1,
        created_at: ctx.now,
        updated_at: ctx.now,
      })
      .execute();
  }
  ctx.portfolioId = id;
  return id;
}
