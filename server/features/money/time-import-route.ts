import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { accessFilter } from '../../auth/access';
import { authenticate, requireWrite } from '../../auth/authenticate';
import { ProblemError } from '../../http/problem';
import { ProblemSchema } from '../../http/problem-schema';
import { insertInBatches } from '../../store/bulk-insert';
import type { Store } from '../../store/database';
import { ImportResult } from './money-schemas';
import { parseTimeCsv } from './time-csv';
import { timeEntrySpec } from './time-entry-spec';

const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 415: ProblemSchema };
const rowOf = (field: string) => Number(/row (\d+)/.exec(field)?.[1] ?? 0);

/** `POST /api/v1/time-entries/import`: time entries from CSV, all rows or none, each audited. */
export function registerTimeImportRoute(app: FastifyInstance, store: Store): void {
  app.post(
    '/api/v1/time-entries/import',
    {
      config: { permission: 'delivery.write' },
      schema: {
        tags: ['Money'],
        summary:
          'Import time entries from CSV (text/csv; header "person,project,date,hours[,category,note]", person by email, project by key). All rows or none: bad rows are reported by line number',
        response: { 200: ImportResult, ...errors },
      },
    },
    async (request) => {
      const principal = await authenticate(store, request);
      requireWrite(principal);
      if (typeof request.body !== 'string')
        throw new ProblemError('unsupported_media_type', 'Send the file as text/csv.');
      const { rows, errors: problems } = parseTimeCsv(request.body);
      const org = principal.organisationId;
      const keys = [...new Set(rows.map((r) => r.project))];
      const emails = [...new Set(rows.map((r) => r.person))];
      const projects = keys.length
        ? await store.db
            .selectFrom('projects')
            .select(['id', 'key'])
            .where('organisation_id', '=', org)
            .where('key', 'in', keys)
            .execute()
        : [];
      const people = emails.length
        ? await store.db
            .selectFrom('people')
            .select(['id', 'email'])
            .where('organisation_id', '=', org)
            .where('email', 'is not', null)
            .execute()
        : [];
      const projectOf = new Map(projects.map((p) => [p.key, p.id]));
      const personOf = new Map(people.map((p) => [String(p.email).toLowerCase(), p.id]));
      for (const r of rows) {
        if (!projectOf.has(r.project))
          problems.push({ field: `row ${r.row}: project`, message: `no project with key "${r.project}"` });
        if (!personOf.has(r.person))
          problems.push({ field: `row ${r.row}: person`, message: `no person with email "${r.person}"` });
      }
      if (problems.length > 0) {
        problems.sort((a, b) => rowOf(a.field) - rowOf(b.field));
        throw new ProblemError(
          'validation_failed',
          `${problems.length} problem(s) in the file, nothing imported; first: ${problems[0]?.field}: ${problems[0]?.message}`,
          problems,
        );
      }
      const now = new Date().toISOString();
      return store.db.transaction().execute(async (trx) => {
        const values = rows.map((r) => ({
          id: randomUUID(),
          organisation_id: org,
          person_id: personOf.get(r.person) as string,
          project_id: projectOf.get(r.project) as string,
          work_item_id: null,
          worked_on: r.date,
          hours: r.hours,
          category: r.category,
          note: r.note,
          version: 1,
          created_at: now,
          updated_at: now,
        }));
        await insertInBatches(trx, 'time_entries', values);
        // Every row must land in a project the caller may book time to (the resource's own rule).
        const writable = new Set<string>();
        const restrict = accessFilter(timeEntrySpec, principal, 'write');
        for (let i = 0; i < values.length; i += 500) {
          let query = trx
            .selectFrom('time_entries')
            .select('id')
            .where(
              'id',
              'in',
              values.slice(i, i + 500).map((v) => v.id),
            );
          if (restrict) query = query.where(restrict);
          for (const r of await query.execute()) writable.add(r.id);
        }
        const refused = rows.filter((_, i) => !writable.has(values[i]?.id ?? ''));
        if (refused.length > 0) {
          throw new ProblemError(
            'forbidden',
            `Your roles do not allow booking time to ${[...new Set(refused.map((r) => r.project))].join(', ')}; nothing imported.`,
            refused.slice(0, 100).map((r) => ({
              field: `row ${r.row}: project`,
              message: 'you may not book time to this project',
            })),
          );
        }
        await insertInBatches(
          trx,
          'audit_events',
          values.map((v) => ({
            id: randomUUID(),
            organisation_id: org,
            entity_type: 'time_entry',
            entity_id: v.id,
            action: 'create',
            actor_id: principal.userId,
            actor_label: principal.label,
            at: now,
            changes: JSON.stringify(
              Object.fromEntries(
                Object.entries({
                  personId: v.person_id,
                  projectId: v.project_id,
                  workedOn: v.worked_on,
                  hours: v.hours,
                  category: v.category,
                  note: v.note,
                }).map(([k, value]) => [k, { before: null, after: value }]),
              ),
            ),
          })),
        );
        return { created: values.length, total: values.reduce((s, v) => s + v.hours, 0) };
      });
    },
  );
}
