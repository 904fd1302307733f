import { useMemo, useState } from 'react';
import { useInfiniteList } from '../api/resources';
import { APPROACHES, HEALTHS, LIFECYCLE_STATES, type Project } from '../api/types';
import {
  Button,
  Card,
  DataTable,
  Input,
  Menu,
  optionsOf,
  QueryView,
  Select,
  type SortState,
  toSortParam,
} from '../design';
import { fetchAllRows } from '../lib/list-export';
import { usePortfolioScope } from '../shell/portfolio-scope';
import { ListExport } from './list-export';
import { useDeferredNames } from './people/deferred-directory';
import { projectColumns } from './project-columns';
import { ProjectFormDialog } from './project-form-dialog';
import { usePageTitle } from './record-name';
import { SavedViews } from './saved-views-control';

export interface OverviewState {
  q: string;
  approach: string;
  lifecycleState: string;
  health: string;
  columns: string[];
  sort: SortState | undefined;
}

const DEFAULT_STATE: OverviewState = {
  q: '',
  approach: '',
  lifecycleState: '',
  health: '',
  columns: [
    'key',
    'name',
    'health',
    'approach',
    'lifecycleState',
    'phase',
    'startDate',
    'endDate',
    'owner',
    'budget',
  ],
  sort: { field: 'name', descending: false },
};

export function PortfolioOverviewPage() {
  usePageTitle('Portfolio overview');
  const { portfolioId } = usePortfolioScope();
  const [state, setState] = useState<OverviewState>(DEFAULT_STATE);
  const [creating, setCreating] = useState(false);
  const listParams = {
    portfolioId,
    q: state.q,
    approach: state.approach,
    lifecycleState: state.lifecycleState,
    health: state.health,
    sort: toSortParam(state.sort),
  };
  const projects = useInfiniteList('projects', listParams);
  // Owner names load after the first rows, so they do not compete with them (docs/benchmarks.md).
  const owners = useDeferredNames('people', projects.isSuccess);
  const allColumns = useMemo(() => projectColumns(owners), [owners]);
  const columns = useMemo(
    () => allColumns.filter((c) => state.columns.includes(c.id)),
    [allColumns, state.columns],
  );
  const rows = useMemo(() => projects.data?.pages.flatMap((p) => p.items) ?? [], [projects.data]);
  const update = (patch: Partial<OverviewState>) => setState((s) => ({ ...s, ...patch }));

  return (
    <>
      <div className="page-header">
        <div>
          <h1>Portfolio overview</h1>
          <p className="muted">Projects across the portfolio, with health, lifecycle and budget.</p>
        </div>
        <Button variant="primary" onClick={() => setCreating(true)}>
          New project
        </Button>
      </div>
      <Card>
        <div className="stack">
          <form className="row" aria-label="Filter projects" onSubmit={(e) => e.preventDefault()}>
            <Input
              label="Search"
              type="search"
              value={state.q}
              onChange={(e) => update({ q: e.target.value })}
            />
            <Select
              label="Approach"
              placeholder="Any"
              options={optionsOf(APPROACHES)}
              value={state.approach}
              onChange={(e) => update({ approach: e.target.value })}
            />
            <Select
              label="State"
              placeholder="Any"
              options={optionsOf(LIFECYCLE_STATES)}
              value={state.lifecycleState}
              onChange={(e) => update({ lifecycleState: e.target.value })}
            />
            <Select
              label="Health"
              placeholder="Any"
              options={optionsOf(HEALTHS)}
              value={state.health}
              onChange={(e) => update({ health: e.target.value })}
            />
            <ColumnChooser
              all={allColumns.map((c) => ({ id: c.id, header: c.header }))}
              visible={state.columns}
              onChange={(ids) => update({ columns: ids })}
            />
            <SavedViews<OverviewState> table="projects" current={state} onApply={setState} />
            <ListExport<Project>
              title="Projects"
              fileStem="projects"
              columns={columns}
              rows={() => fetchAllRows('projects', listParams)}
              disabled={rows.length === 0}
            />
          </form>
          <QueryView
            query={projects}
            label="projects"
            lines={6}
            empty="No projects match"
            emptyHint="Change the filters or create a project."
            isEmpty={() => rows.length === 0}
          >
            {() => (
              <DataTable<Project>
                caption="Projects"
                rows={rows}
                columns={columns}
                rowKey={(p) => p.id}
                sort={state.sort}
                onSortChange={(sort) => update({ sort })}
                onEndReached={() => {
                  if (projects.hasNextPage && !projects.isFetchingNextPage) void projects.fetchNextPage();
                }}
                footer={`${rows.length}${projects.hasNextPage ? '+' : ''} projects`}
              />
            )}
          </QueryView>
        </div>
      </Card>
      <ProjectFormDialog open={creating} onClose={() => setCreating(false)} />
    </>
  );
}

function ColumnChooser({
  all,
  visible,
  onChange,
}: {
  all: { id: string; header: string }[];
  visible: string[];
  onChange: (ids: string[]) => void;
}) {
  const [open, setOpen] = useState(false);
  return (
    <Menu summary="Columns" open={open} onOpenChange={setOpen}>
      <fieldset className="t-menu__panel">
        <legend className="visually-hidden">Visible columns</legend>
        {all.map((column) => (
          <label key={column.id} className="t-check">
            <input
              type="checkbox"
              checked={visible.includes(column.id)}
              disabled={column.id === 'name'}
              onChange={(e) =>
                onChange(
                  e.target.checked
                    ? all.map((c) => c.id).filter((id) => id === column.id || visible.includes(id))
                    : visible.filter((id) => id !== column.id),
                )
              }
            />
            {column.header}
          </label>
        ))}
      </fieldset>
    </Menu>
  );
}
