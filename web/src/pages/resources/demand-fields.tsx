import type { ChangeEvent } from 'react';
import { useEverything } from '../../api/resources';
import { Input, Select } from '../../design';

/** A text field bound to a draft (what `field('name')` of the draft-form hook gives). */
interface Bound {
  value: string;
  onChange: (event: ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) => void;
  error?: string;
}

export interface DemandUnit {
  value: string;
  label: string;
  /** What an amount in this unit means, shown under the amount. */
  hint: string;
}

/** Projects as choices ("KEY · Name") and the same labels by id, for the demand cards. */
export function useProjectChoices() {
  const projects = useEverything('projects');
  const options = (projects.data ?? []).map((p) => ({ value: p.id, label: `${p.key} · ${p.name}` }));
  return { options, nameOf: new Map(options.map((o) => [o.value, o.label])) };
}

/** The amount of a demand and its unit; the amount's hint explains the chosen unit. */
export function AmountFields({
  units,
  amount,
  unit,
  labels,
  required,
}: {
  units: readonly DemandUnit[];
  amount: Bound;
  unit: Bound;
  labels: { amount: string; unit: string };
  required?: boolean;
}) {
  return (
    <>
      <Input
        label={labels.amount}
        type="number"
        min={0}
        step="any"
        inputMode="decimal"
        required={required}
        {...amount}
        hint={units.find((u) => u.value === unit.value)?.hint}
      />
      <Select label={labels.unit} options={units.map(({ value, label }) => ({ value, label }))} {...unit} />
    </>
  );
}
