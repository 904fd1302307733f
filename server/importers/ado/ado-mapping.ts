import type { TrackerMapping } from '../tracker-mapping';

/**
 * Azure DevOps defaults. Types: the Agile, Scrum, CMMI and Basic processes' backlog levels
 * (Epic → Feature → User Story / Product Backlog Item / Requirement / Issue → Task, Bug).
 * States by the state category each process gives them (Microsoft Learn, "How workflow category
 * states are used in Azure Boards backlogs and boards"): Proposed → todo, In Progress and
 * Resolved → in_progress (resolved work still waits for verification), Completed and Removed →
 * done. Removed items are not counted as resolved (see REMOVED_STATES).
 */
export const DEFAULT_ADO_MAPPING: TrackerMapping = {
  types: {
    epic: 'epic',
    feature: 'feature',
    'user story': 'story',
    'product backlog item': 'story',
    requirement: 'story',
    issue: 'story',
    task: 'task',
    bug: 'bug',
  },
  defaultType: 'task',
  statuses: {
    new: 'todo',
    proposed: 'todo',
    approved: 'todo',
    'to do': 'todo',
    design: 'todo',
    active: 'in_progress',
    committed: 'in_progress',
    'in progress': 'in_progress',
    doing: 'in_progress',
    open: 'in_progress',
    resolved: 'in_progress',
    closed: 'done',
    done: 'done',
    completed: 'done',
    removed: 'done',
    cut: 'done',
  },
  unknownStatusCategory: 'in_progress',
  projects: {},
};

/** States that end an item without delivering it: done category, but no resolution instant. */
export const REMOVED_STATES = new Set(['removed', 'cut']);
