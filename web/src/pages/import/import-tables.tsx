import type { Rejection, UploadPreview } from '../../api/import';

/** The first rows of the upload as the server read them. */
export function SampleTable({ preview }: { preview: UploadPreview }) {
  return (
    <div className="import-scroll">
      <table className="import-table">
        <caption className="visually-hidden">First rows of {preview.fileName}</caption>
        <thead>
          <tr>
            {preview.columns.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {preview.sampleRows.map((row, r) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: sample rows have no identity and never reorder
            <tr key={r}>
              {preview.columns.map((c, i) => (
                <td key={c}>{row[i] ?? ''}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Rows the importer refused, with the row number in the file and the reason. */
export function RejectionTable({ rejections, caption }: { rejections: Rejection[]; caption: string }) {
  if (rejections.length === 0) return <p className="muted">No rows were rejected.</p>;
  return (
    <div className="import-scroll">
      <table className="import-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Row</th>
            <th scope="col">Reason</th>
          </tr>
        </thead>
        <tbody>
          {rejections.map((r) => (
            <tr key={`${r.row}-${r.reason}`}>
              <td className="mono">{r.row}</td>
              <td>{r.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
