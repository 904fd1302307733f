import { Link } from 'react-router';
import type { Project } from '../api/types';
import { type Column, HealthBadge, humanise } from '../design';
import { formatDate, formatMoney } from '../lib/format';

/** The projects table's columns; `owners` maps person ids to names. */
export function projectColumns(owners: Map<string, string>): Column<Project>[] {
  return [
    {
      id: 'key',
      header: 'Key',
      cell: (p) => <span className="mono">{p.key}</span>,
      value: (p) => p.key,
      sortField: 'key',
      width: 90,
    },
    {
      id: 'name',
      header: 'Project',
      cell: (p) => <Link to={`/portfolio/projects/${p.id}`}>{p.name}</Link>,
      value: (p) => p.name,
      sortField: 'name',
    },
    {
      id: 'health',
      header: 'Health',
      cell: (p) => <HealthBadge health={p.health} />,
      value: (p) => p.health,
      sortField: 'health',
    },
    {
      id: 'approach',
      header: 'Approach',
      cell: (p) => humanise(p.approach),
      value: (p) => p.approach,
      sortField: 'approach',
    },
    {
      id: 'lifecycleState',
      header: 'State',
      cell: (p) => humanise(p.lifecycleState),
      value: (p) => p.lifecycleState,
      sortField: 'lifecycleState',
    },
    { id: 'phase', header: 'Phase', cell: (p) => p.phase ?? '—', value: (p) => p.phase },
    {
      id: 'startDate',
      header: 'Start',
      cell: (p) => formatDate(p.startDate),
      value: (p) => p.startDate,
      sortField: 'startDate',
    },
    {
      id: 'endDate',
      header: 'End',
      cell: (p) => formatDate(p.endDate),
      value: (p) => p.endDate,
      sortField: 'endDate',
    },
    {
      id: 'owner',
      header: 'Owner',
      cell: (p) => (p.ownerId ? (owners.get(p.ownerId) ?? '…') : '—'),
      value: (p) => (p.ownerId ? owners.get(p.ownerId) : ''),
    },
    {
      id: 'budget',
      header: 'Budget',
      cell: (p) => formatMoney(p.budget),
      value: (p) => p.budget,
      numeric: true,
    },
  ];
}
