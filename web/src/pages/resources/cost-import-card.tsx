import { useState } from 'react';
import { isApiError } from '../../api/client';
import { useImportCosts } from '../../api/resources-money';
import { Button, Card, Textarea } from '../../design';
import { money } from './window';

const EXAMPLE = 'project,date,amount,category,costType,description\n';

/** Imports cost entries from CSV: all rows or none, problems reported by line. */
export function CostImportCard({ projectKey }: { projectKey: string }) {
  const [text, setText] = useState(
    `${EXAMPLE}${projectKey},${new Date().toISOString().slice(0, 10)},1200,opex,non_labour,Licences\n`,
  );
  const importCosts = useImportCosts();
  const error = importCosts.error;
  return (
    <Card title="Import costs from CSV">
      <form
        className="stack"
        aria-label="Import costs"
        onSubmit={(e) => {
          e.preventDefault();
          importCosts.mutate(text);
        }}
      >
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
          hint="Header: project,date,amount[,category,costType,description]; project by key, category capex or opex, costType labour or non_labour"
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
          {importCosts.data && (
            <p>
              Imported {importCosts.data.created} cost entries totalling {money(importCosts.data.total)}.
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
