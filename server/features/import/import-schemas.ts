import { Type } from 'typebox';
import { MISSING_POLICIES } from '../../importers/import-batch-finish';
import { TABLE_FIELDS } from '../../importers/table/table-mapping';
import { IMPORT_KINDS } from './detect-kind';

const literalUnion = (values: readonly string[]) => Type.Union(values.map((v) => Type.Literal(v)));

export const UploadQuery = Type.Object(
  { fileName: Type.String({ minLength: 1, maxLength: 200, description: 'The uploaded file’s name' }) },
  { additionalProperties: false },
);
export const UploadParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
export const JobParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

export const PreviewResponse = Type.Object({
  id: Type.String(),
  fileName: Type.String(),
  size: Type.Integer(),
  kind: literalUnion(IMPORT_KINDS),
  format: literalUnion(['csv', 'xlsx', 'json']),
  columns: Type.Array(Type.String()),
  sampleRows: Type.Array(Type.Array(Type.String())),
  source: Type.String({ description: 'Default source name (the file name)' }),
  fields: Type.Array(Type.String(), { description: 'Work item fields a spreadsheet column can map to' }),
  suggestedMapping: Type.Union([Type.Object({}, { additionalProperties: true }), Type.Null()]),
  savedMapping: Type.Union([Type.Object({}, { additionalProperties: true }), Type.Null()]),
  defaultMapping: Type.Object(
    {},
    { additionalProperties: true, description: 'The importer’s built-in mapping (types, statuses, fields)' },
  ),
});

export const StepBody = Type.Object(
  {
    kind: literalUnion(IMPORT_KINDS),
    mapping: Type.Optional(
      Type.Object({}, { additionalProperties: true, description: 'See docs/importing.md' }),
    ),
    source: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    timeZone: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  },
  { additionalProperties: false },
);

export const ImportBody = Type.Object(
  {
    ...StepBody.properties,
    onMissing: Type.Optional(literalUnion(MISSING_POLICIES)),
  },
  { additionalProperties: false },
);

const Rejections = Type.Array(Type.Object({ row: Type.Integer(), reason: Type.String() }));

export const ValidateResponse = Type.Object({
  total: Type.Integer(),
  valid: Type.Integer(),
  existing: Type.Integer({ description: 'Valid rows whose key is already a work item (they update)' }),
  rejected: Type.Integer(),
  rejections: Rejections,
  unclassifiedStatuses: Type.Array(Type.String(), {
    description:
      'Statuses nothing classified, taken as the mapping’s unknownStatusCategory: add them to the mapping',
  }),
});

export const JobResponse = Type.Object({
  id: Type.String(),
  status: literalUnion(['running', 'completed', 'failed']),
  done: Type.Integer(),
  total: Type.Integer(),
  startedAt: Type.String(),
  summary: Type.Union([
    Type.Object({
      created: Type.Integer(),
      updated: Type.Integer(),
      unchanged: Type.Integer(),
      rejected: Type.Integer(),
      missing: Type.Integer(),
      rejections: Rejections,
    }),
    Type.Null(),
  ]),
  error: Type.Union([Type.String(), Type.Null()]),
});

export { TABLE_FIELDS };

export const SourceParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

const SourceSummary = Type.Object({
  id: Type.String(),
  source: Type.String({ description: '`<system>:<name>`, e.g. jira:PAY' }),
  kind: Type.String({ description: 'jira, ado, github or csv' }),
  lastRunAt: Type.Union([Type.String(), Type.Null()]),
  updatedAt: Type.String(),
});

export const SourceList = Type.Object({ items: Type.Array(SourceSummary) });

export const SourceResponse = Type.Object({
  ...SourceSummary.properties,
  mapping: Type.Object({}, { additionalProperties: true, description: 'The saved, effective mapping' }),
  defaultMapping: Type.Object(
    {},
    { additionalProperties: true, description: 'The importer’s built-in mapping for this kind' },
  ),
});

export const MappingBody = Type.Object(
  {
    mapping: Type.Object(
      {},
      {
        additionalProperties: true,
        description: 'The mapping document of the source’s kind (docs/importing.md)',
      },
    ),
  },
  { additionalProperties: false },
);
