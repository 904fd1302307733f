import type { FastifyInstance } from 'fastify';
import { ProblemSchema } from '../../http/problem-schema';
import type { Store } from '../../store/database';
import { type EntryImport, importEntries, resolveProjectKeys } from './entry-import';
import { ImportResult } from './money-schemas';
import { type ParsedTime, parseTimeCsv } from './time-csv';
import { timeEntrySpec } from './time-entry-spec';

const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 415: ProblemSchema };

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
    async (request) => importEntries(store, request, timeImport),
  );
}

const timeImport: EntryImport<ParsedTime, TimeColumns> = {
  spec: timeEntrySpec,
  parse: parseTimeCsv,
  async resolve(db, org, rows, problems) {
    const projectOf = await resolveProjectKeys(db, org, rows, problems);
    const people = rows.length
      ? await db
          .selectFrom('people')
          .select(['id', 'email'])
          .where('organisation_id', '=', org)
          .where('email', 'is not', null)
          .execute()
      : [];
    const personOf = new Map(people.map((p) => [String(p.email).toLowerCase(), p.id]));
    for (const r of rows) {
      if (!personOf.has(r.person))
        problems.push({ field: `row ${r.row}: person`, message: `no person with email "${r.person}"` });
    }
    return (r) => ({
      person_id: personOf.get(r.person) as string,
      project_id: projectOf.get(r.project) as string,
      work_item_id: null,
      worked_on: r.date,
      hours: r.hours,
      category: r.category,
      note: r.note,
    });
  },
  audit: (v) => ({
    personId: v.person_id,
    projectId: v.project_id,
    workedOn: v.worked_on,
    hours: v.hours,
    category: v.category,
    note: v.note,
  }),
  total: (v) => v.hours,
  refused: 'booking time to',
  verb: 'book time to',
};

interface TimeColumns {
  person_id: string;
  project_id: string;
  work_item_id: null;
  worked_on: string;
  hours: number;
  category: string;
  note: string | null;
}
