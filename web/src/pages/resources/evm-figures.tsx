import type { EvmFigures } from '../../api/resources-money';
import { TableHead } from './table-head';
import { money, ratio } from './window';

// Every EVM figure with its formula and what it means, so nobody has to know the acronyms.

interface Figure {
  name: string;
  formula: string;
  value: string;
  meaning: string;
}

export function evmFigures(s: EvmFigures, bac: number, periodName = 'months'): Figure[] {
  const list: Figure[] = [
    {
      name: 'Planned value (PV)',
      formula: 'budgeted cost of the work scheduled to date',
      value: money(s.pvAtStatus),
      meaning: 'What should have been earned by the status date.',
    },
    {
      name: 'Earned value (EV)',
      formula: '% complete × BAC',
      value: money(s.evAtStatus),
      meaning: 'The budget of the work actually done.',
    },
    {
      name: 'Actual cost (AC)',
      formula: 'cost entries + hours × rate',
      value: money(s.acAtStatus),
      meaning: 'What the work done cost.',
    },
    {
      name: 'Schedule variance (SV)',
      formula: 'EV − PV',
      value: money(s.sv),
      meaning: s.sv >= 0 ? 'Ahead of plan, in money.' : 'Behind plan, in money.',
    },
    {
      name: 'Cost variance (CV)',
      formula: 'EV − AC',
      value: money(s.cv),
      meaning: s.cv >= 0 ? 'Under budget so far.' : 'Over budget so far.',
    },
    {
      name: 'SPI',
      formula: 'EV ÷ PV',
      value: ratio(s.spi),
      meaning: 'Below 1: behind schedule. Tends to 1 at the end even when late; see SPI(t).',
    },
    {
      name: 'CPI',
      formula: 'EV ÷ AC',
      value: ratio(s.cpi),
      meaning: 'Below 1: each unit spent earns less than a unit of budget.',
    },
  ];
  if (s.es !== undefined)
    list.push(
      {
        name: 'Earned schedule (ES)',
        formula: 'C + (EV − PV_C) ÷ (PV_C+1 − PV_C)',
        value: `${ratio(s.es)} ${periodName}`,
        meaning: 'When the plan expected to have earned today’s EV.',
      },
      {
        name: 'Actual time (AT)',
        formula: `${periodName} elapsed`,
        value: `${s.at ?? '—'} ${periodName}`,
        meaning: 'Periods from the start to the status date.',
      },
      {
        name: 'SV(t)',
        formula: 'ES − AT',
        value: `${ratio(s.svT)} ${periodName}`,
        meaning: 'Schedule variance in time rather than money.',
      },
      {
        name: 'SPI(t)',
        formula: 'ES ÷ AT',
        value: ratio(s.spiT ?? null),
        meaning: 'Time-based schedule index; stays honest late in the project.',
      },
      {
        name: 'IEAC(t)',
        formula: 'PD ÷ SPI(t)',
        value: `${ratio(s.ieacT ?? null, 1)} ${periodName}`,
        meaning: `Forecast duration against a planned ${s.pd ?? '—'}.`,
      },
    );
  list.push(
    {
      name: 'ETC',
      formula: 'EAC (CPI) − AC',
      value: money(s.etc),
      meaning: 'Cost still to come at current efficiency.',
    },
    {
      name: 'VAC',
      formula: 'BAC − EAC (CPI)',
      value: money(s.vac),
      meaning:
        s.vac !== null && s.vac < 0 ? 'Expected overrun at completion.' : 'Expected under-run at completion.',
    },
    {
      name: 'TCPI (BAC)',
      formula: '(BAC − EV) ÷ (BAC − AC)',
      value: ratio(s.tcpi.bac),
      meaning: `Efficiency needed on the rest to finish on ${money(bac)}.`,
    },
    {
      name: 'TCPI (EAC)',
      formula: '(BAC − EV) ÷ (EAC − AC)',
      value: ratio(s.tcpi.eac),
      meaning: 'Efficiency needed to meet the CPI forecast.',
    },
  );
  return list;
}

/** The EAC methods side by side; `etcBasis` says where the bottom-up ETC comes from, if anywhere. */
export function eacMethods(s: EvmFigures, etcBasis: string | null = null) {
  return [
    {
      name: 'EAC (CPI)',
      formula: 'BAC ÷ CPI',
      value: s.eac.cpi,
      meaning: 'Current cost efficiency continues.',
    },
    {
      name: 'EAC (atypical)',
      formula: 'AC + (BAC − EV)',
      value: s.eac.atypical,
      meaning: 'The variance so far was a one-off; the rest goes to plan.',
    },
    {
      name: 'EAC (CPI × SPI)',
      formula: 'AC + (BAC − EV) ÷ (CPI × SPI)',
      value: s.eac.cpiSpi,
      meaning: 'Cost and schedule pressure both weigh on the rest.',
    },
    {
      name: 'EAC (bottom-up)',
      formula: 'AC + bottom-up ETC',
      value: s.eac.bottomUp,
      meaning: etcBasis
        ? `A re-estimate of the remaining work: the ${etcBasis}.`
        : 'A re-estimate of the remaining work (none: the project has no forecast budget).',
    },
  ];
}

export function FigureTable({
  caption,
  rows,
}: {
  caption: string;
  rows: { name: string; formula: string; value: string; meaning: string }[];
}) {
  return (
    <div className="t-table-wrap">
      <table className="t-table">
        <caption className="visually-hidden">{caption}</caption>
        <TableHead columns={['Figure', { num: 'Value' }, 'Formula', 'Meaning']} />
        <tbody>
          {rows.map((r) => (
            <tr key={r.name}>
              <th scope="row">{r.name}</th>
              <td className="num">{r.value}</td>
              <td className="mono">{r.formula}</td>
              <td className="muted">{r.meaning}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
