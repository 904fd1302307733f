import type { HeatCell, Heatmap, HeatmapBy } from '../api/resources-money';

// The capacity heat map: a table (rows people, teams or skills; columns periods) whose cells are
// coloured by utilisation and marked with a symbol as well, so the status never rests on colour.
// Each cell is a button: choosing it shows the projects behind the load.

const STYLE: Record<string, { bg: string; fg: string; mark: string; word: string }> = {
  over: { bg: 'var(--red-bg)', fg: 'var(--red-fg)', mark: '▲', word: 'over-allocated' },
  under: { bg: 'var(--amber-bg)', fg: 'var(--amber-fg)', mark: '▽', word: 'under-allocated' },
  ok: { bg: 'var(--green-bg)', fg: 'var(--green-fg)', mark: '', word: 'balanced' },
  none: { bg: 'var(--neutral-bg)', fg: 'var(--neutral-fg)', mark: '', word: 'no capacity' },
};

const ROW_HEADER: Record<HeatmapBy, string> = {
  person: 'Person',
  team: 'Team',
  skill: 'Skill',
  role: 'Role',
};

export const percent = (u: number | null) => (u === null ? '—' : `${Math.round(u * 100)}%`);

export function styleOf(status: string) {
  return STYLE[status] ?? (STYLE.none as (typeof STYLE)['none']);
}

export function CapacityHeatmap({
  data,
  selected,
  onSelect,
}: {
  data: Heatmap;
  selected: { row: string; period: string } | null;
  onSelect: (row: string, period: string, cell: HeatCell) => void;
}) {
  return (
    // The frame's chart box has a fixed height for graphics; a heat map grows with its rows.
    <div className="capacity-heat" style={{ maxHeight: '70vh', overflow: 'auto' }}>
      <style>{'.chart-box:has(> .capacity-heat) { height: auto; }'}</style>
      <table className="t-table" style={{ borderCollapse: 'separate', borderSpacing: 2 }}>
        <caption className="visually-hidden">
          Utilisation (demand ÷ capacity) per {data.by} and {data.period}; ▲ over-allocated, ▽ under-allocated
        </caption>
        <thead>
          <tr>
            <th scope="col">{ROW_HEADER[data.by]}</th>
            {data.periods.map((p) => (
              <th key={p.key} scope="col" className="num" title={`${p.start} – ${p.end}`}>
                {p.key}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {data.rows.map((row) => (
            <tr key={row.key}>
              <th scope="row" style={{ whiteSpace: 'nowrap' }}>
                {row.label}
              </th>
              {row.cells.map((cell) => {
                const s = styleOf(cell.status);
                const isSelected = selected?.row === row.key && selected.period === cell.period;
                return (
                  <td key={cell.period} style={{ padding: 0 }}>
                    <button
                      type="button"
                      aria-pressed={isSelected}
                      aria-label={`${row.label}, ${cell.period}: ${percent(cell.utilisation)} (${Math.round(cell.demand)} of ${Math.round(cell.capacity)} h), ${s.word}`}
                      onClick={() => onSelect(row.key, cell.period, cell)}
                      style={{
                        background: s.bg,
                        color: s.fg,
                        border: isSelected ? '2px solid var(--focus)' : '1px solid transparent',
                        borderRadius: 4,
                        width: '100%',
                        minWidth: 56,
                        padding: '4px 6px',
                        font: 'inherit',
                        fontVariantNumeric: 'tabular-nums',
                        cursor: 'pointer',
                      }}
                    >
                      {s.mark} {percent(cell.utilisation)}
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
