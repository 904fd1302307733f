/** What the marks of the Gantt mean, drawn with the same classes as the chart. */
export function GanttLegend() {
  const swatch = (className: string, shape: 'bar' | 'line' | 'thin' = 'bar') => (
    <svg width="22" height="12" aria-hidden="true">
      {shape === 'bar' && <rect className={className} x="1" y="2" width="20" height="8" rx="2" />}
      {shape === 'thin' && <rect className={className} x="1" y="5" width="20" height="3" />}
      {shape === 'line' && <line className={className} x1="11" x2="11" y1="0" y2="12" />}
    </svg>
  );
  return (
    <p className="schedule-legend">
      <span>
        <svg width="22" height="12" aria-hidden="true" className="gantt__bar">
          <rect x="1" y="2" width="20" height="8" rx="2" />
        </svg>
        Task
      </span>
      <span>
        <svg width="22" height="12" aria-hidden="true" className="gantt__bar gantt__bar--critical">
          <rect x="1" y="2" width="20" height="8" rx="2" />
        </svg>
        Critical
      </span>
      <span>{swatch('gantt__baseline', 'thin')}Baseline</span>
      <span>{swatch('gantt__today', 'line')}Today</span>
      <span>{swatch('gantt__status', 'line')}Status date</span>
      <span>◆ Milestone · drag a bar, or focus it and use the arrow keys then Enter, to move a task</span>
    </p>
  );
}
