// Capacity planning: pure functions over calendars, leave, bookings and demand. docs/resources.md defines each.
export * from './assignment';
export * from './calendar';
export * from './demand';
export * from './load';
export * from './periods';
export * from './team-demand';
