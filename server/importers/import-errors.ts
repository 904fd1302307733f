/** The file as a whole cannot be imported (not the expected export, no key column, …): nothing was written. */
export class ImportFormatError extends Error {
  override name = 'ImportFormatError';
}

/** One row or issue cannot be imported; the import goes on and reports it. */
export interface Rejection {
  /** CSV: the line the record starts on (the header is line 1). JSON: the record's 1-based position. */
  row: number;
  reason: string;
}

/** Thrown by the row mappers and turned into a {@link Rejection}. */
export class RowError extends Error {
  override name = 'RowError';
}
