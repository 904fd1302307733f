import type { FastifyInstance } from 'fastify';
import { type TObject, Type } from 'typebox';
import { authenticate } from '../../auth/authenticate';
import { ProblemSchema } from '../../http/problem-schema';
import type { RoutePermission } from '../../http/route-permissions';
import { listQuerySchema } from '../../resources/resource-schemas';
import type { ResourceSpec } from '../../resources/resource-spec';
import type { Store } from '../../store/database';
import { csvStream, exportRows, MAX_EXPORT_ROWS, primed, xlsxStream } from './export-service';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * `GET /api/v1/<resource>/export?format=csv|xlsx&<the list's filters>`: every list view as a
 * spreadsheet, with the list's filters, sort and access rules. Reading is all it needs.
 */
export function registerExportRoutes(
  app: FastifyInstance,
  store: Store,
  specs: readonly ResourceSpec[],
): void {
  for (const spec of specs) {
    const list = listQuerySchema(spec) as TObject;
    const { limit: _limit, cursor: _cursor, ...filters } = list.properties;
    const querystring = Type.Object(
      {
        ...filters,
        format: Type.Optional(Type.Union([Type.Literal('csv'), Type.Literal('xlsx')], { default: 'csv' })),
      },
      { additionalProperties: false },
    );
    app.get(
      `/api/v1/${spec.path}/export`,
      {
        config: { permission: `${spec.access.area}.read` as RoutePermission },
        schema: {
          tags: [spec.title],
          summary: `Export ${spec.title.toLowerCase()} records as CSV or XLSX (the list's filters; at most ${MAX_EXPORT_ROWS} rows)`,
          querystring,
          response: {
            200: Type.String({ description: 'text/csv (UTF-8 with BOM) or an XLSX workbook' }),
            400: ProblemSchema,
            401: ProblemSchema,
          },
        },
      },
      async (request, reply) => {
        const principal = await authenticate(store, request);
        const { format = 'csv', ...query } = request.query as { format?: 'csv' | 'xlsx' } & Record<
          string,
          unknown
        >;
        const ctx = { principal, now: new Date().toISOString() };
        const rows = await primed(exportRows(store.db, ctx, spec, query));
        const stamp = ctx.now.slice(0, 10);
        reply.header('content-disposition', `attachment; filename="${spec.path}-${stamp}.${format}"`);
        reply.header('cache-control', 'no-store');
        if (format === 'xlsx') return reply.type(XLSX_TYPE).send(xlsxStream(spec, rows));
        return reply.type('text/csv; charset=utf-8').send(csvStream(spec, rows));
      },
    );
  }
}
