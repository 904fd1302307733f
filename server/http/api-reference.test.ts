import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { openStore } from '../store/database';
import { migrateToLatest } from '../store/migrate';
import { renderApiReference } from './api-reference';

describe('docs/api-reference.md', () => {
  it('lists every API route with its permission, as the server registers them', async () => {
    const store = openStore({ sqliteFile: ':memory:' });
    await migrateToLatest(store);
    const app = await buildApp({ store });
    await app.ready();
    try {
      const rendered = renderApiReference(app);
      // Every route that declares a permission appears once in the reference with that permission.
      for (const [route, permission] of app.routePermissions) {
        const [method, path] = route.split(' ') as [string, string];
        if (path.startsWith('/api/docs')) continue;
        const openApiPath = path.replace(/:(\w+)/g, '{$1}');
        expect(rendered, route).toContain(`| ${method} | \`${openApiPath}\` | ${permission} |`);
      }
      const file = fileURLToPath(new URL('../../docs/api-reference.md', import.meta.url));
      expect(readFileSync(file, 'utf8'), 'regenerate: npx tsx server/http/write-api-reference.ts').toBe(
        rendered,
      );
    } finally {
      await app.close();
      await store.close();
    }
  });
});
