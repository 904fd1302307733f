import { useSearchParams } from 'react-router';
import type { FlowScope } from '../../api/delivery';
import { useEverything } from '../../api/resources';
import { recordOptions, Select, Skeleton } from '../../design';

const KINDS = [
  { value: 'team', label: 'Team' },
  { value: 'epic', label: 'Epic (its features’ and its own stories, tasks and bugs)' },
  { value: 'project', label: 'Project' },
  { value: 'portfolio', label: 'Portfolio (sum of its teams’ work)' },
] as const;
type Kind = (typeof KINDS)[number]['value'];

/** Where each kind's records come from and how a record is named in the picker. */
const SOURCES = {
  team: { resource: 'teams', params: { sort: 'name' } },
  project: { resource: 'projects', params: { sort: 'name' } },
  portfolio: { resource: 'portfolios', params: { sort: 'name' } },
  // Epics are work items: the API's epicId scope counts the leaf items under the epic.
  epic: { resource: 'work-items', params: { type: 'epic', sort: 'title' } },
} as const;

interface ScopeRecord {
  id: string;
  name?: string;
  key?: string;
  title?: string;
}
const recordName = (r: ScopeRecord) => r.name ?? [r.key, r.title].filter(Boolean).join(' · ');

/**
 * The scope of the flow and forecast pages outside a team: a team, an epic, a project or a
 * portfolio, kept in the URL (`?scope=epic&id=…`) so a view can be linked to. Renders the pickers
 * and the chosen scope.
 */
export function ScopePicker({ children }: { children: (scope: FlowScope, name: string) => React.ReactNode }) {
  const [params, setParams] = useSearchParams();
  const kind = (KINDS.some((k) => k.value === params.get('scope')) ? params.get('scope') : 'team') as Kind;
  const source = SOURCES[kind];
  const records = useEverything(source.resource, source.params);
  const list = ((records.data ?? []) as ScopeRecord[]).map((r) => ({ id: r.id, name: recordName(r) }));
  const chosen = list.find((r) => r.id === params.get('id')) ?? list[0];
  return (
    <>
      <div className="row" style={{ marginBottom: 'var(--space-4)' }}>
        <Select
          label="Scope"
          options={KINDS}
          value={kind}
          onChange={(e) => setParams({ scope: e.target.value }, { replace: true })}
        />
        <Select
          label={KINDS.find((k) => k.value === kind)?.label.split(' ')[0] ?? 'Record'}
          options={recordOptions(list)}
          value={chosen?.id ?? ''}
          onChange={(e) => setParams({ scope: kind, id: e.target.value }, { replace: true })}
        />
      </div>
      {records.isPending ? (
        <Skeleton label="Loading scopes" />
      ) : chosen ? (
        children({ kind, id: chosen.id }, chosen.name)
      ) : (
        <p className="muted">Nothing to choose from yet.</p>
      )}
    </>
  );
}
