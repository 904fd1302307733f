import { useSprint } from '../../api/delivery';

/** A sprint's name for breadcrumbs (sprints are not among the generic resources). */
export function SprintName({ id }: { id: string }) {
  const sprint = useSprint(id);
  return <>{sprint.data?.name ?? 'Sprint'}</>;
}
