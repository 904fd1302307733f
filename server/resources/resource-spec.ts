import type { Expression, Kysely, SqlBool, Transaction } from 'kysely';
import type { TSchema } from 'typebox';
import type { AccessSpec } from '../auth/access';
import type { Principal } from '../auth/principal';
import type { Database } from '../store/tables';

export type Trx = Transaction<Database> | Kysely<Database>;

/** Tables that hold organisation-owned records a field can refer to. */
export type ReferenceTable =
  | 'people'
  | 'teams'
  | 'portfolios'
  | 'programs'
  | 'projects'
  | 'work_items'
  | 'goals';

export interface FieldSpec {
  /** Database column; camelCase API name → snake_case column. */
  column: string;
  /** Schema of the API value when present and not null. */
  schema: TSchema;
  nullable?: boolean;
  /** `required` on create, `optional` (the default) or `readonly` (server-set, never accepted). */
  create?: 'required' | 'optional' | 'readonly';
  /** Whether PATCH may change it (default: yes unless readonly). */
  updatable?: boolean;
  /** Value stored on create when the field is absent. */
  defaultValue?: unknown;
  /** The field holds the id of a record of this table, which must be in the caller's organisation. */
  references?: ReferenceTable;
  /** How a list may filter by it: equality (comma-separated list allowed) or a From/To range. */
  filter?: 'eq' | 'range';
  /** Included in the `q` free-text search. */
  searchable?: boolean;
  sortable?: boolean;
  /** Stored as JSON text. */
  json?: boolean;
}

/** Everything a use case knows about who is calling. */
export interface RequestContext {
  principal: Principal;
  now: string;
}

export interface ResourceHooks {
  /** Adjust or check the row about to be inserted (throw a ProblemError to refuse). */
  beforeCreate?(trx: Trx, ctx: RequestContext, row: Record<string, unknown>): Promise<void>;
  /** Adjust or check the columns about to change; `before` is the current row. */
  beforeUpdate?(
    trx: Trx,
    ctx: RequestContext,
    before: Record<string, unknown>,
    changes: Record<string, unknown>,
  ): Promise<void>;
  /**
   * Runs in the same transaction after the row is written (history tables, child collections).
   * `extras` holds the request's `extraWritableFields` values.
   */
  afterWrite?(trx: Trx, ctx: RequestContext, write: WriteEvent): Promise<void>;
  /** Runs in the same transaction after the row is deleted (e.g. rows that point at it loosely). */
  afterDelete?(trx: Trx, ctx: RequestContext, before: Record<string, unknown>): Promise<void>;
  /** Adds extra members to presented records (e.g. a person's skills), one query for the page. */
  present?(trx: Trx, records: Record<string, unknown>[]): Promise<void>;
}

export interface WriteEvent {
  before: Record<string, unknown> | undefined;
  after: Record<string, unknown>;
  extras: Record<string, unknown>;
}

export interface ResourceSpec {
  /** URL segment under /api/v1, e.g. `work-items`. */
  path: string;
  table: keyof Database;
  /** Audit entity type and OpenAPI tag, e.g. `work_item`. */
  entityType: string;
  /** Human name for messages, e.g. `Work item`. */
  title: string;
  fields: Record<string, FieldSpec>;
  /** Extra members the presenter adds (their schemas, for the response document). */
  extraResponseFields?: Record<string, TSchema>;
  /** Extra writable members handled by hooks rather than columns (e.g. `skills`). */
  extraWritableFields?: Record<string, TSchema>;
  /** List filters that are not a column of the table (e.g. people by skill). */
  extraFilters?: Record<string, ExtraFilter>;
  defaultSort: string;
  /** Who may read and change its records (see server/auth/access.ts). */
  access: AccessSpec;
  hooks?: ResourceHooks;
}

export interface ExtraFilter {
  schema: TSchema;
  where(value: string): Expression<SqlBool>;
}
