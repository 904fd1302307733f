// What the user is told after moving a task: the server reschedules around the new
// start-no-earlier-than date, so the task may land later than asked (its links hold it) or
// push the plan past a finish-no-later-than date (negative float).

export interface MovedTask {
  name: string;
  earlyStart: string;
  totalFloat: number;
}

export interface PredecessorLink {
  name: string;
  type: string;
  lag: number;
}

export interface MoveFeedback {
  tone: 'ok' | 'warning';
  message: string;
}

const linkLabel = (l: PredecessorLink) =>
  `${l.name} (${l.type}${l.lag === 0 ? '' : `${l.lag > 0 ? ' +' : ' '}${l.lag}d`})`;

/** The sentence shown after a move of `task` to `requested`, given the rescheduled task. */
export function moveFeedback(
  requested: string,
  task: MovedTask,
  predecessors: readonly PredecessorLink[],
): MoveFeedback {
  if (task.earlyStart > requested) {
    const held =
      predecessors.length > 0
        ? `its links from ${predecessors.map(linkLabel).join(', ')} keep it from starting before ${task.earlyStart}`
        : `the calendar or status date moves it to ${task.earlyStart}`;
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
