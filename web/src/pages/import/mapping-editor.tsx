import type { TableMappingDoc, UploadPreview } from '../../api/import';
import { Input, Select } from '../../design';
import { type MappingDoc, TrackerMappingForm } from './tracker-mapping-form';

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

/** A tracker's mapping as a form, starting from the one saved with the source or the importer's defaults. */
export function TrackerMappingEditor({
  preview,
  mapping,
  onChange,
}: {
  preview: UploadPreview;
  mapping: MappingDoc;
  onChange: (next: MappingDoc) => void;
}) {
  return (
    <div className="stack">
      <p>
        Detected: <strong>{TRACKERS[preview.kind] ?? preview.kind}</strong>.{' '}
        {preview.savedMapping
          ? 'The form shows the mapping saved with this source.'
          : 'The form shows the importer’s built-in mapping.'}{' '}
        Validating and importing use it, and the import saves it with the source.
      </p>
      <TrackerMappingForm kind={preview.kind} value={mapping} onChange={onChange} />
    </div>
  );
}
