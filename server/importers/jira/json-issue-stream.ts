import { createReadStream } from 'node:fs';
import { ImportFormatError } from './import-errors';

/**
 * Streams the elements of the `issues` array of a Jira search response (or of a bare top-level
 * array) one at a time, so a file of any size is read in memory bounded by its largest issue.
 * The scanner only tracks brackets and strings; each issue's text then goes through JSON.parse.
 * A broken issue becomes a `bad` event and the scan goes on with the next one.
 */
export type JsonIssueEvent =
  | { kind: 'issue'; index: number; value: unknown }
  | { kind: 'bad'; index: number; reason: string };

export interface JsonIssueStreamOptions {
  /** Top-level keys whose values the caller wants (e.g. `names`, the custom field names). */
  topLevelKeys?: readonly string[];
  onTopLevelValue?: (key: string, value: unknown) => void;
  /** Issues longer than this many characters are rejected without being parsed. */
  maxIssueChars?: number;
}

const OPEN_OBJECT = 123; // {
const CLOSE_OBJECT = 125; // }
const OPEN_ARRAY = 91; // [
const CLOSE_ARRAY = 93; // ]
const QUOTE = 34;
const COMMA = 44;
const COLON = 58;

interface Capture {
  kind: 'issue' | 'top';
  key: string;
  /** Stack depth outside the value: the value ends when the stack is back to it. */
  depth: number;
  compound: boolean;
  start: number;
  parts: string[];
  size: number;
  tooLarge: boolean;
}

export class JsonIssueScanner {
  private readonly stack: number[] = [];
  private inString = false;
  private escapePending = false;
  private root = 0;
  private elementDepth = -1;
  private sawIssues = false;
  private keyParts: string[] | undefined;
  private keyStart = -1;
  private lastKey: string | undefined;
  private valueKey: string | undefined;
  private capture: Capture | undefined;
  private index = 0;
  private offset = 0;
  private readonly wanted: Set<string>;
  private readonly maxChars: number;
  readonly events: JsonIssueEvent[] = [];

  constructor(private readonly options: JsonIssueStreamOptions = {}) {
    this.wanted = new Set(options.topLevelKeys ?? []);
    this.maxChars = options.maxIssueChars ?? 64 * 1024 * 1024;
  }

  feed(c: string): void {
    const len = c.length;
    let i = 0;
    this.chunkNumber++;
    if (this.keyParts) this.keyStart = 0;
    while (i < len) {
      if (this.inString) {
        i = this.skipString(c, i);
        continue;
      }
      const ch = c.charCodeAt(i);
      if (ch === 32 || ch === 10 || ch === 13 || ch === 9) {
        i++;
        continue;
      }
      const depth = this.stack.length;
      if (!this.capture && ch !== COMMA && ch !== CLOSE_ARRAY && ch !== CLOSE_OBJECT)
        this.maybeStartCapture(ch, i);
      if (ch === QUOTE) {
        this.inString = true;
        if (!this.capture && depth === 1 && this.root === OPEN_OBJECT && this.valueKey === undefined) {
          this.keyParts = [];
          this.keyStart = i + 1;
        }
        i++;
      } else if (ch === OPEN_OBJECT || ch === OPEN_ARRAY) {
        if (depth === 0) {
          if (this.root !== 0) this.fail('more than one JSON document in the file', i);
          this.root = ch;
          if (ch === OPEN_ARRAY) {
            this.elementDepth = 1;
            this.sawIssues = true;
          }
        } else if (
          depth === 1 &&
          this.root === OPEN_OBJECT &&
          ch === OPEN_ARRAY &&
          this.valueKey === 'issues'
        ) {
          this.elementDepth = 2;
          this.sawIssues = true;
        }
        if (depth >= 10_000) this.fail('JSON nested more than 10,000 levels deep', i);
        this.stack.push(ch);
        i++;
      } else if (ch === CLOSE_OBJECT || ch === CLOSE_ARRAY) {
        const open = this.stack.pop();
        if (open === undefined || (open === OPEN_OBJECT) !== (ch === CLOSE_OBJECT)) {
          this.fail(`unexpected "${String.fromCharCode(ch)}"`, i);
        }
        const cap = this.capture;
        if (cap && !cap.compound && depth === cap.depth) this.endCapture(c, i);
        else if (cap?.compound && this.stack.length === cap.depth) this.endCapture(c, i + 1);
        if (this.stack.length + 1 === this.elementDepth) this.elementDepth = -1;
        if (this.stack.length === 1) this.valueKey = undefined;
        i++;
      } else if (ch === COMMA) {
        const cap = this.capture;
        if (cap && !cap.compound && depth === cap.depth) this.endCapture(c, i);
        if (depth === 1) this.valueKey = undefined;
        i++;
      } else if (ch === COLON) {
        if (depth === 1 && this.root === OPEN_OBJECT && !this.capture) this.valueKey = this.lastKey;
        i++;
      } else {
        if (depth === 0) this.fail('the file is not JSON', i);
        i++;
      }
    }
    const cap = this.capture;
    if (cap) this.keep(cap, c.slice(cap.start));
    if (cap) cap.start = 0;
    if (this.keyParts && this.inString) this.keyParts.push(c.slice(Math.max(0, this.keyStart)));
    this.offset += len;
  }

  /** Call after the last chunk. */
  end(): void {
    if (this.root === 0) throw new ImportFormatError('the file is empty');
    if (!this.sawIssues) {
      throw new ImportFormatError('no "issues" array: expected a Jira search response {"issues": [...]}');
    }
    if (this.stack.length > 0 || this.inString) {
      const reason = 'the file ends inside this issue (truncated file?)';
      if (this.capture?.kind === 'issue') this.events.push({ kind: 'bad', index: ++this.index, reason });
      else if (this.elementDepth !== -1) {
        this.events.push({
          kind: 'bad',
          index: this.index + 1,
          reason: 'the file ends before the issues array is closed',
        });
      }
      this.capture = undefined;
    }
  }

  /** Position of the next backslash in the current chunk, cached: most chunks have none. */
  private slashAt = -1;
  private slashChunk = -1;
  private chunkNumber = 0;

  private skipString(c: string, from: number): number {
    let i = from;
    const len = c.length;
    if (this.slashChunk !== this.chunkNumber) {
      this.slashChunk = this.chunkNumber;
      this.slashAt = -1;
    }
    while (i < len) {
      if (this.escapePending) {
        this.escapePending = false;
        i++;
        continue;
      }
      const quote = c.indexOf('"', i);
      // indexOf from every string start would rescan the rest of the chunk each time: quadratic.
      if (this.slashAt !== len && this.slashAt < i) {
        this.slashAt = c.indexOf('\\', i);
        if (this.slashAt === -1) this.slashAt = len;
      }
      const slash = this.slashAt === len ? -1 : this.slashAt;
      if (slash !== -1 && (quote === -1 || slash < quote)) {
        this.escapePending = true;
        i = slash + 1;
        continue;
      }
      if (quote === -1) return len;
      this.inString = false;
      if (this.keyParts) {
        this.keyParts.push(c.slice(Math.max(0, this.keyStart), quote));
        this.lastKey = decodeKey(this.keyParts.join(''));
        this.keyParts = undefined;
      }
      return quote + 1;
    }
    return len;
  }

  private maybeStartCapture(ch: number, i: number): void {
    const depth = this.stack.length;
    let kind: Capture['kind'] | undefined;
    let key = '';
    if (this.elementDepth !== -1 && depth === this.elementDepth) kind = 'issue';
    else if (
      depth === 1 &&
      this.root === OPEN_OBJECT &&
      this.valueKey !== undefined &&
      this.wanted.has(this.valueKey)
    ) {
      kind = 'top';
      key = this.valueKey;
    }
    if (!kind) return;
    this.capture = {
      kind,
      key,
      depth,
      compound: ch === OPEN_OBJECT || ch === OPEN_ARRAY,
      start: i,
      parts: [],
      size: 0,
      tooLarge: false,
    };
  }

  private keep(cap: Capture, text: string): void {
    cap.size += text.length;
    if (cap.size > this.maxChars) {
      cap.tooLarge = true;
      cap.parts = [];
    } else cap.parts.push(text);
  }

  private endCapture(c: string, end: number): void {
    const cap = this.capture as Capture;
    this.capture = undefined;
    this.keep(cap, c.slice(cap.start, end));
    if (cap.kind === 'top') {
      try {
        this.options.onTopLevelValue?.(cap.key, JSON.parse(cap.parts.join('')));
      } catch {
        // an unreadable `names` map only costs the custom field names
      }
      return;
    }
    const index = ++this.index;
    if (cap.tooLarge) {
      this.events.push({ kind: 'bad', index, reason: `issue is larger than ${this.maxChars} characters` });
      return;
    }
    try {
      this.events.push({ kind: 'issue', index, value: JSON.parse(cap.parts.join('')) });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.events.push({ kind: 'bad', index, reason: `not valid JSON: ${message}` });
    }
  }

  private fail(message: string, i: number): never {
    throw new ImportFormatError(`malformed JSON at character ${this.offset + i + 1}: ${message}`);
  }
}

function decodeKey(raw: string): string {
  if (raw.length > 1000) return '';
  try {
    return JSON.parse(`"${raw}"`) as string;
  } catch {
    return raw;
  }
}

/** Reads `path` and yields its issues in order; throws ImportFormatError for a file that is not a Jira JSON export. */
export async function* streamJsonIssues(
  path: string,
  options: JsonIssueStreamOptions = {},
): AsyncGenerator<JsonIssueEvent> {
  const scanner = new JsonIssueScanner(options);
  const stream = createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 });
  let first = true;
  try {
    for await (const chunk of stream as AsyncIterable<string>) {
      scanner.feed(first ? chunk.replace(/^\uFEFF/, '') : chunk);
      first = false;
      if (scanner.events.length > 0) yield* scanner.events.splice(0);
    }
  } finally {
    stream.destroy();
  }
  scanner.end();
  yield* scanner.events.splice(0);
}
