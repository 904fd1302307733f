import { useRecord } from '../../api/resources';
import type { WebFeature } from '../../features/feature';
import type { RouteHandle } from '../../shell/breadcrumbs';
import { PersonPage } from './person-page';

/** A person's name for the breadcrumb (RecordName would read a person's job `title` as a work item's). */
function PersonCrumb({ id }: { id: string | undefined }) {
  const person = useRecord('people', id);
  return <>{person.data?.name ?? '…'}</>;
}

/** The person page under /people; the directory and the command palette link to it. */
export const peopleFeature: WebFeature = {
  routes: {
    people: [
      {
        path: ':personId',
        element: <PersonPage />,
        handle: { crumb: (p) => <PersonCrumb id={p.personId} /> } satisfies RouteHandle,
      },
    ],
  },
  nav: [],
};
