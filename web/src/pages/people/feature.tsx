import type { WebFeature } from '../../features/feature';
import type { RouteHandle } from '../../shell/breadcrumbs';
import { RecordName } from '../record-name';
import { PersonPage } from './person-page';

/** The person page under /people; the directory and the command palette link to it. */
export const peopleFeature: WebFeature = {
  routes: {
    people: [
      {
        path: ':personId',
        element: <PersonPage />,
        handle: { crumb: (p) => <RecordName resource="people" id={p.personId} /> } satisfies RouteHandle,
      },
    ],
  },
  nav: [],
};
