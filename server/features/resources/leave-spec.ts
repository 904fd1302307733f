import { Type } from 'typebox';
import type { ResourceSpec } from '../../resources/resource-spec';
import { Id, LongText, stringEnum } from '../../resources/vocabulary-schemas';
import { checkEveryWrite, checkSpan, SPAN_FIELDS } from './rules';

export const LEAVE_KINDS = ['vacation', 'sick', 'training', 'parental', 'other'] as const;

/** Time a person is away: whole days from start to end, or a share of each (0.5 = half days). */
export const leaveEntrySpec: ResourceSpec = {
  path: 'leave-entries',
  table: 'leave_entries',
  entityType: 'leave_entry',
  title: 'Leave entry',
  defaultSort: 'startDate',
  access: { area: 'directory' },
  fields: {
    personId: { column: 'person_id', schema: Id, create: 'required', references: 'people', filter: 'eq' },
    ...SPAN_FIELDS,
    share: {
      column: 'share',
      schema: Type.Number({
        exclusiveMinimum: 0,
        maximum: 1,
        description: 'Share of each day away (1 = whole days)',
      }),
      defaultValue: 1,
    },
    kind: { column: 'kind', schema: stringEnum(LEAVE_KINDS), defaultValue: 'vacation', filter: 'eq' },
    note: { column: 'note', schema: LongText, nullable: true },
  },
  hooks: checkEveryWrite((row) => checkSpan(row, 'start_date', 'end_date', 'endDate')),
};
