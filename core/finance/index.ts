// Finance (business cases): pure functions over cash-flow series. docs/finance.md defines each.
export * from './business-case';
export * from './cash-flows';
export * from './irr';
export * from './npv';
export * from './payback';
export * from './roi';
export * from './root-finding';
export * from './scenarios';
export * from './sensitivity';
