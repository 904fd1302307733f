import { Type } from 'typebox';

const Change = Type.Object({ before: Type.Unknown(), after: Type.Unknown() });

export const AuditListSchema = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.String(),
      action: Type.String({
        description: 'create, update, delete, or a security event such as sign_in or role_granted',
      }),
      actor: Type.Object({ id: Type.Union([Type.String(), Type.Null()]), label: Type.String() }),
      at: Type.String({ format: 'date-time' }),
      changes: Type.Record(Type.String(), Change),
    }),
  ),
});
