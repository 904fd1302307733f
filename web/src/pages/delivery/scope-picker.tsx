import { useSearchParams } from 'react-router';
import type { FlowScope } from '../../api/delivery';
import { useEverything } from '../../api/resources';
import { Select, Skeleton } from '../../design';

const KINDS = [
  { value: 'team', label: 'Team' },
  { value: 'project', label: 'Project' },
  { value: 'portfolio', label: 'Portfolio (sum of its teams’ work)' },
] as const;
type Kind = (typeof KINDS)[number]['value'];
const RESOURCE = { team: 'teams', project: 'projects', portfolio: 'portfolios' } as const;

/**
 * The scope of the flow and forecast pages outside a team: kind and record, kept in the URL
 * (`?scope=project&id=…`) so a view can be linked to. Renders the pickers and the chosen scope.
 */
export function ScopePicker({ children }: { children: (scope: FlowScope, name: string) => React.ReactNode }) {
  const [params, setParams] = useSearchParams();
  const kind = (KINDS.some((k) => k.value === params.get('scope')) ? params.get('scope') : 'team') as Kind;
  const records = useEverything(RESOURCE[kind], { sort: 'name' });
  const list = (records.data ?? []) as { id: string; name: string }[];
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
          options={list.map((r) => ({ value: r.id, label: r.name }))}
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
