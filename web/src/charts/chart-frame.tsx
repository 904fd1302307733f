import { type ReactNode, useId, useState } from 'react';
import { Button, Card } from '../design';
import { type CsvValue, downloadCsv, toCsv } from '../lib/csv';

export interface ChartData {
  /** Column headings of the data table and CSV. */
  columns: string[];
  rows: CsvValue[][];
}

/**
 * Every chart sits in this frame: a title, the chart, the same data as a table (switchable), and a
 * CSV download, so nobody depends on reading the graphic.
 */
export function ChartFrame({
  title,
  summary,
  data,
  fileName,
  children,
}: {
  title: string;
  /** One sentence a screen reader hears instead of the graphic. */
  summary: string;
  data: ChartData;
  fileName: string;
  children: ReactNode;
}) {
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const summaryId = useId();
  return (
    <Card
      title={title}
      actions={
        <>
          <fieldset className="t-segmented">
            <legend className="visually-hidden">Show {title} as</legend>
            <button type="button" aria-pressed={view === 'chart'} onClick={() => setView('chart')}>
              Chart
            </button>
            <button type="button" aria-pressed={view === 'table'} onClick={() => setView('table')}>
              Table
            </button>
          </fieldset>
          <Button size="sm" onClick={() => downloadCsv(fileName, toCsv(data.columns, data.rows))}>
            Download CSV
          </Button>
        </>
      }
    >
      <p id={summaryId} className="muted">
        {summary}
      </p>
      {view === 'chart' ? (
        <figure className="chart-box" aria-describedby={summaryId} style={{ margin: 0 }}>
          {children}
        </figure>
      ) : (
        <div className="t-table-wrap">
          <table className="t-table">
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                {data.columns.map((column) => (
                  <th key={column} scope="col">
                    {column}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {data.rows.map((row) => (
                <tr key={String(row[0])}>
                  {row.map((cell, index) => (
                    <td key={data.columns[index]} className={typeof cell === 'number' ? 'num' : undefined}>
                      {cell ?? '—'}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
