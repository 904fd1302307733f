// Probabilistic forecasting (issue 5): seeded Monte Carlo over daily throughput. docs/metrics.md defines each.
export * from './backtest';
export * from './forecast-how-many';
export * from './forecast-when';
export * from './live-sprint';
export * from './simulation';
export * from './throughput-history';
