import { Type } from 'typebox';
import { MIN_PASSWORD_LENGTH } from '../../auth/passwords';

export const Email = Type.String({ format: 'email', maxLength: 320 });
export const NewPassword = Type.String({ minLength: MIN_PASSWORD_LENGTH, maxLength: 200 });
const TotpCode = Type.String({ pattern: '^[0-9]{6}$' });

export const SignInBody = Type.Object(
  { email: Email, password: Type.String({ minLength: 1, maxLength: 200 }), totp: Type.Optional(TotpCode) },
  { additionalProperties: false },
);

export const SessionUser = Type.Object({
  id: Type.String(),
  email: Type.String(),
  name: Type.String(),
  orgAdmin: Type.Boolean(),
  totpEnabled: Type.Boolean(),
  roles: Type.Array(Type.Object({ role: Type.String(), scopeType: Type.String(), scopeId: Type.String() })),
});

export const SessionInfo = Type.Object({
  user: SessionUser,
  /** Send back as X-CSRF-Token on every change made with the session cookie. */
  csrfToken: Type.Union([Type.String(), Type.Null()]),
  via: Type.String(),
});

export const SessionList = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.String(),
      createdAt: Type.String(),
      lastSeenAt: Type.String(),
      expiresAt: Type.String(),
      userAgent: Type.Union([Type.String(), Type.Null()]),
      ip: Type.Union([Type.String(), Type.Null()]),
      method: Type.String(),
      current: Type.Boolean(),
    }),
  ),
});

export const ChangePasswordBody = Type.Object(
  { currentPassword: Type.String({ minLength: 1, maxLength: 200 }), newPassword: NewPassword },
  { additionalProperties: false },
);
export const ResetRequestBody = Type.Object({ email: Email }, { additionalProperties: false });
export const ResetConfirmBody = Type.Object(
  { token: Type.String({ minLength: 20, maxLength: 200 }), newPassword: NewPassword },
  { additionalProperties: false },
);
export const TotpCodeBody = Type.Object({ code: TotpCode }, { additionalProperties: false });
export const TotpDisableBody = Type.Object(
  { password: Type.String({ minLength: 1, maxLength: 200 }) },
  { additionalProperties: false },
);
export const TotpSetup = Type.Object({ secret: Type.String(), otpauthUrl: Type.String() });

export const TokenCreateBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    scope: Type.Unsafe<'read' | 'write'>({ type: 'string', enum: ['read', 'write'] }),
    expiresInDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 730 })),
  },
  { additionalProperties: false },
);
export const TokenInfo = Type.Object({
  id: Type.String(),
  name: Type.String(),
  scope: Type.String(),
  createdAt: Type.String(),
  expiresAt: Type.Union([Type.String(), Type.Null()]),
  revokedAt: Type.Union([Type.String(), Type.Null()]),
});
export const TokenCreated = Type.Object({
  token: Type.String({ description: 'Shown once; store it now' }),
  info: TokenInfo,
});
