// The error types are shared by every importer; Jira's modules keep importing them from here.
export { ImportFormatError, type Rejection, RowError } from '../import-errors';
