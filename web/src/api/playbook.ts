// TanStack Query hooks for the PMO playbook pages: templates, intake, gates, RAID, RACI and status
// reports. Types come from the generated OpenAPI document, so a server change is a type error here.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { authenticate } from './auth';
import { ApiError, apiRequest, type QueryParams } from './client';
import type { paths } from './schema.gen';

type Json<R> = R extends { content: { 'application/json': infer B } } ? B : never;
type Get<P extends keyof paths> = paths[P] extends { get: { responses: { 200: infer R } } } ? Json<R> : never;
type ItemOf<P extends keyof paths> = Get<P> extends { items: Array<infer I> } ? I : never;

export type Template = ItemOf<'/api/v1/methodology-templates'>;
export type TemplateContent = Template['content'];
export type TemplateVersion = ItemOf<'/api/v1/methodology-templates/{id}/versions'>;
export type Proposal = ItemOf<'/api/v1/project-proposals'>;
export type ProjectPlaybook = Get<'/api/v1/projects/{id}/methodology'>;
export type MovePreview = Get<'/api/v1/projects/{id}/methodology/moves/preview'>;
export type TemplateMove = ItemOf<'/api/v1/projects/{id}/methodology/moves'>;
export type Risk = ItemOf<'/api/v1/risks'>;
export type Issue = ItemOf<'/api/v1/issues'>;
export type Assumption = ItemOf<'/api/v1/assumptions'>;
export type Decision = ItemOf<'/api/v1/decisions'>;
export type RaciMatrix = ItemOf<'/api/v1/raci-matrices'>;
export type StatusReport = ItemOf<'/api/v1/status-reports'>;
export type ProjectDocument = ItemOf<'/api/v1/project-documents'>;
export type PortfolioRaid = Get<'/api/v1/portfolios/{id}/raid'>;
export type RaciWarnings = Get<'/api/v1/portfolios/{id}/raci-warnings'>;
export type StatusRollup = Get<'/api/v1/portfolios/{id}/status-rollup'>;
export type SetupPlan = Get<'/api/v1/playbook/setup-plan'>;
export type SetupStep = SetupPlan['items'][number];

/** Gate shape of the project playbook view (the server types it loosely). */
export interface PlaybookGate {
  key: string;
  name: string;
  afterPhase: string;
  entryCriteria: string[];
  exitCriteria: string[];
  requiredArtefacts: string[];
  approverRoles: string[];
  approverTriadRoles: string[];
  checklist: { key: string; text: string; required: boolean; done: boolean }[];
  status: 'pending' | 'passed' | 'passed_with_conditions' | 'recycled' | 'stopped';
  passed: boolean;
  readiness: {
    ready: boolean;
    blockedBy: string | null;
    missingArtefacts: {
      documentKey: string;
      name: string;
      reason: 'absent' | 'incomplete';
      missingFields: string[];
    }[];
    missingChecklistItems: { key: string; text: string }[];
  };
  reviews: GateReview[];
}
export interface GateReview {
  id: string;
  gateKey: string;
  gateName: string;
  outcome: 'pass' | 'pass_with_conditions' | 'recycle' | 'stop';
  rationale: string;
  conditions: string[];
  approverLabel: string;
  decidedOn: string;
  templateVersion: number;
}

/** The playbook's CRUD resources read by these pages. */
export type PlaybookResource =
  | 'methodology-templates'
  | 'project-proposals'
  | 'risks'
  | 'issues'
  | 'assumptions'
  | 'decisions'
  | 'raci-matrices'
  | 'status-reports'
  | 'project-documents';

const key = (resource: PlaybookResource | 'playbook', ...rest: unknown[]) => [resource, ...rest];

export function usePlaybookList<T>(resource: PlaybookResource, params: QueryParams, enabled = true) {
  return useQuery({
    queryKey: key(resource, 'list', params),
    queryFn: ({ signal }) =>
      apiRequest<{ items: T[] }>('GET', `/${resource}`, { query: { limit: 200, ...params }, signal }).then(
        (r) => r.items,
      ),
    enabled,
  });
}

export function usePlaybookRecord<T>(resource: PlaybookResource, id: string) {
  return useQuery({
    queryKey: key(resource, 'record', id),
    queryFn: ({ signal }) => apiRequest<T>('GET', `/${resource}/${id}`, { signal }),
    enabled: id !== '',
  });
}

/** Create, update (If-Match) or delete a playbook record; every list of the resource refreshes. */
export function usePlaybookWrite<T>(resource: PlaybookResource) {
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: [resource] });
  const create = useMutation({
    mutationFn: (body: Record<string, unknown>) => apiRequest<T>('POST', `/${resource}`, { body }),
    onSuccess: refresh,
  });
  const update = useMutation({
    mutationFn: ({ id, version, patch }: { id: string; version: number; patch: Record<string, unknown> }) =>
      apiRequest<T>('PATCH', `/${resource}/${id}`, { body: patch, ifMatch: version }),
    onSettled: refresh,
  });
  const remove = useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) =>
      apiRequest<void>('DELETE', `/${resource}/${id}`, { ifMatch: version }),
    onSuccess: refresh,
  });
  return { create, update, remove };
}

export function useTemplateVersions(id: string) {
  return useQuery({
    queryKey: key('methodology-templates', 'versions', id),
    queryFn: ({ signal }) =>
      apiRequest<{ items: TemplateVersion[] }>('GET', `/methodology-templates/${id}/versions`, {
        signal,
      }).then((r) => r.items),
  });
}

/** Makes sure the organisation has Triad's default templates (idempotent), then lists them. */
export function useEnsureDefaults() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () =>
      apiRequest<{ items: Template[] }>('POST', '/methodology-templates/defaults', { body: {} }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['methodology-templates'] }),
  });
}

export function useCloneTemplate() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, name }: { id: string; name: string }) =>
      apiRequest<Template>('POST', `/methodology-templates/${id}/clone`, { body: { name } }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['methodology-templates'] }),
  });
}

export function useTriage() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({
      id,
      version,
      ...body
    }: {
      id: string;
      version: number;
      decision: string;
      rationale: string;
      project?: { key: string };
    }) => apiRequest<Proposal>('POST', `/project-proposals/${id}/triage`, { body, ifMatch: version }),
    onSettled: () => Promise.all([client.invalidateQueries({ queryKey: ['project-proposals'] })]),
  });
}

export function useProjectPlaybook(projectId: string) {
  return useQuery({
    queryKey: key('playbook', projectId),
    queryFn: ({ signal }) =>
      apiRequest<ProjectPlaybook>('GET', `/projects/${projectId}/methodology`, { signal }),
    retry: (count, error) => !(error instanceof ApiError && error.status === 404) && count < 2,
  });
}

/** Project playbook actions: adopt, tick a checklist item, decide a gate, move to another version. */
export function usePlaybookActions(projectId: string) {
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: ['playbook', projectId] });
  const base = `/projects/${projectId}`;
  return {
    adopt: useMutation({
      mutationFn: (templateId: string) => apiRequest('POST', `${base}/methodology`, { body: { templateId } }),
      onSuccess: refresh,
    }),
    tick: useMutation({
      mutationFn: (body: { gateKey: string; itemKey: string; done: boolean }) =>
        apiRequest('PUT', `${base}/methodology/checklist`, { body }),
      onSuccess: refresh,
    }),
    decide: useMutation({
      mutationFn: ({
        gateKey,
        ...body
      }: {
        gateKey: string;
        outcome: string;
        rationale: string;
        conditions?: string[];
      }) => apiRequest<GateReview>('POST', `${base}/gates/${gateKey}/reviews`, { body }),
      onSuccess: refresh,
    }),
    move: useMutation({
      mutationFn: (body: { toVersion: number; rationale: string; version: number }) =>
        apiRequest<TemplateMove>('POST', `${base}/methodology/moves`, { body, ifMatch: body.version }),
      onSuccess: refresh,
    }),
  };
}

export function useMovePreview(projectId: string, toVersion: number | null) {
  return useQuery({
    queryKey: key('playbook', projectId, 'preview', toVersion),
    queryFn: ({ signal }) =>
      apiRequest<MovePreview>('GET', `/projects/${projectId}/methodology/moves/preview`, {
        query: { toVersion },
        signal,
      }),
    enabled: toVersion !== null,
  });
}

export function useTemplateMoves(projectId: string) {
  return useQuery({
    queryKey: key('playbook', projectId, 'moves'),
    queryFn: ({ signal }) =>
      apiRequest<{ items: TemplateMove[] }>('GET', `/projects/${projectId}/methodology/moves`, {
        signal,
      }).then((r) => r.items),
  });
}

export function usePortfolioRaid(portfolioId: string) {
  return useQuery({
    queryKey: key('risks', 'rollup', portfolioId),
    queryFn: ({ signal }) => apiRequest<PortfolioRaid>('GET', `/portfolios/${portfolioId}/raid`, { signal }),
    enabled: portfolioId !== '',
  });
}

export function useRaciWarnings(portfolioId: string) {
  return useQuery({
    queryKey: key('raci-matrices', 'warnings', portfolioId),
    queryFn: ({ signal }) =>
      apiRequest<RaciWarnings>('GET', `/portfolios/${portfolioId}/raci-warnings`, { signal }),
    enabled: portfolioId !== '',
  });
}

export function useStatusDraft(projectId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () =>
      apiRequest<StatusReport>('POST', `/projects/${projectId}/status-reports/draft`, { body: {} }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['status-reports'] }),
  });
}

/** Downloads a status report as Markdown or PDF (the export needs the caller's credentials). */
export async function downloadStatusReport(id: string, format: 'markdown' | 'pdf', fileName: string) {
  const response = await fetch(`/api/v1/status-reports/${id}/export?format=${format}`, authenticate({}));
  if (!response.ok) throw new ApiError(response.status, (await response.json()) as Record<string, unknown>);
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = `${fileName}.${format === 'pdf' ? 'pdf' : 'md'}`;
  link.click();
  // Revoked a moment later, as in lib/csv.ts: revoking at once can cancel the download.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function useStatusRollup(portfolioId: string) {
  return useQuery({
    queryKey: key('status-reports', 'rollup', portfolioId),
    queryFn: ({ signal }) =>
      apiRequest<StatusRollup>('GET', `/portfolios/${portfolioId}/status-rollup`, { signal }),
    enabled: portfolioId !== '',
  });
}

const setupPlanKey = ['playbook', 'setup-plan'];

/** The PMO's own setup plan (created by the server on first look). */
export function useSetupPlan() {
  return useQuery({
    queryKey: setupPlanKey,
    queryFn: ({ signal }) => apiRequest<SetupPlan>('GET', '/playbook/setup-plan', { signal }),
  });
}

/** Ticks off or plans one setup step (If-Match on the step's version); answers the whole plan. */
export function useUpdateSetupStep() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({
      key: stepKey,
      version,
      ...body
    }: {
      key: string;
      version: number;
      done?: boolean;
      ownerId?: string | null;
      dueDate?: string | null;
      notes?: string | null;
    }) => apiRequest<SetupPlan>('PATCH', `/playbook/setup-plan/${stepKey}`, { body, ifMatch: version }),
    onSuccess: (plan) => client.setQueryData(setupPlanKey, plan),
    onError: () => client.invalidateQueries({ queryKey: setupPlanKey }),
  });
}

export type PlaybookSettings = Get<'/api/v1/playbook/settings'>;
const settingsKey = ['playbook', 'settings'];

/** The organisation's risk matrix and RACI thresholds (the defaults at version 0 until saved). */
export function usePlaybookSettings() {
  return useQuery({
    queryKey: settingsKey,
    queryFn: ({ signal }) => apiRequest<PlaybookSettings>('GET', '/playbook/settings', { signal }),
  });
}

/** Saves the settings; the body carries the version edited (412 when someone saved first). */
export function useSavePlaybookSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: PlaybookSettings) =>
      apiRequest<PlaybookSettings>('PUT', '/playbook/settings', { body }),
    onSuccess: (saved) => {
      client.setQueryData(settingsKey, saved);
      // Ratings, flags and RACI warnings are computed with the settings.
      return Promise.all([
        client.invalidateQueries({ queryKey: ['risks'] }),
        client.invalidateQueries({ queryKey: ['raci-matrices'] }),
      ]);
    },
    onError: () => client.invalidateQueries({ queryKey: settingsKey }),
  });
}

export type ProjectHealth = Get<'/api/v1/projects/{id}/health'>;

/** The project's health score today, from live data, with its formula and reasons per dimension. */
export function useProjectHealth(projectId: string) {
  return useQuery({
    queryKey: key('status-reports', 'health', projectId),
    queryFn: ({ signal }) => apiRequest<ProjectHealth>('GET', `/projects/${projectId}/health`, { signal }),
    enabled: projectId !== '',
  });
}

/** Creates or updates a project document; the project's gate readiness is read again after. */
export function useSaveProjectDocument(projectId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({
      id,
      version,
      body,
    }: {
      id?: string;
      version?: number;
      body: { documentKey: string; title: string; fields: Record<string, string>; status: string };
    }) =>
      id === undefined
        ? apiRequest<ProjectDocument>('POST', '/project-documents', { body: { projectId, ...body } })
        : apiRequest<ProjectDocument>('PATCH', `/project-documents/${id}`, {
            body: { title: body.title, fields: body.fields, status: body.status },
            ifMatch: version,
          }),
    onSettled: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: ['project-documents'] }),
        client.invalidateQueries({ queryKey: ['playbook', projectId] }),
      ]),
  });
}
