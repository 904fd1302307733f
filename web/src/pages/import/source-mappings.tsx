import { useState } from 'react';
import { isApiError } from '../../api/client';
import { type ImportSource, useImportSource, useImportSources, useSaveSourceMapping } from '../../api/import';
import { Badge, Button, Card, ErrorState, Input, QueryView, Skeleton } from '../../design';
import { formatDateTime } from '../../lib/format';
import { type MappingDoc, TrackerMappingForm } from './tracker-mapping-form';

const KIND_LABEL: Record<string, string> = {
  jira: 'Jira',
  ado: 'Azure DevOps',
  github: 'GitHub',
  csv: 'Spreadsheet',
};

/** Every import source with the mapping saved with it: pick one to read, edit and save its mapping. */
export function SourceMappings() {
  const sources = useImportSources();
  const [chosen, setChosen] = useState<string>();
  return (
    <Card title="Saved mappings">
      <div className="stack">
        <p className="muted">
          Each source keeps the mapping of its last import; the next import of that source uses it unless
          another one is given. Edit it here without importing.
        </p>
        <QueryView
          query={sources}
          label="import sources"
          empty="No sources yet"
          emptyHint="An import saves its source and mapping here."
          isEmpty={(sourcesData) => sourcesData.length === 0}
        >
          {(sourcesData) => (
            <table className="import-table">
              <caption className="visually-hidden">Import sources</caption>
              <thead>
                <tr>
                  <th scope="col">Source</th>
                  <th scope="col">Kind</th>
                  <th scope="col">Last import</th>
                  <th scope="col">Mapping</th>
                </tr>
              </thead>
              <tbody>
                {sourcesData.map((s) => (
                  <tr key={s.id}>
                    <td className="mono">{s.source}</td>
                    <td>{KIND_LABEL[s.kind] ?? s.kind}</td>
                    <td>{s.lastRunAt ? formatDateTime(s.lastRunAt) : '—'}</td>
                    <td>
                      <Button
                        size="sm"
                        aria-pressed={chosen === s.id}
                        aria-label={`${chosen === s.id ? 'Close' : 'Edit'} the mapping of ${s.source}`}
                        onClick={() => setChosen(chosen === s.id ? undefined : s.id)}
                      >
                        {chosen === s.id ? 'Close' : 'Edit'}
                      </Button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </QueryView>
        {chosen && <SourceMappingLoader id={chosen} />}
      </div>
    </Card>
  );
}

function SourceMappingLoader({ id }: { id: string }) {
  const source = useImportSource(id);
  // The save lives here, not in the form: a saved version remounts the form, and the outcome must stay.
  const save = useSaveSourceMapping();
  if (source.isPending) return <Skeleton label="Loading the mapping" />;
  if (source.isError) return <ErrorState error={source.error} onRetry={() => void source.refetch()} />;
  // A new version (saved here or by an import) starts a fresh form.
  return (
    <SourceMappingEditor key={source.data.etag} source={source.data} save={save} onReload={source.refetch} />
  );
}

function SourceMappingEditor({
  source,
  save,
  onReload,
}: {
  source: ImportSource;
  save: ReturnType<typeof useSaveSourceMapping>;
  onReload: () => unknown;
}) {
  const [doc, setDoc] = useState<MappingDoc>(source.mapping);
  const [formKey, setFormKey] = useState(0);
  // What the last save says about the version on screen: saved as it, or refused for it.
  const saved = save.isSuccess && save.data.etag === source.etag;
  const error = save.isError && save.variables?.etag === source.etag ? save.error : null;
  const stale = isApiError(error, 'precondition_failed');
  const reset = () => {
    // A spreadsheet keeps its columns: only the vocabulary goes back to the defaults.
    const columns = source.kind === 'csv' ? { columns: doc.columns, project: doc.project } : {};
    setDoc({ ...source.defaultMapping, ...columns });
    setFormKey((k) => k + 1);
  };
  return (
    <section className="stack" aria-label={`Mapping of ${source.source}`}>
      <h3>
        {source.source} <Badge>{KIND_LABEL[source.kind] ?? source.kind}</Badge>
      </h3>
      {source.kind === 'csv' && <ColumnsForm doc={doc} onChange={setDoc} />}
      <TrackerMappingForm key={formKey} kind={source.kind} value={doc} onChange={setDoc} />
      <div className="row">
        <Button
          variant="primary"
          disabled={save.isPending}
          onClick={() => save.mutate({ id: source.id, etag: source.etag, mapping: doc })}
        >
          {save.isPending ? 'Saving…' : 'Save mapping'}
        </Button>
        <Button onClick={reset}>Reset to the built-in mapping</Button>
      </div>
      {saved && <p role="status">Mapping saved.</p>}
      {stale ? (
        <p role="alert" className="t-field__error">
          This mapping changed since you opened it (an import or another person saved it).{' '}
          <Button size="sm" onClick={() => void onReload()}>
            Load the current mapping
          </Button>
        </p>
      ) : (
        error && <ErrorState error={error} />
      )}
    </section>
  );
}

/** A spreadsheet source's column assignments: which column holds each work item field. */
function ColumnsForm({ doc, onChange }: { doc: MappingDoc; onChange: (next: MappingDoc) => void }) {
  const columns = (doc.columns ?? {}) as Record<string, string>;
  return (
    <fieldset className="import-pairs">
      <legend>Columns</legend>
      <div className="import-grid">
        {Object.keys({ key: 1, title: 1, ...columns }).map((field) => (
          <Input
            key={field}
            label={`${field} column`}
            value={columns[field] ?? ''}
            onChange={(e) => onChange({ ...doc, columns: { ...columns, [field]: e.target.value } })}
          />
        ))}
        <Input
          label="Project for rows without a project column"
          value={typeof doc.project === 'string' ? doc.project : ''}
          onChange={(e) => onChange({ ...doc, project: e.target.value || null })}
        />
      </div>
    </fieldset>
  );
}
