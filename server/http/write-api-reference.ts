// Regenerates docs/api-reference.md from the running route table (no server or database needed).
// Run: npx tsx server/http/write-api-reference.ts
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildApp } from '../app';
import { openStore } from '../store/database';
import { migrateToLatest } from '../store/migrate';
import { renderApiReference } from './api-reference';

const store = openStore({ sqliteFile: ':memory:' });
await migrateToLatest(store);
const app = await buildApp({ store });
await app.ready();
const target = fileURLToPath(new URL('../../docs/api-reference.md', import.meta.url));
writeFileSync(target, renderApiReference(app));
await app.close();
await store.close();
process.stdout.write(`wrote ${target}\n`);
