import type { Activity, Link, LinkType } from './types';

/** The JSON text is not a network document of the shape `parseNetworkJson` documents. */
export class NetworkFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NetworkFormatError';
  }
}

const TYPES = new Set<string>(['FS', 'SS', 'FF', 'SF']);

/**
 * Reads the CLI's JSON network:
 * `{"activities":[{"id":"A","duration":3,"predecessors":["B",{"id":"C","type":"SS","lag":-1}]}]}`.
 * A bare predecessor id means finish-to-start with lag 0. Optional per activity: `name`,
 * `parent` (summary id), `startNoEarlierThan`, `finishNoLaterThan`. Ids may be strings or numbers.
 * Semantic checks (negative durations, unknown ids, cycles) are left to `computeCpm`.
 * @throws NetworkFormatError
 */
export function parseNetworkJson(text: string): Activity[] {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    throw new NetworkFormatError(`invalid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const items = Array.isArray(doc) ? doc : isObject(doc) ? doc.activities : undefined;
  if (!Array.isArray(items)) throw new NetworkFormatError('expected an object with an "activities" array');
  return items.map((item, k) => {
    if (!isObject(item)) throw new NetworkFormatError(`activity #${k + 1} is not an object`);
    const id = readId(item.id, `activity #${k + 1}: "id"`);
    const where = `activity ${id}`;
    if (typeof item.duration !== 'number' || !Number.isFinite(item.duration)) {
      throw new NetworkFormatError(`${where}: "duration" must be a number`);
    }
    const preds = item.predecessors ?? [];
    if (!Array.isArray(preds)) throw new NetworkFormatError(`${where}: "predecessors" must be an array`);
    const activity: Activity = {
      id,
      duration: item.duration,
      predecessors: preds.map((p) => readLink(p, where)),
    };
    if (typeof item.name === 'string') activity.name = item.name;
    if (item.parent !== undefined && item.parent !== null)
      activity.parent = readId(item.parent, `${where}: "parent"`);
    const snet = optionalNumber(item.startNoEarlierThan, `${where}: "startNoEarlierThan"`);
    if (snet !== undefined) activity.startNoEarlierThan = snet;
    const fnlt = optionalNumber(item.finishNoLaterThan, `${where}: "finishNoLaterThan"`);
    if (fnlt !== undefined) activity.finishNoLaterThan = fnlt;
    return activity;
  });
}

function readLink(value: unknown, where: string): Link {
  if (typeof value === 'string' || typeof value === 'number') {
    return { id: readId(value, `${where}: predecessor`), type: 'FS', lag: 0 };
  }
  if (!isObject(value)) throw new NetworkFormatError(`${where}: a predecessor must be an id or an object`);
  const type = value.type === undefined ? 'FS' : String(value.type).toUpperCase();
  if (!TYPES.has(type)) throw new NetworkFormatError(`${where}: unknown link type ${String(value.type)}`);
  const lag = optionalNumber(value.lag, `${where}: "lag"`) ?? 0;
  return { id: readId(value.id, `${where}: predecessor id`), type: type as LinkType, lag };
}

function readId(value: unknown, what: string): string {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'string' && value !== '') return value;
  throw new NetworkFormatError(`${what} must be a non-empty string or a number`);
}

function optionalNumber(value: unknown, what: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value))
    throw new NetworkFormatError(`${what} must be a number`);
  return value;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
