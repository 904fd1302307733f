import { type FormEvent, useState } from 'react';
import {
  type ImportStep,
  type MissingPolicy,
  type TableMappingDoc,
  type UploadPreview,
  useImportJob,
  useStartImport,
  useUploadImport,
  useValidateImport,
} from '../../api/import';
import { Badge, Button, Card, ErrorState, Input, Select } from '../../design';
import { usePageTitle } from '../record-name';
import { RejectionTable, SampleTable } from './import-tables';
import { TableMappingEditor, TrackerMappingEditor } from './mapping-editor';
import { SourceMappings } from './source-mappings';
import type { MappingDoc } from './tracker-mapping-form';
import './import.css';

const KIND_LABEL = { jira: 'Jira', ado: 'Azure DevOps', github: 'GitHub', table: 'Spreadsheet' } as const;

/** Import work from a file: upload, preview, map, validate, import (docs/importing.md). */
export function ImportPage() {
  usePageTitle('Import');
  const upload = useUploadImport();
  const [preview, setPreview] = useState<UploadPreview>();
  const onUpload = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const file = new FormData(e.currentTarget).get('file');
    if (file instanceof File && file.size > 0) upload.mutate(file, { onSuccess: setPreview });
  };
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Import</h1>
          <p className="muted">
            Bring in work from Jira, Azure DevOps, GitHub or a spreadsheet (CSV, XLSX). Importing the same
            source again updates what changed and never duplicates.
          </p>
        </div>
      </div>
      <div className="stack">
        <Card title="1. Choose a file">
          <form className="row" onSubmit={onUpload} aria-label="Upload a file">
            <Input
              label="File (CSV, XLSX or JSON)"
              name="file"
              type="file"
              accept=".csv,.xlsx,.json,text/csv,application/json"
              required
            />
            <Button type="submit" variant="primary" disabled={upload.isPending}>
              {upload.isPending ? 'Uploading…' : 'Upload'}
            </Button>
          </form>
          {upload.error && <ErrorState error={upload.error} />}
        </Card>
        {preview && <ImportSteps key={preview.id} preview={preview} />}
        <SourceMappings />
      </div>
    </>
  );
}

function ImportSteps({ preview }: { preview: UploadPreview }) {
  const initial = (preview.savedMapping ??
    preview.suggestedMapping ?? { columns: {}, project: null }) as TableMappingDoc;
  const [mapping, setMapping] = useState<TableMappingDoc>(initial);
  const [trackerMapping, setTrackerMapping] = useState<MappingDoc>(
    preview.savedMapping ?? preview.defaultMapping,
  );
  const [source, setSource] = useState(preview.source);
  const [onMissing, setOnMissing] = useState<MissingPolicy>('keep');
  // The form keeps its rows while they are edited; a new key makes it take rows added from outside.
  const [formKey, setFormKey] = useState(0);
  const addStatuses = (names: string[]) => {
    const statuses = { ...((trackerMapping.statuses ?? {}) as Record<string, string>) };
    const category =
      typeof trackerMapping.unknownStatusCategory === 'string'
        ? trackerMapping.unknownStatusCategory
        : 'in_progress';
    for (const name of names) statuses[name] = category;
    setTrackerMapping({ ...trackerMapping, statuses });
    setFormKey((k) => k + 1);
  };
  const validate = useValidateImport(preview.id);
  const start = useStartImport(preview.id);
  const job = useImportJob(start.data?.id);

  const step = (): ImportStep => ({
    kind: preview.kind,
    source,
    mapping: preview.kind === 'table' ? mapping : trackerMapping,
  });
  const report = validate.data;
  const running = job.data?.status === 'running' || start.isPending;
  return (
    <>
      <Card title="2. Preview" actions={<Badge>{KIND_LABEL[preview.kind]}</Badge>}>
        <p className="muted">
          {preview.fileName} · {preview.format.toUpperCase()} · {preview.columns.length} columns · first{' '}
          {preview.sampleRows.length} rows
        </p>
        <SampleTable preview={preview} />
      </Card>
      <Card title="3. Mapping">
        <div className="stack">
          {preview.kind === 'table' ? (
            <TableMappingEditor preview={preview} mapping={mapping} onChange={setMapping} />
          ) : (
            <TrackerMappingEditor
              key={formKey}
              preview={preview}
              mapping={trackerMapping}
              onChange={setTrackerMapping}
            />
          )}
          <div className="import-grid">
            <Input
              label="Source"
              hint="Re-importing the same source syncs it; the mapping is saved with it."
              value={source}
              onChange={(e) => setSource(e.target.value)}
            />
            <Select
              label="Records no longer in the file"
              value={onMissing}
              onChange={(e) => setOnMissing(e.target.value as MissingPolicy)}
              options={[
                { value: 'keep', label: 'Keep them' },
                { value: 'close', label: 'Close them (“Removed at source”)' },
                { value: 'delete', label: 'Delete them' },
              ]}
            />
          </div>
          <div className="row">
            <Button onClick={() => validate.mutate(step())} disabled={validate.isPending}>
              {validate.isPending ? 'Checking…' : 'Validate'}
            </Button>
            <Button
              variant="primary"
              onClick={() => start.mutate({ ...step(), onMissing })}
              disabled={running}
            >
              {running ? 'Importing…' : 'Import'}
            </Button>
          </div>
          {validate.error && <ErrorState error={validate.error} />}
          {start.error && <ErrorState error={start.error} />}
        </div>
      </Card>
      {report && (
        <Card title="4. Validation report">
          <p>
            {report.total} rows: <strong>{report.valid} ready</strong> ({report.existing} already imported,
            they will update), <strong>{report.rejected} rejected</strong>.
          </p>
          {preview.kind !== 'table' && report.unclassifiedStatuses.length > 0 && (
            <div className="stack">
              <p>
                {report.unclassifiedStatuses.length} statuses have no category in the mapping or the export
                and were taken as the mapping’s category for unlisted statuses:{' '}
                {report.unclassifiedStatuses.join(', ')}.
              </p>
              <div className="row">
                <Button onClick={() => addStatuses(report.unclassifiedStatuses)}>
                  Add them to the mapping
                </Button>
              </div>
            </div>
          )}
          <RejectionTable rejections={report.rejections} caption="Rejected rows" />
        </Card>
      )}
      {job.data && <ImportResult job={job.data} />}
    </>
  );
}

function ImportResult({ job }: { job: NonNullable<ReturnType<typeof useImportJob>['data']> }) {
  const share = job.total > 0 ? Math.round((100 * job.done) / job.total) : 0;
  return (
    <Card title="5. Import">
      <div className="stack" aria-live="polite">
        <label className="stack">
          <span>
            {job.status === 'running'
              ? `Importing… ${job.done} of ${job.total || '?'} rows`
              : 'Import finished'}
          </span>
          <progress max={100} value={job.status === 'running' ? share : 100}>
            {share}%
          </progress>
        </label>
        {job.status === 'failed' && (
          <p role="alert" className="t-field__error">
            The import stopped: {job.error}. Whole batches that were written stay; run it again to finish.
          </p>
        )}
        {job.summary && (
          <>
            <dl className="import-counts">
              {(['created', 'updated', 'unchanged', 'rejected', 'missing'] as const).map((k) => (
                <div key={k}>
                  <dt>{k[0]?.toUpperCase() + k.slice(1)}</dt>
                  <dd>{job.summary?.[k]}</dd>
                </div>
              ))}
            </dl>
            <RejectionTable rejections={job.summary.rejections} caption="Rows not imported" />
          </>
        )}
      </div>
    </Card>
  );
}
