import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { authenticate } from './auth';
import { ApiError, apiRequest } from './client';

// The web import flow (server/features/import): upload → preview → validate → import job.

export type ImportKind = 'jira' | 'ado' | 'github' | 'table';
export type MissingPolicy = 'keep' | 'close' | 'delete';

export interface TableMappingDoc {
  columns: Record<string, string>;
  project: string | null;
  [key: string]: unknown;
}

export interface UploadPreview {
  id: string;
  fileName: string;
  size: number;
  kind: ImportKind;
  format: 'csv' | 'xlsx' | 'json';
  columns: string[];
  sampleRows: string[][];
  source: string;
  fields: string[];
  suggestedMapping: TableMappingDoc | null;
  savedMapping: Record<string, unknown> | null;
  /** The importer's built-in mapping: what the mapping editor starts from when nothing is saved. */
  defaultMapping: Record<string, unknown>;
}

export interface Rejection {
  row: number;
  reason: string;
}

export interface ValidationReport {
  total: number;
  valid: number;
  existing: number;
  rejected: number;
  rejections: Rejection[];
  /** Statuses nothing classified (taken as the mapping's unknownStatusCategory). */
  unclassifiedStatuses: string[];
}

export interface ImportJob {
  id: string;
  status: 'running' | 'completed' | 'failed';
  done: number;
  total: number;
  startedAt: string;
  summary: {
    created: number;
    updated: number;
    unchanged: number;
    rejected: number;
    missing: number;
    rejections: Rejection[];
  } | null;
  error: string | null;
}

export interface ImportStep {
  kind: ImportKind;
  mapping?: Record<string, unknown>;
  source?: string;
  timeZone?: string;
}

/** Sends the file's bytes as they are (no multipart): the server keeps it for the next steps. */
export async function uploadImportFile(file: File): Promise<UploadPreview> {
  const init = authenticate({
    method: 'POST',
    headers: { 'Content-Type': 'application/octet-stream', Accept: 'application/json' },
    body: file,
  });
  const response = await fetch(`/api/v1/imports/uploads?fileName=${encodeURIComponent(file.name)}`, init);
  const payload = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (!response.ok) throw new ApiError(response.status, payload);
  return payload as unknown as UploadPreview;
}

export function useUploadImport() {
  return useMutation({ mutationFn: uploadImportFile });
}

export function useValidateImport(uploadId: string) {
  return useMutation({
    mutationFn: (step: ImportStep) =>
      apiRequest<ValidationReport>('POST', `/imports/uploads/${uploadId}/validate`, { body: step }),
  });
}

export function useStartImport(uploadId: string) {
  return useMutation({
    mutationFn: (step: ImportStep & { onMissing: MissingPolicy }) =>
      apiRequest<ImportJob>('POST', `/imports/uploads/${uploadId}/import`, { body: step }),
  });
}

/** Polls the job twice a second while it runs; a finished run has saved its source and mapping. */
export function useImportJob(jobId: string | undefined) {
  const client = useQueryClient();
  return useQuery({
    queryKey: ['import-job', jobId],
    queryFn: async () => {
      const job = await apiRequest<ImportJob>('GET', `/imports/jobs/${jobId}`);
      if (job.status !== 'running') void client.invalidateQueries({ queryKey: ['import-sources'] });
      return job;
    },
    enabled: jobId !== undefined,
    refetchInterval: (query) => (query.state.data?.status === 'running' || !query.state.data ? 500 : false),
  });
}

// Import sources and the mapping saved with each (GET/PUT /imports/sources…). The PUT carries the
// source's ETag as If-Match, so two people editing one mapping cannot overwrite each other.

export interface ImportSourceSummary {
  id: string;
  source: string;
  kind: 'jira' | 'ado' | 'github' | 'csv' | string;
  lastRunAt: string | null;
  updatedAt: string;
}

export interface ImportSource extends ImportSourceSummary {
  mapping: Record<string, unknown>;
  defaultMapping: Record<string, unknown>;
  etag: string;
}

async function sourceRequest(method: 'GET' | 'PUT', path: string, body?: unknown, etag?: string) {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (etag) headers['If-Match'] = etag;
  const init: RequestInit = { method, headers };
  if (body !== undefined) init.body = JSON.stringify(body);
  const response = await fetch(`/api/v1/imports/sources${path}`, authenticate(init));
  const payload = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (!response.ok) throw new ApiError(response.status, payload);
  return { payload, etag: response.headers.get('etag') ?? '' };
}

export function useImportSources() {
  return useQuery({
    queryKey: ['import-sources'],
    queryFn: async () => (await sourceRequest('GET', '')).payload.items as ImportSourceSummary[],
  });
}

export function useImportSource(id: string | undefined) {
  return useQuery({
    queryKey: ['import-sources', id],
    queryFn: async () => {
      const { payload, etag } = await sourceRequest('GET', `/${id}`);
      return { ...(payload as unknown as Omit<ImportSource, 'etag'>), etag } as ImportSource;
    },
    enabled: id !== undefined,
  });
}

export function useSaveSourceMapping() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (input: { id: string; etag: string; mapping: Record<string, unknown> }) => {
      const { payload, etag } = await sourceRequest(
        'PUT',
        `/${input.id}/mapping`,
        { mapping: input.mapping },
        input.etag,
      );
      return { ...(payload as unknown as Omit<ImportSource, 'etag'>), etag } as ImportSource;
    },
    onSuccess: (source) => {
      client.setQueryData(['import-sources', source.id], source);
      void client.invalidateQueries({ queryKey: ['import-sources'], exact: true });
    },
  });
}
