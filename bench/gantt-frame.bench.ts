import { createRng } from '../core/random/prng';
import { overlapsX, visibleLinks, visibleRows } from '../web/src/pages/schedule/gantt-culling';
import { routeLink } from '../web/src/pages/schedule/gantt-links';
import { outlineRows, rowLinks } from '../web/src/pages/schedule/gantt-model';
import { addDays, barExtent, createScale, ticks } from '../web/src/pages/schedule/gantt-scale';
import { type BenchRow, type BenchSuite, formatMs, percentileMs, sampleMs } from './harness';

// The Gantt's per-frame work for a 5,000-task plan (50 phases of 99 tasks, ~2 links each): the
// model built once, then for a scroll position the row window, bars in the horizontal window,
// the links touching it and their routes, and the axis ticks. Compared with a 60 fps frame.

const TASKS = 5000;
const ROW = 28;
const FRAME_MS = 1000 / 60;

function plan() {
  const rng = createRng(7);
  const tasks: {
    id: string;
    parentId: string | null;
    position: number;
    name: string;
    start: string;
    finish: string;
  }[] = [];
  const predecessors = new Map<string, { taskId: string; type: 'FS' | 'SS' | 'FF' | 'SF'; lag: number }[]>();
  for (let i = 0; i < TASKS; i++) {
    const phase = Math.floor(i / 100);
    const summary = i % 100 === 0;
    const start = addDays('2025-01-06', phase * 20 + rng.nextInt(60));
    tasks.push({
      id: `t${i}`,
      parentId: summary ? null : `t${phase * 100}`,
      position: i,
      name: `Task ${i}`,
      start,
      finish: addDays(start, 1 + rng.nextInt(15)),
    });
    if (!summary && i % 100 > 1) {
      const links = [{ taskId: `t${i - 1}`, type: 'FS' as const, lag: 0 }];
      if (rng.nextInt(2) === 0)
        links.push({ taskId: `t${Math.max(phase * 100 + 1, i - 1 - rng.nextInt(10))}`, type: 'FS', lag: 0 });
      predecessors.set(
        `t${i}`,
        links.filter((l, k) => links.findIndex((m) => m.taskId === l.taskId) === k),
      );
    }
  }
  return { tasks, predecessors };
}

async function run(): Promise<BenchRow[]> {
  const { tasks, predecessors } = plan();
  const build = () => {
    const rows = outlineRows(tasks);
    return { rows, links: rowLinks(rows, predecessors) };
  };
  const buildMs = percentileMs(await sampleMs(build, 10), 50);
  const { rows, links } = build();
  const scale = createScale('2025-01-01', '2028-12-31', 'weeks');
  const rng = createRng(11);
  const frame = () => {
    const vp = {
      scrollTop: rng.nextInt(TASKS * ROW),
      height: 700,
      scrollLeft: rng.nextInt(scale.width),
      width: 1080,
    };
    const { first, last } = visibleRows(vp, ROW, rows.length);
    let drawn = 0;
    const boxes = new Map<number, { x0: number; x1: number; y: number }>();
    for (let r = first; r <= last; r++) {
      const t = rows[r]!.task;
      const { x, width } = barExtent(scale, t.start, t.finish);
      boxes.set(r, { x0: x, x1: x + width, y: r * ROW + ROW / 2 });
      if (overlapsX(x, width, vp)) drawn++;
    }
    for (const l of visibleLinks(links, first, last)) {
      const a = boxes.get(l.fromRow) ?? { x0: 0, x1: 10, y: l.fromRow * ROW };
      const b = boxes.get(l.toRow) ?? { x0: 0, x1: 10, y: l.toRow * ROW };
      routeLink(l.link.type, a, b, ROW);
      drawn++;
    }
    return drawn + ticks(scale, vp.scrollLeft, vp.scrollLeft + vp.width).length;
  };
  const samples = await sampleMs(frame, 300);
  return [
    {
      name: `Gantt model for ${TASKS} tasks (outline + ${links.length} links, p50)`,
      value: formatMs(buildMs),
    },
    {
      name: 'Gantt frame: culling, link routes, axis ticks (p95 over 300 scroll positions)',
      value: formatMs(percentileMs(samples, 95)),
      baseline: `${formatMs(FRAME_MS)} frame at 60 fps`,
      ratio: percentileMs(samples, 95) / FRAME_MS,
    },
  ];
}

const suite: BenchSuite = { name: 'Gantt (web/src/pages/schedule)', run };
export default suite;
