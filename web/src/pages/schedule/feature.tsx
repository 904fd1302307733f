import type { RouteObject } from 'react-router';
import type { WebFeature } from '../../features/feature';
import type { RouteHandle } from '../../shell/breadcrumbs';
import { RecordName } from '../record-name';

// The schedule of a predictive or hybrid project: the Gantt chart and the schedule-risk page.
// Reached from the project page; pages load on first visit so the drawing code stays out of the
// first load.

const projectCrumb = (label: string): RouteHandle => ({
  crumb: (p) => (
    <>
      <RecordName resource="projects" id={p.projectId} /> · {label}
    </>
  ),
});

const portfolio: RouteObject[] = [
  {
    path: 'projects/:projectId/schedule',
    handle: projectCrumb('Schedule'),
    lazy: () => import('./gantt-page').then((m) => ({ Component: m.GanttPage })),
  },
  {
    path: 'projects/:projectId/schedule/risk',
    handle: projectCrumb('Schedule risk'),
    lazy: () => import('./risk-page').then((m) => ({ Component: m.ScheduleRiskPage })),
  },
];

export const scheduleFeature: WebFeature = { routes: { portfolio }, nav: [] };
