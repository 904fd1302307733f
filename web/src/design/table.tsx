import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, type ReactNode, useEffect, useRef } from 'react';

export interface Column<T> {
  id: string;
  header: string;
  cell: (row: T) => ReactNode;
  /** Plain value for CSV export and sorting hints; defaults to the cell's text. */
  value?: (row: T) => string | number | null | undefined;
  /** The API sort field, when the server can sort by this column. */
  sortField?: string;
  numeric?: boolean;
  width?: number;
}

export interface SortState {
  field: string;
  descending: boolean;
}

const ROW_HEIGHT = 41;

/**
 * A table whose body renders only the rows in view (plus a margin), so lists of thousands of work
 * items stay fast. It is a real <table>: spacer rows above and below keep the scroll height.
 */
export function DataTable<T>({
  caption,
  rows,
  columns,
  rowKey,
  height = 480,
  sort,
  onSortChange,
  onEndReached,
  footer,
}: {
  caption: string;
  rows: readonly T[];
  columns: readonly Column<T>[];
  rowKey: (row: T) => string;
  height?: number;
  sort?: SortState | undefined;
  onSortChange?: (sort: SortState) => void;
  /** Called when the last rows come into view (load the next page). */
  onEndReached?: () => void;
  footer?: ReactNode;
}) {
  const scrollRef = useRef<HTMLElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const last = items.at(-1);
  const top = items[0]?.start ?? 0;
  const bottom = last ? virtualizer.getTotalSize() - last.end : 0;

  useEffect(() => {
    if (onEndReached && last && last.index >= rows.length - 10) onEndReached();
  }, [last, rows.length, onEndReached]);

  return (
    <div>
      {/* A scrollable region must be reachable by keyboard (WCAG 2.1.1). */}
      <section
        ref={scrollRef}
        className="t-table-wrap"
        style={{ maxHeight: height }}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: scrollable region needs keyboard access
        tabIndex={0}
        aria-label={caption}
      >
        <table className="t-table" aria-rowcount={rows.length + 1}>
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr aria-rowindex={1}>
              {columns.map((column) => (
                <HeaderCell key={column.id} column={column} sort={sort} onSortChange={onSortChange} />
              ))}
            </tr>
          </thead>
          <tbody>
            {top > 0 && (
              <tr className="t-table__spacer">
                <td colSpan={columns.length} style={{ height: top }} />
              </tr>
            )}
            {items.map((item) => {
              const row = rows[item.index] as T;
              return <BodyRow key={rowKey(row)} row={row} index={item.index} columns={columns} />;
            })}
            {bottom > 0 && (
              <tr className="t-table__spacer">
                <td colSpan={columns.length} style={{ height: bottom }} />
              </tr>
            )}
          </tbody>
        </table>
      </section>
      {footer && <div className="t-table-status">{footer}</div>}
    </div>
  );
}

/**
 * One body row. Memoised: while the table scrolls only the rows coming into view render, not every
 * row in the window (pages pass stable `columns`, e.g. from useMemo).
 */
const BodyRow = memo(function BodyRow<T>({
  row,
  index,
  columns,
}: {
  row: T;
  index: number;
  columns: readonly Column<T>[];
}) {
  return (
    <tr aria-rowindex={index + 2}>
      {columns.map((column) => (
        <td key={column.id} className={column.numeric ? 'num' : undefined}>
          {column.cell(row)}
        </td>
      ))}
    </tr>
  );
}) as <T>(props: { row: T; index: number; columns: readonly Column<T>[] }) => ReactNode;

function HeaderCell<T>({
  column,
  sort,
  onSortChange,
}: {
  column: Column<T>;
  sort: SortState | undefined;
  onSortChange: ((sort: SortState) => void) | undefined;
}) {
  const active = sort && column.sortField === sort.field;
  const ariaSort = active ? (sort.descending ? 'descending' : 'ascending') : undefined;
  const style = column.width ? { width: column.width } : undefined;
  if (!column.sortField || !onSortChange) {
    return (
      <th scope="col" className={column.numeric ? 'num' : undefined} style={style}>
        {column.header}
      </th>
    );
  }
  const field = column.sortField;
  return (
    <th scope="col" aria-sort={ariaSort} className={column.numeric ? 'num' : undefined} style={style}>
      <button
        type="button"
        className="t-table__sort"
        onClick={() => onSortChange({ field, descending: active ? !sort.descending : false })}
      >
        {column.header}
        <span aria-hidden="true">{active ? (sort.descending ? '▼' : '▲') : '↕'}</span>
      </button>
    </th>
  );
}

/** `{field, descending}` ↔ the API's `sort=-field`. */
export function toSortParam(sort: SortState | undefined): string | undefined {
  if (!sort) return undefined;
  return sort.descending ? `-${sort.field}` : sort.field;
}
