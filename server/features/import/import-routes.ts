import type { FastifyInstance } from 'fastify';
import { recordAudit } from '../../audit/audit-store';
import { authenticate, requireOrgAdmin, requireWrite } from '../../auth/authenticate';
import { ProblemError } from '../../http/problem';
import { ProblemSchema } from '../../http/problem-schema';
import type { MissingPolicy } from '../../importers/import-batch-finish';
import { suggestTableColumns, TABLE_FIELDS } from '../../importers/table/table-mapping';
import type { Store } from '../../store/database';
import { type ImportKind, previewFile } from './detect-kind';
import {
  ImportBody,
  JobParams,
  JobResponse,
  PreviewResponse,
  StepBody,
  UploadParams,
  UploadQuery,
  ValidateResponse,
} from './import-schemas';
import { findJob, savedMappingFor, sourceFor, startImport, validateImport } from './import-service';
import { registerImportSourceRoutes } from './source-routes';
import { defaultMappingOf } from './source-service';
import { findUpload, MAX_UPLOAD_BYTES, saveUpload } from './upload-store';

const errors = (...statuses: number[]) => Object.fromEntries(statuses.map((s) => [s, ProblemSchema]));
const tags = ['Import'];
// Imports create projects and people across the organisation: organisation admins only.
const admin = { permission: 'org.admin' as const };
const BASE = '/api/v1/imports';

type Step = { kind: ImportKind; mapping?: Record<string, unknown>; source?: string; timeZone?: string };

/**
 * The web import: upload a file (raw body), preview it (detected importer, columns, sample rows,
 * suggested and saved mapping), validate it with a mapping (per-row report, nothing written),
 * then import it as a background job whose progress and result the page polls.
 */
export function registerImportRoutes(app: FastifyInstance, store: Store): void {
  const admitted = async (request: Parameters<typeof authenticate>[1], write: boolean) => {
    const principal = await authenticate(store, request);
    requireOrgAdmin(principal);
    if (write) requireWrite(principal);
    return principal;
  };

  void app.register(async (scope) => {
    scope.addContentTypeParser(
      'application/octet-stream',
      { parseAs: 'buffer', bodyLimit: MAX_UPLOAD_BYTES },
      (_r, body, done) => done(null, body),
    );
    scope.post(
      `${BASE}/uploads`,
      {
        config: admin,
        bodyLimit: MAX_UPLOAD_BYTES,
        schema: {
          tags,
          summary: 'Upload a file to import (body: the raw file as application/octet-stream)',
          querystring: UploadQuery,
          response: { 201: PreviewResponse, ...errors(400, 401, 403, 413, 415) },
        },
      },
      async (request, reply) => {
        const principal = await admitted(request, true);
        const body = request.body;
        if (!Buffer.isBuffer(body) || body.length === 0)
          throw new ProblemError('validation_failed', 'The body must be the file’s bytes.', [
            { field: 'body', message: 'is empty' },
          ]);
        const { fileName } = request.query as { fileName: string };
        const upload = await saveUpload(
          principal.organisationId,
          principal.userId,
          fileName,
          body,
          new Date(),
        );
        return reply.code(201).send(await present(upload, principal.organisationId));
      },
    );
  });

  const present = async (upload: Awaited<ReturnType<typeof findUpload>>, organisationId?: string) => {
    const preview = await previewFile(upload.path).catch((error: Error) => {
      throw new ProblemError('validation_failed', `The file cannot be read: ${error.message}`, [
        { field: 'file', message: error.message },
      ]);
    });
    const source = sourceFor(preview.kind, upload.fileName);
    const saved = organisationId ? await savedMappingFor(store, organisationId, source) : null;
    return {
      id: upload.id,
      fileName: upload.fileName,
      size: upload.size,
      ...preview,
      source,
      fields: [...TABLE_FIELDS],
      suggestedMapping:
        preview.kind === 'table' ? { columns: suggestTableColumns(preview.columns), project: null } : null,
      savedMapping: (saved as Record<string, unknown> | null) ?? null,
      defaultMapping: defaultMappingOf(preview.kind === 'table' ? 'csv' : preview.kind) as Record<
        string,
        unknown
      >,
    };
  };

  app.get(
    `${BASE}/uploads/:id`,
    {
      config: admin,
      schema: {
        tags,
        summary: 'Preview an upload',
        params: UploadParams,
        response: { 200: PreviewResponse, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const principal = await admitted(request, false);
      const upload = await findUpload(principal.organisationId, (request.params as { id: string }).id);
      return present(upload, principal.organisationId);
    },
  );

  app.post(
    `${BASE}/uploads/:id/validate`,
    {
      config: admin,
      schema: {
        tags,
        summary: 'Check an upload against a mapping: per-row report, nothing written',
        params: UploadParams,
        body: StepBody,
        response: { 200: ValidateResponse, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const principal = await admitted(request, false);
      const upload = await findUpload(principal.organisationId, (request.params as { id: string }).id);
      const body = request.body as Step;
      return validateImport(store, principal.organisationId, {
        ...body,
        path: upload.path,
        fileName: upload.fileName,
      });
    },
  );

  app.post(
    `${BASE}/uploads/:id/import`,
    {
      config: admin,
      schema: {
        tags,
        summary: 'Import an upload as a sync of its source (background job; poll the job)',
        params: UploadParams,
        body: ImportBody,
        response: { 202: JobResponse, ...errors(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const principal = await admitted(request, true);
      const upload = await findUpload(principal.organisationId, (request.params as { id: string }).id);
      const body = request.body as Step & { onMissing?: MissingPolicy };
      const job = await startImport(store, principal.organisationId, principal.label, {
        ...body,
        onMissing: body.onMissing ?? 'keep',
        path: upload.path,
        fileName: upload.fileName,
      });
      // Each imported record gets its own audit entry; this one records who started the run.
      await recordAudit(store.db, principal, job.startedAt, {
        entityType: 'import',
        entityId: job.id,
        action: 'create',
        changes: { file: { before: null, after: upload.fileName }, kind: { before: null, after: body.kind } },
      });
      return reply.code(202).send(job);
    },
  );

  app.get(
    `${BASE}/jobs/:id`,
    {
      config: admin,
      schema: {
        tags,
        summary: 'Progress and result of an import job',
        params: JobParams,
        response: { 200: JobResponse, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const principal = await admitted(request, false);
      const job = findJob(principal.organisationId, (request.params as { id: string }).id);
      if (!job)
        throw new ProblemError('not_found', 'No such import job (jobs are kept while the server runs).');
      return job;
    },
  );

  registerImportSourceRoutes(app, store);
}
