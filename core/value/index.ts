// Value management: OKR progress, alignment shares, KPI status and benefits realisation. docs/value.md defines each.
export * from './alignment';
export * from './benefits';
export * from './kpi-status';
export * from './kpi-targets';
export * from './okr';
export * from './vocabulary';
