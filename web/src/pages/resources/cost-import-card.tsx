import { useState } from 'react';
import { isApiError } from '../../api/client';
import { useImportCsv } from '../../api/resources-money';
import { Button, Card, Select, Textarea } from '../../design';
import { money } from './window';

type Kind = 'cost-entries' | 'time-entries';
const KINDS = [
  { value: 'cost-entries', label: 'Cost entries' },
  { value: 'time-entries', label: 'Time entries' },
];
const HINTS: Record<Kind, string> = {
  'cost-entries':
    'Header: project,date,amount[,category,costType,description]; project by key, category capex or opex, costType labour or non_labour',
  'time-entries':
    'Header: person,project,date,hours[,category,note]; person by email, project by key, hours up to 24, category capex or opex; costed at the rate in force',
};

function example(kind: Kind, projectKey: string): string {
  const today = new Date().toISOString().slice(0, 10);
  return kind === 'cost-entries'
    ? `project,date,amount,category,costType,description\n${projectKey},${today},1200,opex,non_labour,Licences\n`
    : `person,project,date,hours,category,note\nsomeone@example.com,${projectKey},${today},7.5,opex,\n`;
}

/** Imports cost or time entries from CSV: all rows or none, problems reported by line. */
export function CostImportCard({ projectKey }: { projectKey: string }) {
  const [kind, setKind] = useState<Kind>('cost-entries');
  const [text, setText] = useState(example('cost-entries', projectKey));
  const costs = useImportCsv('cost-entries');
  const time = useImportCsv('time-entries');
  const importCosts = kind === 'cost-entries' ? costs : time;
  const error = importCosts.error;
  return (
    <Card title="Import actuals from CSV">
      <form
        className="stack"
        aria-label="Import actuals"
        onSubmit={(e) => {
          e.preventDefault();
          importCosts.mutate(text);
        }}
      >
        <Select
          label="Entries"
          options={KINDS}
          value={kind}
          onChange={(e) => {
            const next = e.target.value as Kind;
            setKind(next);
            setText(example(next, projectKey));
          }}
        />
        <label className="t-field">
          <span className="t-field__label">CSV file</span>
          <input
            type="file"
            accept=".csv,text/csv"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void file.text().then(setText);
            }}
          />
        </label>
        <Textarea
          label="Rows"
          hint={HINTS[kind]}
          rows={5}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <div className="row">
          <Button type="submit" variant="primary" disabled={importCosts.isPending}>
            Import
          </Button>
        </div>
        <div role="status" aria-live="polite">
          {importCosts.data && kind === 'cost-entries' && (
            <p>
              Imported {importCosts.data.created} cost entries totalling {money(importCosts.data.total)}.
            </p>
          )}
          {importCosts.data && kind === 'time-entries' && (
            <p>
              Imported {importCosts.data.created} time entries, {importCosts.data.total} hours in all.
            </p>
          )}
          {error && (
            <div className="t-error">
              <p>{error.message}</p>
              {isApiError(error) && error.errors.length > 0 && (
                <ul>
                  {error.errors.slice(0, 10).map((f) => (
                    <li key={`${f.field}-${f.message}`}>
                      {f.field}: {f.message}
                    </li>
                  ))}
                </ul>
              )}
            </div>
          )}
        </div>
      </form>
    </Card>
  );
}
