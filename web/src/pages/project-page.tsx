import { useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { isApiError } from '../api/client';
import { useDeleteRecord, useEverything, useInfiniteList, useList, useRecord } from '../api/resources';
import type { Dependency, Milestone, WorkItem } from '../api/types';
import {
  Button,
  Card,
  DataTable,
  Dialog,
  EmptyState,
  ErrorState,
  HealthBadge,
  humanise,
  QueryView,
  Skeleton,
} from '../design';
import { formatDate, formatMoney } from '../lib/format';
import { fetchAllRows } from '../lib/list-export';
import { AuditHistory } from './audit-history';
import { ListExport } from './list-export';
import { ProjectMembers } from './people/project-members';
import { ProjectFormDialog } from './project-form-dialog';
import { usePageTitle, usePeopleNames, useTeamNames } from './record-name';
import { workItemColumns } from './work-item-columns';
import { WorkItemFormDialog } from './work-item-form-dialog';

export function ProjectPage() {
  const { projectId = '' } = useParams();
  const project = useRecord('projects', projectId);
  const people = usePeopleNames();
  const portfolios = useEverything('portfolios');
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [addingItem, setAddingItem] = useState(false);
  usePageTitle(project.data?.name ?? 'Project');

  if (project.isPending) return <Skeleton lines={8} label="Loading project" />;
  if (project.isError) return <ErrorState error={project.error} onRetry={() => void project.refetch()} />;
  const p = project.data;
  const portfolioName = portfolios.data?.find((x) => x.id === p.portfolioId)?.name ?? '…';

  return (
    <>
      <div className="page-header">
        <div>
          <h1>
            <span className="mono muted">{p.key}</span> {p.name}
          </h1>
          <p className="muted">
            {portfolioName} · <Link to={`/portfolio/projects/${p.id}/schedule`}>Schedule (Gantt)</Link>
            {' · '}
            <Link to={`/portfolio/projects/${p.id}/gates`}>Playbook: gates, RAID, RACI, status</Link>
          </p>
        </div>
        <div className="row">
          <Button onClick={() => setEditing(true)}>Edit project</Button>
          <Button variant="danger" onClick={() => setDeleting(true)}>
            Delete project
          </Button>
        </div>
      </div>
      <Card title="Summary">
        <dl className="facts">
          <dt>Health</dt>
          <dd>
            <HealthBadge health={p.health} />
          </dd>
          <dt>Approach</dt>
          <dd>{humanise(p.approach)}</dd>
          <dt>Lifecycle state</dt>
          <dd>{humanise(p.lifecycleState)}</dd>
          <dt>Phase</dt>
          <dd>{p.phase ?? '—'}</dd>
          <dt>Dates</dt>
          <dd>
            {formatDate(p.startDate)} to {formatDate(p.endDate)}
          </dd>
          <dt>Owner</dt>
          <dd>{p.ownerId ? (people.get(p.ownerId) ?? '…') : '—'}</dd>
          <dt>Budget</dt>
          <dd>{formatMoney(p.budget)}</dd>
          <dt>Description</dt>
          <dd>{p.description ?? '—'}</dd>
        </dl>
      </Card>
      <ProjectWorkItems projectId={p.id} onAdd={() => setAddingItem(true)} />
      <div className="grid-2">
        <ProjectMilestones projectId={p.id} />
        <ProjectDependencies projectId={p.id} />
      </div>
      <ProjectMembers projectId={p.id} ownerId={p.ownerId} />
      <AuditHistory resource="projects" id={p.id} />
      <ProjectFormDialog open={editing} onClose={() => setEditing(false)} project={p} />
      <DeleteProjectDialog
        open={deleting}
        onClose={() => setDeleting(false)}
        project={{ id: p.id, version: p.version, name: p.name }}
      />
      <WorkItemFormDialog open={addingItem} onClose={() => setAddingItem(false)} projectId={p.id} />
    </>
  );
}

function DeleteProjectDialog({
  open,
  onClose,
  project,
}: {
  open: boolean;
  onClose: () => void;
  project: { id: string; version: number; name: string };
}) {
  const remove = useDeleteRecord('projects');
  const navigate = useNavigate();
  const blocked = isApiError(remove.error, 'has_dependents');
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={`Delete ${project.name}?`}
      description="The project is removed for everyone. Its history stays in the audit log."
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button
            variant="danger"
            disabled={remove.isPending}
            onClick={() =>
              remove.mutate(
                { id: project.id, version: project.version },
                { onSuccess: () => void navigate('/portfolio', { replace: true }) },
              )
            }
          >
            Delete
          </Button>
        </>
      }
    >
      {remove.error && (
        <p role="alert" className="t-field__error">
          {blocked
            ? 'This project still has work items, milestones or dependencies. Remove them first.'
            : remove.error.message}
        </p>
      )}
    </Dialog>
  );
}

function ProjectWorkItems({ projectId, onAdd }: { projectId: string; onAdd: () => void }) {
  const listQuery = { projectId, sort: '-updatedAt' };
  const items = useInfiniteList('work-items', listQuery);
  const people = usePeopleNames();
  const teams = useTeamNames();
  const columns = useMemo(() => workItemColumns(people, teams), [people, teams]);
  const rows = useMemo(() => items.data?.pages.flatMap((p) => p.items) ?? [], [items.data]);
  return (
    <Card
      title="Work items"
      actions={
        <div className="row">
          <ListExport<WorkItem>
            title="Work items"
            fileStem="project-work-items"
            columns={columns}
            rows={() => fetchAllRows('work-items', listQuery)}
            disabled={rows.length === 0}
          />
          <Button onClick={onAdd}>New work item</Button>
        </div>
      }
    >
      <QueryView query={items} label="work items" empty="No work items yet" isEmpty={() => rows.length === 0}>
        {() => (
          <DataTable<WorkItem>
            caption="Work items of this project"
            rows={rows}
            columns={columns}
            rowKey={(w) => w.id}
            height={360}
            onEndReached={() => {
              if (items.hasNextPage && !items.isFetchingNextPage) void items.fetchNextPage();
            }}
            footer={`${rows.length}${items.hasNextPage ? '+' : ''} work items`}
          />
        )}
      </QueryView>
    </Card>
  );
}

function ProjectMilestones({ projectId }: { projectId: string }) {
  const milestones = useList('milestones', { projectId, sort: 'dueDate', limit: 200 });
  const rows = milestones.data?.items ?? [];
  return (
    <Card title="Milestones">
      <QueryView
        query={milestones}
        label="milestones"
        empty="No milestones"
        isEmpty={() => rows.length === 0}
      >
        {() => (
          <DataTable<Milestone>
            caption="Milestones"
            rows={rows}
            rowKey={(m) => m.id}
            height={300}
            columns={[
              { id: 'name', header: 'Milestone', cell: (m) => m.name },
              { id: 'due', header: 'Due', cell: (m) => formatDate(m.dueDate) },
              { id: 'done', header: 'Completed', cell: (m) => formatDate(m.completedOn) },
            ]}
          />
        )}
      </QueryView>
    </Card>
  );
}

function ProjectDependencies({ projectId }: { projectId: string }) {
  const before = useList('dependencies', { kind: 'project', successorId: projectId, limit: 200 });
  const after = useList('dependencies', { kind: 'project', predecessorId: projectId, limit: 200 });
  const projects = useEverything('projects');
  const names = new Map((projects.data ?? []).map((p) => [p.id, p.name]));
  const rows = [
    ...(before.data?.items ?? []).map((d) => ({ d, direction: 'Needs', other: d.predecessorId })),
    ...(after.data?.items ?? []).map((d) => ({ d, direction: 'Needed by', other: d.successorId })),
  ];
  const link = (id: string) => <Link to={`/portfolio/projects/${id}`}>{names.get(id) ?? id}</Link>;
  return (
    <Card title="Dependencies">
      {before.isPending || after.isPending ? (
        <Skeleton label="Loading dependencies" />
      ) : before.isError || after.isError ? (
        <ErrorState error={before.error ?? after.error} />
      ) : rows.length === 0 ? (
        <EmptyState title="No dependencies" />
      ) : (
        <DataTable<{ d: Dependency; direction: string; other: string }>
          caption="Project dependencies"
          rows={rows}
          rowKey={(r) => r.d.id}
          height={300}
          columns={[
            { id: 'direction', header: 'Relation', cell: (r) => r.direction },
            { id: 'other', header: 'Project', cell: (r) => link(r.other) },
            {
              id: 'type',
              header: 'Link',
              cell: (r) => `${r.d.linkType}${r.d.lagDays ? ` ${r.d.lagDays}d` : ''}`,
            },
          ]}
        />
      )}
    </Card>
  );
}
