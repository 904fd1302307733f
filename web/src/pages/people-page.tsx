import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useInfiniteList } from '../api/resources';
import type { Person } from '../api/types';
import { Badge, Card, type Column, DataTable, Input, QueryView } from '../design';
import { fetchAllRows } from '../lib/list-export';
import { ListExport } from './list-export';
import { usePageTitle } from './record-name';

const COLUMNS: Column<Person>[] = [
  {
    id: 'name',
    header: 'Name',
    cell: (p) => <Link to={`/people/${p.id}`}>{p.name}</Link>,
    value: (p) => p.name,
  },
  { id: 'title', header: 'Title', cell: (p) => p.title ?? '—', value: (p) => p.title },
  { id: 'location', header: 'Location', cell: (p) => p.location ?? '—', value: (p) => p.location },
  { id: 'fte', header: 'FTE', cell: (p) => p.fte, value: (p) => p.fte, numeric: true },
  {
    id: 'skills',
    header: 'Skills',
    value: (p) => p.skills.map((s) => `${s.skill} ${s.proficiency}`).join('; '),
    cell: (p) => (
      <span className="row" style={{ gap: 4, flexWrap: 'nowrap' }}>
        {p.skills.map((s) => (
          <Badge key={s.skill}>
            {s.skill} {s.proficiency}
          </Badge>
        ))}
      </span>
    ),
  },
];

export function PeoplePage() {
  usePageTitle('People');
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const skill = params.get('skill') ?? '';
  const listQuery = { q, skill, sort: 'name' };
  const people = useInfiniteList('people', listQuery);
  const rows = useMemo(() => people.data?.pages.flatMap((p) => p.items) ?? [], [people.data]);
  const set = (name: string) => (e: { target: { value: string } }) => {
    const next = new URLSearchParams(params);
    if (e.target.value) next.set(name, e.target.value);
    else next.delete(name);
    setParams(next, { replace: true });
  };

  return (
    <>
      <div className="page-header">
        <div>
          <h1>People</h1>
          <p className="muted">Everyone in the organisation, with their skills (proficiency 1–5).</p>
        </div>
      </div>
      <Card>
        <div className="stack">
          <form className="row" aria-label="Filter people" onSubmit={(e) => e.preventDefault()}>
            <Input label="Search" type="search" value={q} onChange={set('q')} />
            <Input
              label="Skill"
              hint="Exact skill name, e.g. TypeScript"
              value={skill}
              onChange={set('skill')}
            />
            <ListExport<Person>
              title="People"
              fileStem="people"
              columns={COLUMNS}
              rows={() => fetchAllRows('people', listQuery)}
              disabled={rows.length === 0}
            />
          </form>
          <QueryView
            query={people}
            label="people"
            lines={6}
            empty="Nobody matches"
            isEmpty={() => rows.length === 0}
          >
            {() => (
              <DataTable<Person>
                caption="People"
                rows={rows}
                rowKey={(p) => p.id}
                height={560}
                onEndReached={() => {
                  if (people.hasNextPage && !people.isFetchingNextPage) void people.fetchNextPage();
                }}
                columns={COLUMNS}
                footer={`${rows.length}${people.hasNextPage ? '+' : ''} people`}
              />
            )}
          </QueryView>
        </div>
      </Card>
    </>
  );
}
