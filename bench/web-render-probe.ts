import type { Page } from 'playwright-core';

// What the web-render bench measures inside the page. The scripts are plain strings because they
// run in Chromium, and the root tsconfig has no DOM types (as in e2e/support/browser.ts).

/**
 * Installed before every document: marks the first animation frame in which each watched selector
 * is in the DOM (that frame paints it), and collects long tasks (> 50 ms on the main thread).
 */
const PROBE = `(() => {
  const bench = { marks: {}, longTasks: [] };
  window.__bench = bench;
  const watched = { h1: 'main h1', rows: 'main table tbody tr[aria-rowindex]' };
  const check = () => {
    for (const [name, selector] of Object.entries(watched)) {
      if (bench.marks[name] === undefined && document.querySelector(selector)) {
        bench.marks[name] = null;
        requestAnimationFrame(() => { bench.marks[name] = performance.now(); });
      }
    }
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) bench.longTasks.push(e.startTime + e.duration);
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
})();`;

const installed = new WeakSet<Page>();

export interface LoadTiming {
  /** Navigation start → the frame that paints the watched content (first table row, or the h1). */
  firstContentMs: number;
  /** First contentful paint as Chromium reports it (usually the shell or a skeleton). */
  firstPaintMs: number;
  /** Content shown and no long task for 500 ms since (the end of the last long task, or the content). */
  interactiveMs: number;
}

interface Snapshot {
  now: number;
  mark: number | null | undefined;
  lastLongTask: number;
  fcp: number | undefined;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Loads `url` afresh and times it; `ready` is `main h1` or the table rows (see PROBE). */
export async function measureLoad(page: Page, url: string, ready: string): Promise<LoadTiming> {
  if (!installed.has(page)) {
    await page.addInitScript(PROBE);
    installed.add(page);
  }
  const mark = ready === 'main h1' ? 'h1' : 'rows';
  await page.goto(url, { waitUntil: 'commit' });
  const deadline = Date.now() + 30_000;
  for (;;) {
    const s = (await page.evaluate(`(() => {
      const b = window.__bench ?? { marks: {}, longTasks: [] };
      const fcp = performance.getEntriesByName('first-contentful-paint')[0];
      return { now: performance.now(), mark: b.marks['${mark}'], lastLongTask: Math.max(0, ...b.longTasks),
        fcp: fcp ? fcp.startTime : undefined };
    })()`)) as Snapshot;
    if (typeof s.mark === 'number') {
      const interactive = Math.max(s.mark, s.lastLongTask);
      if (s.now - interactive >= 500) {
        return { firstContentMs: s.mark, firstPaintMs: s.fcp ?? s.mark, interactiveMs: interactive };
      }
    }
    if (Date.now() > deadline) throw new Error(`${url}: "${ready}" not shown within 30 s`);
    await sleep(50);
  }
}

export interface ScrollTiming {
  frames: number;
  stepPx: number;
  p50: number;
  p95: number;
  max: number;
  /** The same page's frames with no scrolling: what the machine allows at all. */
  idleP50: number;
  idleP95: number;
  over50: number;
  over100: number;
  /** Rows the table holds after the scroll (pages fetched while scrolling included). */
  rowsLoaded: number;
}

/**
 * Scrolls the page's table by `stepPx` on each of `frames` animation frames and records the time
 * between frames: 16.7 ms is smooth at 60 Hz; long gaps are what a user sees as stutter.
 */
export async function measureScroll(page: Page, frames: number, stepPx: number): Promise<ScrollTiming> {
  const result = (await page.evaluate(`(async () => {
    const el = document.querySelector('main .t-table-wrap');
    if (!el) throw new Error('no table to scroll');
    // Baseline: the same number of frames on the same page with nothing to do (machine load shows here).
    const idle = [];
    let then = performance.now();
    for (let i = 0; i < ${frames}; i++) {
      await new Promise((resolve) => requestAnimationFrame(resolve));
      const now = performance.now();
      idle.push(now - then);
      then = now;
    }
    const gaps = [];
    let last = performance.now();
    for (let i = 0; i < ${frames}; i++) {
      el.scrollTop += ${stepPx};
      await new Promise((resolve) => requestAnimationFrame(resolve));
      const now = performance.now();
      gaps.push(now - last);
      last = now;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    return { gaps, idle, rows: Number(el.querySelector('table').getAttribute('aria-rowcount')) - 1 };
  })()`)) as { gaps: number[]; idle: number[]; rows: number };
  const sorted = [...result.gaps].sort((a, b) => a - b);
  const idle = [...result.idle].sort((a, b) => a - b);
  const rank = (xs: number[], p: number) => xs[Math.max(0, Math.ceil((p / 100) * xs.length) - 1)] ?? 0;
  const at = (p: number) => rank(sorted, p);
  return {
    frames,
    stepPx,
    p50: at(50),
    p95: at(95),
    max: sorted.at(-1) ?? 0,
    idleP50: rank(idle, 50),
    idleP95: rank(idle, 95),
    over50: result.gaps.filter((g) => g > 50).length,
    over100: result.gaps.filter((g) => g > 100).length,
    rowsLoaded: result.rows,
  };
}
