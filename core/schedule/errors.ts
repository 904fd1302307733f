/**
 * Typed errors of the scheduling engine. Callers (CLI, importer, API) map them to their own
 * error codes; the `code` field is stable, the message is for people.
 */
export class ScheduleError extends Error {
  constructor(
    readonly code:
      | 'cycle'
      | 'unknown-predecessor'
      | 'negative-duration'
      | 'duplicate-activity'
      | 'invalid-network',
    message: string,
  ) {
    super(message);
    this.name = 'ScheduleError';
  }
}

/** The network has a precedence cycle; `cycle` lists the ids along it, first id repeated last. */
export class CycleError extends ScheduleError {
  constructor(readonly cycle: readonly string[]) {
    super('cycle', `precedence cycle: ${cycle.join(' -> ')}`);
    this.name = 'CycleError';
  }
}

/** An activity names a predecessor that is not in the network. */
export class UnknownPredecessorError extends ScheduleError {
  constructor(
    readonly activityId: string,
    readonly predecessorId: string,
  ) {
    super('unknown-predecessor', `activity ${activityId} has unknown predecessor ${predecessorId}`);
    this.name = 'UnknownPredecessorError';
  }
}

/** An activity has a negative (or non-finite) duration. */
export class NegativeDurationError extends ScheduleError {
  constructor(
    readonly activityId: string,
    readonly duration: number,
  ) {
    super('negative-duration', `activity ${activityId} has a negative or invalid duration (${duration})`);
    this.name = 'NegativeDurationError';
  }
}

/** Two activities share an id. */
export class DuplicateActivityError extends ScheduleError {
  constructor(readonly activityId: string) {
    super('duplicate-activity', `activity id ${activityId} is used more than once`);
    this.name = 'DuplicateActivityError';
  }
}
