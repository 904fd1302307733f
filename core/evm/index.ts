// Earned value management: pure functions over cumulative PV, EV and AC. docs/finance.md defines each.
export * from './agile-evm';
export * from './earned-schedule';
export * from './evm-metrics';
export * from './evm-status';
export * from './ratio';
export * from './reference-class';
export * from './s-curve';
