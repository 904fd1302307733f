import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseMspdi } from './parse-mspdi';
import { MspdiFormatError } from './plan';

// Issue 11: the XML parser is fuzzed like the CSV and JSON ones — mutated MSPDI files, random text
// and random entity declarations never crash it (only MspdiFormatError), never hang it, and never
// resolve an external entity.
const fixture = readFileSync(new URL('./__fixtures__/office-move.xml', import.meta.url), 'utf8');

const mutate = (base: string) =>
  fc
    .array(
      fc.tuple(
        fc.nat(),
        fc.nat({ max: 8 }),
        fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('<', '>', '</', '&', ']]>', '<![CDATA[')),
      ),
      {
        maxLength: 10,
      },
    )
    .map((edits) =>
      edits.reduce((s, [at, del, ins]) => {
        const i = at % (s.length + 1);
        return s.slice(0, i) + ins + s.slice(i + del);
      }, base),
    );

/** Either a plan or the parser's own error: anything else (TypeError, RangeError, …) is a crash. */
function parseOrRefuse(xml: string): void {
  try {
    const plan = parseMspdi(xml);
    for (const task of plan.tasks) expect(Number.isInteger(task.uid)).toBe(true);
  } catch (error) {
    expect(error).toBeInstanceOf(MspdiFormatError);
  }
}

describe('parseMspdi fuzzing (fast-check)', () => {
  it('mutated MSPDI files and random text are read or refused, never crash', { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(fc.oneof(mutate(fixture), fc.string(), fc.string({ unit: 'binary' })), parseOrRefuse),
      {
        numRuns: 300,
      },
    );
  });

  it('a DOCTYPE with any entity declaration is refused before parsing, whatever it points at', () => {
    const entity = fc.tuple(
      fc.stringMatching(/^[a-z][a-z0-9]{0,8}$/),
      fc.oneof(
        fc.constantFrom(
          'SYSTEM "file:///etc/passwd"',
          'SYSTEM "http://127.0.0.1/x"',
          'PUBLIC "-//x" "x.dtd"',
        ),
        fc.string({ maxLength: 20 }).map((s) => `"${s.replaceAll('"', '')}"`),
      ),
    );
    fc.assert(
      fc.property(entity, fc.nat({ max: fixture.length }), ([name, value], at) => {
        const doctype = `<!DOCTYPE Project [<!ENTITY ${name} ${value}>]>`;
        const start = fixture.indexOf('<Project');
        const xml = `${fixture.slice(0, start)}${doctype}${fixture.slice(start).replace(/<Name>/, `<Name>&${name};`)}`;
        expect(() => parseMspdi(xml)).toThrow(MspdiFormatError);
        // Wherever the declaration lands in a mutated file, it is still refused or the file is malformed.
        const anywhere = fixture.slice(0, at) + doctype + fixture.slice(at);
        expect(() => parseMspdi(anywhere)).toThrow(MspdiFormatError);
      }),
      { numRuns: 100 },
    );
  });
});
