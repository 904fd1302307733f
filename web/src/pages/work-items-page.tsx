import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useInfiniteList } from '../api/resources';
import { STATUS_CATEGORIES, WORK_ITEM_TYPES, type WorkItem } from '../api/types';
import {
  Button,
  Card,
  DataTable,
  Input,
  optionsOf,
  QueryView,
  recordOptions,
  Select,
  type SortState,
  toSortParam,
} from '../design';
import { fetchAllRows } from '../lib/list-export';
import { ListExport } from './list-export';
import { useDeferredEverything, useDeferredNames } from './people/deferred-directory';
import { usePageTitle } from './record-name';
import { workItemColumns } from './work-item-columns';
import { WorkItemFormDialog } from './work-item-form-dialog';

const FILTERS = ['q', 'projectId', 'type', 'statusCategory', 'teamId'] as const;

/**
 * All work items, read from the server a page at a time as the table scrolls. Filters live in the
 * address so a filtered list can be bookmarked and shared.
 */
export function WorkItemsPage() {
  usePageTitle('Work items');
  const [params, setParams] = useSearchParams();
  const [sort, setSort] = useState<SortState | undefined>({ field: 'updatedAt', descending: true });
  const [creating, setCreating] = useState(false);
  const filters = Object.fromEntries(FILTERS.map((f) => [f, params.get(f) ?? ''])) as Record<
    (typeof FILTERS)[number],
    string
  >;
  const listQuery = { ...filters, sort: toSortParam(sort) };
  const items = useInfiniteList('work-items', listQuery);
  // Reference lists (filter choices, names) load after the first rows, not in competition with them.
  const ready = items.isSuccess;
  const projects = useDeferredEverything('projects', ready);
  const teamsList = useDeferredEverything('teams', ready);
  const people = useDeferredNames('people', ready);
  const teams = useDeferredNames('teams', ready);
  const columns = useMemo(() => workItemColumns(people, teams), [people, teams]);
  const rows = useMemo(() => items.data?.pages.flatMap((p) => p.items) ?? [], [items.data]);

  const setFilter = (name: (typeof FILTERS)[number]) => (e: { target: { value: string } }) => {
    const next = new URLSearchParams(params);
    if (e.target.value) next.set(name, e.target.value);
    else next.delete(name);
    setParams(next, { replace: true });
  };

  return (
    <>
      <div className="page-header">
        <div>
          <h1>Work items</h1>
          <p className="muted">Epics, features, stories, tasks and bugs across all projects.</p>
        </div>
        <Button variant="primary" onClick={() => setCreating(true)}>
          New work item
        </Button>
      </div>
      <Card>
        <div className="stack">
          <form className="row" aria-label="Filter work items" onSubmit={(e) => e.preventDefault()}>
            <Input label="Search" type="search" value={filters.q} onChange={setFilter('q')} />
            <Select
              label="Project"
              placeholder="Any"
              options={(projects.data ?? []).map((p) => ({ value: p.id, label: p.key }))}
              value={filters.projectId}
              onChange={setFilter('projectId')}
            />
            <Select
              label="Type"
              placeholder="Any"
              options={optionsOf(WORK_ITEM_TYPES)}
              value={filters.type}
              onChange={setFilter('type')}
            />
            <Select
              label="Status"
              placeholder="Any"
              options={optionsOf(STATUS_CATEGORIES)}
              value={filters.statusCategory}
              onChange={setFilter('statusCategory')}
            />
            <Select
              label="Team"
              placeholder="Any"
              options={recordOptions(teamsList.data)}
              value={filters.teamId}
              onChange={setFilter('teamId')}
            />
            <ListExport<WorkItem>
              title="Work items"
              fileStem="work-items"
              columns={columns}
              rows={() => fetchAllRows('work-items', listQuery)}
              disabled={rows.length === 0}
            />
          </form>
          <QueryView
            query={items}
            label="work items"
            lines={8}
            empty="No work items match"
            emptyHint="Change the filters or create a work item."
            isEmpty={() => rows.length === 0}
          >
            {() => (
              <DataTable<WorkItem>
                caption="Work items"
                rows={rows}
                columns={columns}
                rowKey={(w) => w.id}
                height={560}
                sort={sort}
                onSortChange={setSort}
                onEndReached={() => {
                  if (items.hasNextPage && !items.isFetchingNextPage) void items.fetchNextPage();
                }}
                footer={
                  items.isFetchingNextPage
                    ? `Loading more… (${rows.length} so far)`
                    : `${rows.length}${items.hasNextPage ? '+ (scroll for more)' : ''} work items`
                }
              />
            )}
          </QueryView>
        </div>
      </Card>
      <WorkItemFormDialog
        open={creating}
        onClose={() => setCreating(false)}
        projectId={filters.projectId || undefined}
      />
    </>
  );
}
