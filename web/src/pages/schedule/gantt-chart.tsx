import {
  type KeyboardEvent,
  type PointerEvent,
  useCallback,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import type { ScheduledTask } from '../../api/schedule';
import { overlapsX, type RowLink, type Viewport, visibleLinks, visibleRows } from './gantt-culling';
import { arrowHead, type BarBox, routeLink } from './gantt-links';
import type { GanttRow, LinkInfo } from './gantt-model';
import { addDays, barExtent, dateToX, dragDays, keepCentre, type TimeScale, ticks } from './gantt-scale';

// The Gantt drawing. One scroll container holds a sticky time axis, a sticky column of task
// names and an SVG the size of the viewport that is redrawn for the window in view: only the
// rows on screen (plus overscan), the bars overlapping the horizontal window and the links
// touching those rows. SVG rather than canvas: a few hundred elements at most after culling, and
// each bar stays a focusable, labelled element that keyboard and screen-reader users can reach.

export const ROW_HEIGHT = 28;
const HEADER = 36;
const NAME_WIDTH = 280;

export interface GanttChartProps {
  rows: GanttRow<ScheduledTask>[];
  links: RowLink<LinkInfo>[];
  scale: TimeScale;
  highlightCritical: boolean;
  baseline: ReadonlyMap<string, { start: string; finish: string }> | null;
  markers: { date: string; label: string; className: string }[];
  selectedId: string | null;
  onSelect: (id: string) => void;
  /** Asks to move a task by whole calendar days (drag or keyboard). */
  onMove: (task: ScheduledTask, days: number) => void;
  /** Scroll to this x when the chart first shows; later scale changes keep the centre date. */
  initialX: number;
}

export function GanttChart(props: GanttChartProps) {
  const { rows, links, scale, highlightCritical, baseline, markers, selectedId, onSelect, onMove } = props;
  const scroller = useRef<HTMLElement>(null);
  const [vp, setVp] = useState<Viewport>({ scrollTop: 0, height: 600, scrollLeft: 0, width: 900 });
  const frame = useRef(0);
  const measure = useCallback(() => {
    const el = scroller.current;
    if (!el) return;
    setVp({
      scrollTop: el.scrollTop,
      height: el.clientHeight - HEADER,
      scrollLeft: el.scrollLeft,
      width: Math.max(0, el.clientWidth - NAME_WIDTH),
    });
  }, []);
  const onScroll = () => {
    cancelAnimationFrame(frame.current);
    frame.current = requestAnimationFrame(measure);
  };
  // First paint: scroll to the status or start date. A new scale (zoom, or a re-plan that moves
  // the origin) keeps the date at the centre of the view where it was.
  const shownScale = useRef<TimeScale | null>(null);
  const { initialX } = props;
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const previous = shownScale.current;
    if (previous === null) el.scrollLeft = Math.max(0, initialX - 40);
    else if (previous !== scale) {
      el.scrollLeft = keepCentre(previous, scale, el.scrollLeft, Math.max(0, el.clientWidth - NAME_WIDTH));
    }
    shownScale.current = scale;
    measure();
  }, [measure, scale, initialX]);
  useLayoutEffect(() => {
    const el = scroller.current;
    const observer = new ResizeObserver(measure);
    if (el) observer.observe(el);
    return () => observer.disconnect();
  }, [measure]);

  const [drag, setDrag] = useState<{ id: string; x0: number; dx: number } | null>(null);
  const [nudge, setNudge] = useState<{ id: string; days: number } | null>(null);
  const { first, last } = visibleRows(vp, ROW_HEIGHT, rows.length);
  const top = first * ROW_HEIGHT;

  const boxOf = useCallback(
    (task: ScheduledTask, row: number): BarBox => {
      const { x, width } = task.milestone
        ? { x: dateToX(scale, task.earlyFinish) + scale.dayWidth - 5, width: 10 }
        : barExtent(scale, task.earlyStart, task.earlyFinish);
      return { x0: x, x1: x + width, y: row * ROW_HEIGHT + ROW_HEIGHT / 2 };
    },
    [scale],
  );
  const shownLinks = useMemo(() => visibleLinks(links, first, last), [links, first, last]);
  const critical = (t: ScheduledTask) => highlightCritical && t.critical;

  const offsetOf = (id: string) =>
    drag?.id === id ? drag.dx : nudge?.id === id ? nudge.days * scale.dayWidth : 0;

  const onPointerDown = (event: PointerEvent<SVGGElement>, task: ScheduledTask) => {
    if (task.summary || event.button !== 0) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    setDrag({ id: task.id, x0: event.clientX, dx: 0 });
    onSelect(task.id);
  };
  const onPointerMove = (event: PointerEvent<SVGGElement>) => {
    if (drag) setDrag({ ...drag, dx: event.clientX - drag.x0 });
  };
  const onPointerUp = (task: ScheduledTask) => {
    if (!drag) return;
    const days = dragDays(scale, drag.dx);
    setDrag(null);
    if (days !== 0) onMove(task, days);
  };
  const onKeyDown = (event: KeyboardEvent<SVGGElement>, task: ScheduledTask) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      if (nudge?.id === task.id && nudge.days !== 0) {
        onMove(task, nudge.days);
        setNudge(null);
      } else onSelect(task.id);
    } else if ((event.key === 'ArrowRight' || event.key === 'ArrowLeft') && !task.summary) {
      event.preventDefault();
      const step = (event.key === 'ArrowRight' ? 1 : -1) * (event.shiftKey ? 7 : 1);
      setNudge({ id: task.id, days: (nudge?.id === task.id ? nudge.days : 0) + step });
    } else if (event.key === 'Escape') setNudge(null);
  };

  const visible = rows.slice(first, last + 1);
  const axis = ticks(scale, vp.scrollLeft, vp.scrollLeft + vp.width);
  return (
    <section
      ref={scroller}
      className="gantt"
      onScroll={onScroll}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: the scroll area must be reachable by keyboard to scroll it
      tabIndex={0}
      aria-label="Gantt chart (scroll to see more tasks and dates)"
    >
      <div
        style={{
          width: NAME_WIDTH + scale.width,
          height: HEADER + rows.length * ROW_HEIGHT,
          position: 'relative',
        }}
      >
        <div
          className="gantt__corner"
          style={{ width: NAME_WIDTH, height: HEADER, left: vp.scrollLeft, top: vp.scrollTop }}
        >
          Task
        </div>
        <svg
          className="gantt__axis"
          aria-hidden="true"
          width={vp.width}
          height={HEADER}
          style={{ left: NAME_WIDTH + vp.scrollLeft, top: vp.scrollTop }}
        >
          <g transform={`translate(${-vp.scrollLeft},0)`}>
            {axis.map((t) => (
              <g key={t.x} transform={`translate(${t.x},0)`}>
                <line
                  y1={t.major ? 0 : 18}
                  y2={HEADER}
                  className={t.major ? 'gantt__tick--major' : 'gantt__tick'}
                />
                <text x={3} y={HEADER - 10}>
                  {t.label}
                </text>
              </g>
            ))}
          </g>
        </svg>
        <ul
          className="gantt__names"
          style={{ top: HEADER + top, left: vp.scrollLeft, width: NAME_WIDTH }}
          aria-label="Tasks"
        >
          {visible.map(({ task, depth }) => (
            <li key={task.id} style={{ height: ROW_HEIGHT }}>
              <button
                type="button"
                className="gantt__name"
                aria-current={task.id === selectedId ? 'true' : undefined}
                style={{ paddingInlineStart: 8 + depth * 14, fontWeight: task.summary ? 600 : undefined }}
                onClick={() => {
                  onSelect(task.id);
                  // Bring the bar into view: it may lie outside the horizontal window.
                  const el = scroller.current;
                  if (el) el.scrollLeft = Math.max(0, boxOf(task, 0).x0 - 80);
                }}
              >
                {task.milestone ? '◆ ' : ''}
                {task.name}
              </button>
            </li>
          ))}
        </ul>
        {/* biome-ignore lint/a11y/useSemanticElements: SVG has no grouping element; the role names the bars' group */}
        <svg
          className="gantt__plot"
          width={vp.width}
          height={Math.max(0, visible.length * ROW_HEIGHT)}
          style={{ left: NAME_WIDTH + vp.scrollLeft, top: HEADER + top }}
          role="group"
          aria-label="Task bars"
        >
          <defs>
            <pattern
              id="gantt-hatch"
              width="6"
              height="6"
              patternUnits="userSpaceOnUse"
              patternTransform="rotate(45)"
            >
              <line y2="6" className="gantt__hatch" />
            </pattern>
          </defs>
          <g transform={`translate(${-vp.scrollLeft},${-top})`}>
            {markers.map((m) => (
              <line
                key={m.className}
                className={m.className}
                x1={dateToX(scale, m.date)}
                x2={dateToX(scale, m.date)}
                y1={top}
                y2={top + visible.length * ROW_HEIGHT}
              >
                <title>{`${m.label} ${m.date}`}</title>
              </line>
            ))}
            {shownLinks.map(({ fromRow, toRow, link }) => {
              const from = rows[fromRow]!.task;
              const to = rows[toRow]!.task;
              const a = boxOf(from, fromRow);
              const b = boxOf(to, toRow);
              if (!overlapsX(Math.min(a.x0, b.x0), Math.max(a.x1, b.x1) - Math.min(a.x0, b.x0), vp))
                return null;
              const path = routeLink(link.type, a, b, ROW_HEIGHT);
              const hot = critical(from) && critical(to) ? ' gantt__link--critical' : '';
              return (
                <g
                  key={`${link.fromId}-${link.toId}`}
                  className={`gantt__link${hot}`}
                  data-link-type={link.type}
                >
                  <path d={path.d} fill="none" />
                  <path d={arrowHead(path)} className="gantt__arrow" />
                </g>
              );
            })}
            {visible.map(({ task }, i) => {
              const row = first + i;
              const box = boxOf(task, row);
              const ghost = baseline?.get(task.id);
              const ghostBox = ghost ? barExtent(scale, ghost.start, ghost.finish) : null;
              if (
                !overlapsX(box.x0, box.x1 - box.x0, vp) &&
                !(ghostBox && overlapsX(ghostBox.x, ghostBox.width, vp))
              )
                return null;
              const dx = offsetOf(task.id);
              const y = row * ROW_HEIGHT;
              const kind = task.summary ? 'summary' : task.milestone ? 'milestone' : 'task';
              const label = `${task.name}: ${task.earlyStart} to ${task.earlyFinish}${task.critical ? ', critical' : ''}, ${task.percentComplete}% complete${task.summary ? '' : '. Arrow keys move it by a day (Shift: a week), Enter saves'}`;
              return (
                <g key={task.id}>
                  {ghostBox && (
                    <rect
                      className="gantt__baseline"
                      x={ghostBox.x}
                      y={y + ROW_HEIGHT - 8}
                      width={ghostBox.width}
                      height={4}
                      data-testid="baseline-bar"
                    />
                  )}
                  {/* biome-ignore lint/a11y/useSemanticElements: an SVG shape cannot be an HTML button; it gets the role and keys */}
                  <g
                    className={`gantt__bar gantt__bar--${kind}${critical(task) ? ' gantt__bar--critical' : ''}${task.id === selectedId ? ' gantt__bar--selected' : ''}`}
                    transform={`translate(${dx},0)`}
                    role="button"
                    tabIndex={0}
                    aria-label={label}
                    data-task-id={task.id}
                    data-critical={task.critical ? 'true' : 'false'}
                    onPointerDown={(e) => onPointerDown(e, task)}
                    onPointerMove={onPointerMove}
                    onPointerUp={() => onPointerUp(task)}
                    onPointerCancel={() => setDrag(null)}
                    onKeyDown={(e) => onKeyDown(e, task)}
                    onBlur={() => setNudge(null)}
                  >
                    {kind === 'milestone' ? (
                      <path d={`M${box.x0 + 5},${box.y - 7} l7,7 l-7,7 l-7,-7 Z`} />
                    ) : kind === 'summary' ? (
                      <path d={`M${box.x0},${y + 8} H${box.x1} V${y + 18} l-5,-4 H${box.x0 + 5} l-5,4 Z`} />
                    ) : (
                      <>
                        <rect x={box.x0} y={y + 6} width={box.x1 - box.x0} height={ROW_HEIGHT - 14} rx={3} />
                        {task.percentComplete > 0 && (
                          <rect
                            className="gantt__progress"
                            x={box.x0}
                            y={y + 6}
                            width={((box.x1 - box.x0) * task.percentComplete) / 100}
                            height={ROW_HEIGHT - 14}
                            rx={3}
                            fill="url(#gantt-hatch)"
                          />
                        )}
                      </>
                    )}
                    {dx !== 0 && (
                      <text x={box.x1 + 6} y={box.y + 4} className="gantt__drag-label">
                        {addDays(task.earlyStart, dragDays(scale, dx))}
                      </text>
                    )}
                  </g>
                </g>
              );
            })}
          </g>
        </svg>
      </div>
    </section>
  );
}
