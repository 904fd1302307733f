import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app';
import { testEngines } from '../../test/engines';
import {
  apiClient,
  createPortfolioWithProject,
  createTestOrganisation,
  createTestUser,
  tokenFor,
} from '../../test/factories';

const engines = await testEngines();

// RFC 5545 §3.1: unfold, then split the content lines into name (with parameters) and value.
const unfold = (text: string) => text.replace(/\r\n[ \t]/g, '');

describe.each(engines)('Export and calendar feed on $name', (engine) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const c of cleanups) await c();
  });
  const setup = async () => {
    const handle = await engine.open();
    const app: FastifyInstance = await buildApp({ store: handle.store });
    cleanups.push(async () => {
      await app.close();
      await handle.dispose();
    });
    const org = await createTestOrganisation(handle.store);
    const api = apiClient(app, org.token);
    const { project } = await createPortfolioWithProject(api, 'PAY');
    for (const title of ['=HYPERLINK("http://evil")', '+SUM(1)', 'Plain, with "quotes"', '@cmd', '-2']) {
      const r = await api.post('/api/v1/work-items', { projectId: project.id, type: 'story', title });
      expect(r.status).toBe(201);
    }
    return { app, store: handle.store, org, api, project };
  };

  it('exports a list as CSV with the list’s filters and neutralised formulas', async () => {
    const { app, org } = await setup();
    const res = await app.inject({
      method: 'GET',
      url: '/api/v1/work-items/export?format=csv&sort=title',
      headers: { authorization: `Bearer ${org.readToken}` },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toMatch(
      /attachment; filename="work-items-\d{4}-\d{2}-\d{2}\.csv"/,
    );
    const rows = parse(res.body.replace(/^\uFEFF/, ''), { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.title).sort()).toEqual(
      ["'+SUM(1)", "'-2", '\'=HYPERLINK("http://evil")', "'@cmd", 'Plain, with "quotes"'].sort(),
    );
    expect(rows[0]?.key).toMatch(/^PAY-\d+$/);
    const filtered = await app.inject({
      method: 'GET',
      url: '/api/v1/work-items/export?q=Plain',
      headers: { authorization: `Bearer ${org.readToken}` },
    });
    expect(parse(filtered.body.replace(/^\uFEFF/, ''), { columns: true })).toHaveLength(1);
    const bad = await app.inject({
      method: 'GET',
      url: '/api/v1/work-items/export?format=pdf',
      headers: { authorization: `Bearer ${org.readToken}` },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors?.[0]?.field ?? bad.json().detail).toMatch(/format/);
    expect((await app.inject({ method: 'GET', url: '/api/v1/work-items/export' })).statusCode).toBe(401);
  });

  it('exports XLSX with text cells, never formulas', async () => {
    const { app, org } = await setup();
    const res = await app.inject({
      method: 'GET',
      url: '/api/v1/work-items/export?format=xlsx',
      headers: { authorization: `Bearer ${org.token}` },
    });
    expect(res.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new Error('no worksheet');
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const titleColumn = header.indexOf('title') + 1;
    const titles: unknown[] = [];
    sheet.eachRow((row, n) => {
      if (n === 1) return;
      const cell = row.getCell(titleColumn);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      titles.push(cell.value);
    });
    expect(titles).toContain('\'=HYPERLINK("http://evil")');
    expect(titles).toHaveLength(5);
  });

  it('serves milestones and sprints as iCalendar to a token in the URL, escaped, folded, stable', async () => {
    const { app, api, org, store, project } = await setup();
    const long = 'Go-live; payments, cards & wallets — phase two of the programme (all markets)';
    const m = await api.post('/api/v1/milestones', {
      projectId: project.id,
      name: long,
      dueDate: '2025-06-30',
      description: 'a\nb',
    });
    expect(m.status).toBe(201);
    const url = `/api/v1/calendar.ics?token=${encodeURIComponent(org.readToken)}`;
    const res = await app.inject({ method: 'GET', url });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/calendar/);
    const lines = res.body.split('\r\n');
    expect(lines.every((l) => Buffer.byteLength(l, 'utf8') <= 75)).toBe(true);
    const unfolded = unfold(res.body);
    expect(unfolded).toContain(`UID:milestone-${m.body.id}@triad`);
    expect(unfolded).toContain('DTSTART;VALUE=DATE:20250630\r\nDTEND;VALUE=DATE:20250701');
    expect(unfolded).toContain(
      'SUMMARY:PAY Go-live\\; payments\\, cards & wallets — phase two of the programme (all markets)',
    );
    expect(unfolded).toContain('DESCRIPTION:a\\nb');
    expect((await app.inject({ method: 'GET', url })).body).toBe(res.body);
    expect((await app.inject({ method: 'GET', url: '/api/v1/calendar.ics' })).statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url: '/api/v1/calendar.ics?token=nope' })).statusCode).toBe(
      401,
    );
    // a member without access to the project sees none of its milestones
    const outsider = await createTestUser(store, org.organisationId);
    const outsiderToken = await tokenFor(store, org.organisationId, outsider.userId, 'read');
    const hidden = await app.inject({ method: 'GET', url: `/api/v1/calendar.ics?token=${outsiderToken}` });
    expect(hidden.statusCode).toBe(200);
    expect(hidden.body).not.toContain('milestone-');
  });
});
