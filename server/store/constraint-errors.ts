/** The constraint failures both engines report, told apart by each driver's own error code. */
export type ConstraintKind = 'unique' | 'foreign_key' | 'check' | 'not_null';

export function constraintKind(error: unknown): ConstraintKind | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  const code = String((error as { code: unknown }).code);
  switch (code) {
    case 'SQLITE_CONSTRAINT_UNIQUE':
    case 'SQLITE_CONSTRAINT_PRIMARYKEY':
    case '23505':
      return 'unique';
    case 'SQLITE_CONSTRAINT_FOREIGNKEY':
    case '23503':
      return 'foreign_key';
    case 'SQLITE_CONSTRAINT_CHECK':
    case '23514':
      return 'check';
    case 'SQLITE_CONSTRAINT_NOTNULL':
    case '23502':
      return 'not_null';
    default:
      return undefined;
  }
}
