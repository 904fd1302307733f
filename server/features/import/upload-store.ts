import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { ProblemError } from '../../http/problem';

/**
 * Uploaded files between the steps of the web import (upload → preview → validate → import).
 * They live in the system's temporary directory, one folder per organisation, and are deleted a
 * day after upload (or when the server's temporary files are cleaned): an upload is a working
 * copy, the imported records are what is kept.
 */
export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;
const ROOT = join(tmpdir(), 'triad-imports');
const TTL_MS = 24 * 3600 * 1000;
const ID_RE = /^[0-9a-f-]{36}$/;

export interface UploadMeta {
  id: string;
  fileName: string;
  size: number;
  uploadedAt: string;
  userId: string;
}

const dirOf = (organisationId: string) => join(ROOT, organisationId.replace(/[^0-9a-f-]/gi, ''));

export async function saveUpload(
  organisationId: string,
  userId: string,
  fileName: string,
  content: Buffer,
  now: Date,
): Promise<UploadMeta & { path: string }> {
  const dir = dirOf(organisationId);
  await mkdir(dir, { recursive: true });
  await sweep(dir, now);
  const id = randomUUID();
  // Only the extension of the client's name is used on disk; the name itself is kept as data.
  const ext = extname(basename(fileName))
    .toLowerCase()
    .replace(/[^.a-z0-9]/g, '')
    .slice(0, 8);
  const path = join(dir, `${id}.upload${ext}`);
  const meta: UploadMeta = {
    id,
    fileName: basename(fileName).slice(0, 200),
    size: content.length,
    uploadedAt: now.toISOString(),
    userId,
  };
  await writeFile(path, content);
  // The metadata has a name of its own: `<id>.json` was also the name of an uploaded .json file,
  // which the metadata then overwrote (every Jira or GitHub JSON upload failed to preview).
  await writeFile(join(dir, `${id}.meta.json`), JSON.stringify({ ...meta, ext }));
  return { ...meta, path };
}

/** The upload of this organisation, or a 404 problem (another organisation's id is simply unknown). */
export async function findUpload(organisationId: string, id: string): Promise<UploadMeta & { path: string }> {
  if (!ID_RE.test(id)) throw new ProblemError('not_found', 'No such upload.');
  const dir = dirOf(organisationId);
  try {
    const meta = JSON.parse(await readFile(join(dir, `${id}.meta.json`), 'utf8')) as UploadMeta & {
      ext: string;
    };
    return { ...meta, path: join(dir, `${id}.upload${meta.ext}`) };
  } catch {
    throw new ProblemError('not_found', 'No such upload (uploads are kept for a day).');
  }
}

async function sweep(dir: string, now: Date): Promise<void> {
  const { readdir } = await import('node:fs/promises');
  for (const name of await readdir(dir)) {
    const path = join(dir, name);
    const info = await stat(path).catch(() => undefined);
    if (info && now.getTime() - info.mtimeMs > TTL_MS) await rm(path, { force: true });
  }
}
