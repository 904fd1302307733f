// Prioritisation: WSJF, cost of delay / CD3, RICE, weighted scoring and ranking. docs/finance.md defines each.
export * from './cost-of-delay';
export * from './ranking';
export * from './rice';
export * from './weighted-scoring';
export * from './wsjf';
