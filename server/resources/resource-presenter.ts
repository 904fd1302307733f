import type { ResourceSpec, Trx } from './resource-spec';

type Row = Record<string, unknown>;

/** Database row → API record: camelCase names, parsed JSON, numbers as numbers. */
export function presentRow(spec: ResourceSpec, row: Row): Row {
  const record: Row = { id: row.id, version: Number(row.version) };
  for (const [name, f] of Object.entries(spec.fields)) {
    const value = row[f.column];
    if (value === null || value === undefined) record[name] = null;
    else if (f.json) record[name] = typeof value === 'string' ? JSON.parse(value) : value;
    else record[name] = value;
  }
  record.createdAt = row.created_at;
  record.updatedAt = row.updated_at;
  return record;
}

export async function presentRows(trx: Trx, spec: ResourceSpec, rows: Row[]): Promise<Row[]> {
  const records = rows.map((r) => presentRow(spec, r));
  if (spec.hooks?.present && records.length > 0) await spec.hooks.present(trx, records);
  return records;
}
