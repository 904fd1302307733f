// Status reports as Markdown and as a plain PDF (text only, written by hand: no PDF package).

type Report = Record<string, unknown>;
const DIMENSIONS = [
  ['schedule', 'Schedule'],
  ['cost', 'Cost'],
  ['scope', 'Scope'],
  ['risk', 'Risk'],
  ['overall', 'Overall'],
] as const;
const RAG_LABEL: Record<string, string> = { green: '🟢 Green', amber: '🟠 Amber', red: '🔴 Red' };
const cell = (s: string) => s.replaceAll('|', '\\|').replaceAll('\n', ' ');

/** The report as a Markdown document: header, RAG table, health with its formula, summary. */
export function renderStatusMarkdown(report: Report, project: { key: string; name: string }): string {
  const comments = (report.comments ?? {}) as Record<string, string | undefined>;
  const health = report.health as { score: number | null; formula: string } | undefined;
  const lines = [
    `# Status report: ${project.name} (${project.key})`,
    '',
    `Period ending **${String(report.periodEnd)}** · ${report.state === 'published' ? `published ${String(report.publishedAt ?? '').slice(0, 10)} by ${String(report.publishedBy ?? '')}` : 'draft'}`,
    '',
    '| Dimension | RAG | Comment |',
    '| --- | --- | --- |',
    ...DIMENSIONS.map(([key, label]) => {
      const rag = report[`${key}Rag`] as string | null;
      return `| ${label} | ${rag ? (RAG_LABEL[rag] ?? rag) : 'not rated'} | ${cell(comments[key] ?? '')} |`;
    }),
    '',
    `**Health score:** ${health?.score ?? 'n/a'}`,
    '',
    `_${health?.formula ?? ''}_`,
  ];
  if (report.summary) lines.push('', '## Summary', '', String(report.summary));
  if (report.actualCost !== null && report.actualCost !== undefined)
    lines.push('', `Actual cost to date: ${String(report.actualCost)}`);
  return `${lines.join('\n')}\n`;
}

/** A one-or-more-page A4 PDF of plain text lines (Helvetica; characters outside Latin-1 become '?'). */
export function renderTextPdf(text: string): Buffer {
  const wrapped = text
    .replace(/[🟢🟠🔴]\s?/gu, '')
    .split('\n')
    .flatMap((line) => wrap(line.replace(/\*\*|_|`/g, ''), 95));
  const perPage = 60;
  const pages: string[][] = [];
  for (let i = 0; i < Math.max(1, wrapped.length); i += perPage) pages.push(wrapped.slice(i, i + perPage));
  const objects: string[] = [];
  const pageIds = pages.map((_, i) => 4 + i * 2);
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages.length} >>`;
  objects[3] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>';
  pages.forEach((lines, i) => {
    const stream = ['BT /F1 10 Tf 13 TL 50 800 Td', ...lines.map((l) => `(${escapePdf(l)}) '`), 'ET'].join(
      '\n',
    );
    objects[pageIds[i] as number] =
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${(pageIds[i] as number) + 1} 0 R >>`;
    objects[(pageIds[i] as number) + 1] =
      `<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`;
  });
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  for (let id = 1; id < objects.length; id++) {
    offsets[id] = Buffer.byteLength(out, 'latin1');
    out += `${id} 0 obj\n${objects[id]}\nendobj\n`;
  }
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  for (let id = 1; id < objects.length; id++) out += `${String(offsets[id]).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

function escapePdf(s: string): string {
  return s
    .replace(/[^\x20-\xff]/g, '?')
    .replaceAll('\\', '\\\\')
    .replaceAll('(', '\\(')
    .replaceAll(')', '\\)');
}

function wrap(line: string, width: number): string[] {
  if (line.length <= width) return [line];
  const out: string[] = [];
  let rest = line;
  while (rest.length > width) {
    const cut = rest.lastIndexOf(' ', width);
    const at = cut > 0 ? cut : width;
    out.push(rest.slice(0, at));
    rest = rest.slice(at).trimStart();
  }
  out.push(rest);
  return out;
}
