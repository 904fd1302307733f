import { useState } from 'react';
import { STATUS_CATEGORIES, WORK_ITEM_TYPES } from '../../api/types';
import { Button, humanise, Input, optionsOf, Select } from '../../design';

/**
 * A tracker's mapping as a form (docs/importing.md, "Mapping files"): its statuses to Triad's
 * categories, its issue types to Triad's types, its project keys to Triad's, and for Jira the
 * fields that hold story points, the epic link and the sprint. Jira names the types `issueTypes`;
 * Azure DevOps, GitHub and spreadsheets name them `types`.
 */
export type MappingDoc = Record<string, unknown>;

const JIRA_FIELDS = [
  { key: 'storyPoints', label: 'Story points field' },
  { key: 'epicLink', label: 'Epic link field' },
  { key: 'sprint', label: 'Sprint field' },
] as const;

const record = (value: unknown): Record<string, string> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? Object.fromEntries(Object.entries(value).filter((e): e is [string, string] => typeof e[1] === 'string'))
    : {};

export function TrackerMappingForm({
  kind,
  value,
  onChange,
}: {
  /** jira, ado, github, or csv/table (a spreadsheet's vocabulary). */
  kind: string;
  value: MappingDoc;
  onChange: (next: MappingDoc) => void;
}) {
  const typesKey = kind === 'jira' ? 'issueTypes' : 'types';
  const set = (key: string, next: unknown) => onChange({ ...value, [key]: next });
  const jiraFields = (value.fields ?? {}) as Record<string, string[] | undefined>;
  return (
    <div className="stack">
      <PairTable
        caption="Statuses → category"
        nameLabel="Status at the source"
        targetLabel="Category"
        targets={STATUS_CATEGORIES}
        value={record(value.statuses)}
        onChange={(next) => set('statuses', next)}
      />
      <PairTable
        caption={kind === 'jira' ? 'Issue types → type' : 'Types → type'}
        nameLabel="Type at the source"
        targetLabel="Triad type"
        targets={WORK_ITEM_TYPES}
        value={record(value[typesKey])}
        onChange={(next) => set(typesKey, next)}
      />
      <div className="import-grid">
        <Select
          label="Type of anything not listed"
          options={optionsOf(WORK_ITEM_TYPES)}
          value={typeof value.defaultType === 'string' ? value.defaultType : 'task'}
          onChange={(e) => set('defaultType', e.target.value)}
        />
        <Select
          label="Category of a status not listed"
          options={optionsOf(STATUS_CATEGORIES)}
          value={
            typeof value.unknownStatusCategory === 'string' ? value.unknownStatusCategory : 'in_progress'
          }
          onChange={(e) => set('unknownStatusCategory', e.target.value)}
        />
      </div>
      {kind === 'jira' && (
        <div className="import-grid">
          {JIRA_FIELDS.map((f) => (
            <Input
              key={f.key}
              label={f.label}
              hint="Field names or ids, tried in order, separated by commas"
              value={(jiraFields[f.key] ?? []).join(', ')}
              onChange={(e) =>
                set('fields', {
                  ...jiraFields,
                  [f.key]: e.target.value
                    .split(',')
                    .map((v) => v.trim())
                    .filter(Boolean),
                })
              }
            />
          ))}
        </div>
      )}
      <PairTable
        caption="Projects → Triad project key"
        nameLabel="Project at the source"
        targetLabel="Triad key (e.g. PAY)"
        value={record(value.projects)}
        onChange={(next) => set('projects', next)}
      />
    </div>
  );
}

/**
 * Name → target rows. The rows live here while they are edited, so renaming an entry does not
 * reorder it; the mapping gets every row with a name (the last of two equal names wins).
 */
function PairTable({
  caption,
  nameLabel,
  targetLabel,
  targets,
  value,
  onChange,
}: {
  caption: string;
  nameLabel: string;
  targetLabel: string;
  /** The allowed targets; without them the target is free text. */
  targets?: readonly string[];
  value: Record<string, string>;
  onChange: (next: Record<string, string>) => void;
}) {
  const [rows, setRows] = useState<[string, string][]>(() => Object.entries(value));
  const update = (next: [string, string][]) => {
    setRows(next);
    onChange(Object.fromEntries(next.filter(([name]) => name.trim() !== '').map(([n, t]) => [n.trim(), t])));
  };
  return (
    <fieldset className="import-pairs">
      <legend>{caption}</legend>
      {rows.length === 0 && <p className="muted">No entries: the importer’s own rules apply.</p>}
      {rows.map(([name, target], i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place; a name can be empty or change
        <div className="row" key={i}>
          <Input
            label={i === 0 ? nameLabel : `${nameLabel} (row ${i + 1})`}
            hideLabel={i > 0}
            value={name}
            onChange={(e) => update(rows.map((r, j) => (j === i ? [e.target.value, r[1]] : r)))}
          />
          {targets ? (
            <Select
              label={i === 0 ? targetLabel : `${targetLabel} (row ${i + 1})`}
              hideLabel={i > 0}
              options={targets.map((t) => ({ value: t, label: humanise(t) }))}
              value={target}
              onChange={(e) => update(rows.map((r, j) => (j === i ? [r[0], e.target.value] : r)))}
            />
          ) : (
            <Input
              label={i === 0 ? targetLabel : `${targetLabel} (row ${i + 1})`}
              hideLabel={i > 0}
              value={target}
              onChange={(e) => update(rows.map((r, j) => (j === i ? [r[0], e.target.value] : r)))}
            />
          )}
          <Button
            size="sm"
            variant="ghost"
            aria-label={`Remove ${name || 'this entry'}`}
            onClick={() => update(rows.filter((_, j) => j !== i))}
          >
            Remove
          </Button>
        </div>
      ))}
      <Button size="sm" onClick={() => setRows([...rows, ['', targets?.[0] ?? '']])}>
        Add entry
      </Button>
    </fieldset>
  );
}
