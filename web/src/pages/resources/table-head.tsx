/** A column heading; `{ num }` right-aligns a numeric column. */
export type Heading = string | { num: string };

/** The header row of the plain tables on the capacity and money pages. */
export function TableHead({ columns }: { columns: readonly Heading[] }) {
  return (
    <thead>
      <tr>
        {columns.map((c) =>
          typeof c === 'string' ? (
            <th key={c} scope="col">
              {c}
            </th>
          ) : (
            <th key={c.num} scope="col" className="num">
              {c.num}
            </th>
          ),
        )}
      </tr>
    </thead>
  );
}
