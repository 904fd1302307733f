// Flow metrics (issue 5): pure functions over FlowItem histories. docs/metrics.md defines each.
export * from './burn-charts';
export * from './cumulative-flow';
export * from './cycle-time';
export * from './finished-items';
export * from './flow-efficiency';
export * from './flow-report';
export * from './item-timeline';
export * from './littles-law';
export * from './percentiles';
export * from './sprint-metrics';
export * from './throughput';
export * from './types';
export * from './utc-days';
export * from './wip';
