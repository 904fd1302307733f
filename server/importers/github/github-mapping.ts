import type { TrackerMapping } from '../tracker-mapping';

/**
 * GitHub defaults: the type comes from the issue type (`type.name`) or the first label with a
 * mapping entry (GitHub's default labels `bug` and `enhancement`, plus common ones), else task.
 * GitHub has two states; Open is to do, Closed and Not planned (closed with state_reason
 * `not_planned`) are done. A mapping file can add e.g. `"statuses": {"Open": "in_progress"}`.
 */
export const DEFAULT_GITHUB_MAPPING: TrackerMapping = {
  types: {
    bug: 'bug',
    epic: 'epic',
    feature: 'feature',
    enhancement: 'story',
    story: 'story',
    'user story': 'story',
    task: 'task',
  },
  defaultType: 'task',
  statuses: { open: 'todo', closed: 'done', 'not planned': 'done' },
  unknownStatusCategory: 'in_progress',
  projects: {},
};
