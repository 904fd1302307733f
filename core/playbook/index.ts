// The PMO playbook rules: pure functions over templates, gates, RAID, RACI and status (docs/playbook.md).
export * from './default-templates';
export * from './gate-readiness';
export * from './health';
export * from './intake';
export * from './methodology';
export * from './raci';
export * from './risk';
export * from './setup-plan';
export * from './status-prefill';
export * from './template-diff';
export * from './vocabulary';
