import type { TableMappingDoc, UploadPreview } from '../../api/import';
import { Input, Select, Textarea } from '../../design';

const FIELD_LABELS: Record<string, string> = {
  key: 'Key (required)',
  title: 'Title (required)',
  status: 'Status',
  type: 'Type',
  project: 'Project',
  assignee: 'Assignee',
  assigneeEmail: 'Assignee e-mail',
  estimate: 'Estimate (points)',
  createdAt: 'Created',
  updatedAt: 'Updated',
  resolvedAt: 'Resolved',
  parent: 'Parent key',
  description: 'Description',
  labels: 'Labels',
};

const TRACKERS: Record<string, string> = {
  jira: 'Jira export',
  ado: 'Azure DevOps work item CSV',
  github: 'GitHub issues JSON',
};

/** Column → field pickers for a spreadsheet; each field takes one column of the file. */
export function TableMappingEditor({
  preview,
  mapping,
  onChange,
}: {
  preview: UploadPreview;
  mapping: TableMappingDoc;
  onChange: (next: TableMappingDoc) => void;
}) {
  const options = preview.columns.map((c) => ({ value: c, label: c }));
  return (
    <div className="stack">
      <div className="import-grid">
        {preview.fields.map((field) => (
          <Select
            key={field}
            label={FIELD_LABELS[field] ?? field}
            options={options}
            placeholder="— not mapped —"
            value={mapping.columns[field] ?? ''}
            onChange={(e) => {
              const columns = { ...mapping.columns };
              if (e.target.value) columns[field] = e.target.value;
              else delete columns[field];
              onChange({ ...mapping, columns });
            }}
          />
        ))}
      </div>
      <Input
        label="Project for rows without a project column"
        hint="A project key (e.g. PAY) adopts that project; a name creates a project under “Imported”."
        value={mapping.project ?? ''}
        onChange={(e) => onChange({ ...mapping, project: e.target.value || null })}
      />
    </div>
  );
}

/** Trackers have built-in mappings; an optional JSON document overrides types, states and projects. */
export function TrackerMappingEditor({
  preview,
  text,
  onChange,
}: {
  preview: UploadPreview;
  text: string;
  onChange: (text: string) => void;
}) {
  return (
    <div className="stack">
      <p>
        Detected: <strong>{TRACKERS[preview.kind] ?? preview.kind}</strong>. Its built-in mapping of types and
        states applies{preview.savedMapping ? ', with the mapping saved for this source' : ''}.
      </p>
      <Textarea
        label="Mapping overrides (JSON, optional)"
        hint='For example {"statuses": {"Waiting": "in_progress"}} — see docs/importing.md'
        rows={4}
        value={text}
        onChange={(e) => onChange(e.target.value)}
      />
    </div>
  );
}
