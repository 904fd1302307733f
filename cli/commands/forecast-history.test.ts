import { describe, expect, it } from 'vitest';
import { CliError } from '../cli-error';
import { parseCompletionDate, parseDoneHistory } from './forecast-history';

describe('parseCompletionDate', () => {
  it('keeps the date part of ISO 8601 dates and timestamps, ignoring time and zone', () => {
    expect(parseCompletionDate('2024-03-01')).toBe('2024-03-01');
    expect(parseCompletionDate(' 2024-03-01T23:30:00Z ')).toBe('2024-03-01');
    expect(parseCompletionDate('2024-03-01T23:30:00.123-05:00')).toBe('2024-03-01');
    expect(parseCompletionDate('2024-03-01 08:00')).toBe('2024-03-01');
    expect(parseCompletionDate('20240301')).toBe('2024-03-01');
  });

  it('refuses what is not a real ISO date', () => {
    for (const bad of ['01/03/2024', '2024-02-30', '2024-03-01x', 'yesterday', '2024-3-1', '2024-03-01T']) {
      expect(parseCompletionDate(bad)).toBeUndefined();
    }
  });
});

describe('parseDoneHistory', () => {
  it('tolerates a BOM, CRLF, quoted fields, a padded mixed-case header and blank cells', () => {
    const text =
      '\uFEFFid," DONE ",note\r\n"A-1","2024-03-02","a, b"\r\n"A-2",,"open"\r\n\r\n"A-3","2024-03-01T10:00:00Z","x ""y"""\r\n';
    expect(parseDoneHistory(text, 'h.csv')).toEqual({
      doneDates: ['2024-03-02', '2024-03-01'],
      rows: 3,
      blankRows: 1,
    });
  });

  it('reads semicolon- and tab-separated files and a chosen column', () => {
    expect(parseDoneHistory('key;done\nA;2024-03-02\n', 'h.csv').doneDates).toEqual(['2024-03-02']);
    expect(
      parseDoneHistory('key\tfinished_date\nA\t2024-03-02\n', 'h.csv', 'finished_date').doneDates,
    ).toEqual(['2024-03-02']);
  });

  it('fails with exit code 2 and a clear message on bad histories', () => {
    const cases: [string, RegExp][] = [
      ['', /empty/],
      ['id,created\nA,2024-01-01\n', /no "done" column/],
      ['id,done\n', /no completed item/],
      ['id,done\nA,\nB,  \n', /no completed item/],
      ['id,done\nA,2024-01-01\nB,31/01/2024\n', /line 3: "31\/01\/2024"/],
      ['id,done\n"A,2024-01-01\n', /not a readable CSV/],
    ];
    for (const [text, message] of cases) {
      try {
        parseDoneHistory(text, 'h.csv');
        expect.fail(`accepted ${JSON.stringify(text)}`);
      } catch (error) {
        expect(error).toBeInstanceOf(CliError);
        expect((error as CliError).exitCode).toBe(2);
        expect((error as CliError).message).toMatch(message);
      }
    }
  });
});
