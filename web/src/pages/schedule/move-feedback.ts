// What the user is told after moving a task: the server reschedules around the new
// start-no-earlier-than date, so the task may land later than asked (its driving links hold it,
// or the calendar, a resource's leave or the status date) or push the plan past a
// finish-no-later-than date (negative float).

export interface MovedTask {
  name: string;
  earlyStart: string;
  totalFloat: number;
}

export interface PredecessorLink {
  name: string;
  type: string;
  lag: number;
  /** False when the link has slack at the new dates (it is not what holds the task). */
  driving?: boolean;
}

export interface MoveFeedback {
  tone: 'ok' | 'warning';
  message: string;
}

const linkLabel = (l: PredecessorLink) =>
  `${l.name} (${l.type}${l.lag === 0 ? '' : `${l.lag > 0 ? ' +' : ' '}${l.lag}d`})`;

/**
 * The sentence shown after a move of `task` to `requested`, given the rescheduled task and its
 * predecessor links (marked `driving: false` when they have slack at the new dates).
 */
export function moveFeedback(
  requested: string,
  task: MovedTask,
  predecessors: readonly PredecessorLink[],
): MoveFeedback {
  if (task.earlyStart > requested) {
    const driving = predecessors.filter((l) => l.driving !== false);
    const held =
      driving.length > 0
        ? `its links from ${driving.map(linkLabel).join(', ')} keep it from starting before ${task.earlyStart}`
        : `the calendar, a resource's leave or the status date moves it to ${task.earlyStart}`;
    return { tone: 'warning', message: `${task.name} cannot start on ${requested}: ${held}.` };
  }
  if (task.totalFloat < 0) {
    return {
      tone: 'warning',
      message: `${task.name} now starts ${task.earlyStart}, which breaks a finish-no-later-than date: total float is ${task.totalFloat} working days.`,
    };
  }
  return {
    tone: 'ok',
    message: `${task.name} now starts ${task.earlyStart}; the schedule was recalculated.`,
  };
}

/**
 * True when a link leaves its successor no slack at early dates (work-unit offsets), i.e. it is
 * what holds the successor: FS S = F_p + L, SS S = S_p + L, FF F = F_p + L, SF F = S_p + L.
 */
export function isDriving(
  type: string,
  lag: number,
  predecessor: { es: number; ef: number },
  task: { es: number; ef: number },
): boolean {
  const bound =
    type === 'SS'
      ? task.es - predecessor.es
      : type === 'FF'
        ? task.ef - predecessor.ef
        : type === 'SF'
          ? task.ef - predecessor.es
          : task.es - predecessor.ef;
  return Math.abs(bound - lag) < 1e-9;
}
