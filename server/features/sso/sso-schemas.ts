import { Type } from 'typebox';

export const SsoStatus = Type.Object({
  enabled: Type.Boolean(),
  /** The identity provider, for the settings page; null when single sign-on is off. */
  issuer: Type.Union([Type.String(), Type.Null()]),
  /** Where the sign-in button sends the browser; null when single sign-on is off. */
  startUrl: Type.Union([Type.String(), Type.Null()]),
});

export const SsoStartQuery = Type.Object({}, { additionalProperties: false });

/** The authorisation response (RFC 6749 §4.1.2, RFC 9207 `iss`); providers may add their own fields. */
export const SsoCallbackQuery = Type.Object(
  {
    code: Type.Optional(Type.String({ maxLength: 4096 })),
    state: Type.Optional(Type.String({ maxLength: 512 })),
    iss: Type.Optional(Type.String({ maxLength: 2048 })),
    error: Type.Optional(Type.String({ maxLength: 256 })),
    error_description: Type.Optional(Type.String({ maxLength: 2048 })),
  },
  { additionalProperties: true },
);

export const Redirect = Type.Null({ description: 'Redirect; see the Location header' });
