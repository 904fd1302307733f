export * from './icalendar';
export * from './spreadsheet-cell';
