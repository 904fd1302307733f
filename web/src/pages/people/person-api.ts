import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../api/client';
import type { paths } from '../../api/schema.gen';
import type { Page } from '../../api/types';

type AssignmentPage =
  paths['/api/v1/resource-assignments']['get']['responses'][200]['content']['application/json'];
export type ResourceAssignment = AssignmentPage['items'][number];

/**
 * A person's resource assignments (allocations to projects), newest first. The key starts with the
 * resource name so the live-update stream's invalidation of `resource-assignments` refreshes it.
 */
export function usePersonAssignments(personId: string) {
  return useQuery({
    queryKey: ['resource-assignments', 'person', personId],
    queryFn: ({ signal }) =>
      apiRequest<Page<ResourceAssignment>>('GET', '/resource-assignments', {
        query: { personId, sort: '-startDate', limit: 100 },
        signal,
      }),
  });
}

/** The resource assignments (people booked) of one project. */
export function useProjectAssignments(projectId: string) {
  return useQuery({
    queryKey: ['resource-assignments', 'project', projectId],
    queryFn: ({ signal }) =>
      apiRequest<Page<ResourceAssignment>>('GET', '/resource-assignments', {
        query: { projectId, sort: '-startDate', limit: 200 },
        signal,
      }),
  });
}
