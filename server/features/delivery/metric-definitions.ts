// The one-line definition of each metric, word for word as in docs/metrics.md, so the API, the
// web app and the documentation say the same thing.
export const DEFINITIONS = {
  throughputPerDay: 'Items finished per calendar day, every day of the range listed, zeros included.',
  throughputPerWeek:
    'Items finished per ISO 8601 week (Monday–Sunday); partial edge weeks say how many days they hold.',
  cycleTime: 'Time from the commitment point to done, per finished item, with percentiles and mean.',
  leadTime: 'Time from creation (the request) to done, per finished item, with percentiles.',
  scatter: 'One point per finished item (done date, cycle time) plus the percentile lines.',
  wip: 'Items in progress at any time during each day: started on or before it, not finished before it.',
  aging:
    'Age of unfinished items since their commitment point against a service level expectation, oldest first, with a warning per breach.',
  cfd: 'Per day and workflow state: items in the state at the end of the day, and items in it or a later state (the CFD lines).',
  flowEfficiency:
    "Share of a finished item's cycle time spent actively worked on rather than waiting (blocked, back in the backlog, in a queue status).",
  velocity:
    'Work completed per sprint, with the average over all sprints and over the last `window` (default 3).',
  predictability:
    'Completed ÷ committed per sprint and the share of sprints inside a target band (default 80–100%).',
  burnDown:
    'Remaining work (scope − completed) at the end of each sprint day beside the ideal line from the commitment to zero.',
  burnUp: 'Cumulative completed work and total scope at the end of each day.',
  littlesLaw:
    'Compares average WIP with throughput × average cycle time over a window and reports their ratio.',
  forecastWhen:
    '"When will N items be done?": each trial draws one sample per simulated day until the total reaches N; percentile P is the earliest date by which at least P% of trials had finished.',
  forecastHowMany:
    '"How many by the end date?": each trial sums one sample per day, start to end inclusive; percentile P is the largest count that at least P% of trials reached or exceeded (P95 ≤ P85 ≤ P70 ≤ P50).',
  liveSprint:
    "Probability of finishing the remaining committed items by the sprint's last day, with the likely number done.",
  backtest:
    'Replays history: forecasts weekly from past dates with only the data before each and compares with what happened; a date is scored only when its history window held enough finished items (a team’s first weeks are counted, not scored).',
} as const;
