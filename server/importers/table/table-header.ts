import { cleanText } from '../import-batch-record';

/**
 * Column positions of a spreadsheet-like header by lower-case name. Names may repeat (Jira and
 * Azure DevOps repeat columns of multi-valued fields); every position is kept in order.
 */
export class TableHeader {
  private readonly positions = new Map<string, number[]>();
  readonly names: string[];

  constructor(cells: readonly string[]) {
    this.names = cells.map((c) => cleanText(c.replace(/^\uFEFF/, '')));
    this.names.forEach((name, i) => {
      const n = name.toLowerCase();
      this.positions.set(n, [...(this.positions.get(n) ?? []), i]);
    });
  }

  get width(): number {
    return this.names.length;
  }

  has(name: string): boolean {
    return this.positions.has(name.toLowerCase());
  }

  /** First non-blank value among the named columns, tried in order. */
  get(cells: readonly string[], ...names: string[]): string | undefined {
    for (const name of names) {
      for (const i of this.positions.get(name.toLowerCase()) ?? []) {
        const v = cleanText(cells[i] ?? '');
        if (v !== '') return v;
      }
    }
    return undefined;
  }
}
