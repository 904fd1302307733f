import { randomUUID } from 'node:crypto';
import { type AuditActor, recordAudit } from '../../audit/audit-store';
import { type OpenedSession, openSession } from '../../auth/sessions';
import { ProblemError } from '../../http/problem';
import type { Store } from '../../store/database';
import { readGroups } from './role-map';
import { syncMappedRoles } from './role-sync';
import type { IdentityClaims } from './sso-client';
import type { SsoConfig } from './sso-config';

export interface SsoSignInInput {
  identity: IdentityClaims;
  config: SsoConfig;
  ip: string;
  userAgent?: string;
  now: Date;
}

export interface SsoSignInResult extends OpenedSession {
  userId: string;
  /** How the account was found: by its subject, by linking a verified e-mail, or made just now. */
  account: 'existing' | 'linked' | 'created';
  warnings: string[];
}

/** A refusal whose audit entry is written after the sign-in transaction rolled back. */
class Refusal extends Error {
  constructor(
    readonly problem: ProblemError,
    readonly user?: { id: string; organisationId: string },
  ) {
    super(problem.detail);
  }
}

/**
 * Signs in the holder of a validated identity: finds the user by `issuer|subject`, or else links a
 * local account with the same e-mail address when the provider vouches for the address
 * (email_verified), or else creates the account just in time. Then the role map is applied from
 * the groups claim, a session is opened and the sign-in is audited, all in one transaction.
 */
export async function signInWithSso(store: Store, input: SsoSignInInput): Promise<SsoSignInResult> {
  const { identity, config, now } = input;
  const nowIso = now.toISOString();
  const organisation = await store.db
    .selectFrom('organisations')
    .select('id')
    .where('slug', '=', config.organisationSlug)
    .executeTakeFirst();
  if (!organisation)
    throw new Error(
      `TRIAD_OIDC_ORGANISATION is "${config.organisationSlug}" but no organisation has that slug`,
    );
  const organisationId = organisation.id;
  const externalSubject = `${identity.issuer}|${identity.subject}`;
  const claims = identity.claims;
  const email = typeof claims.email === 'string' ? claims.email.trim().toLowerCase() : undefined;
  const emailVerified = claims.email_verified === true || claims.email_verified === 'true';
  const actor: AuditActor = { organisationId, userId: null, label: `single sign-on ${identity.issuer}` };

  try {
    return await store.db.transaction().execute(async (trx) => {
      let user = await trx
        .selectFrom('users')
        .selectAll()
        .where('external_subject', '=', externalSubject)
        .executeTakeFirst();
      let account: SsoSignInResult['account'] = 'existing';
      if (user && user.organisation_id !== organisationId)
        throw new Refusal(new ProblemError('forbidden', 'This account belongs to another organisation.'));

      if (!user) {
        if (!email?.includes('@'))
          throw new Refusal(
            new ProblemError(
              'forbidden',
              'The identity provider did not share an e-mail address (scope email).',
            ),
          );
        const local = await trx.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
        if (local) {
          const refuse = (detail: string) =>
            new Refusal(new ProblemError('forbidden', detail), {
              id: local.id,
              organisationId: local.organisation_id,
            });
          if (local.organisation_id !== organisationId)
            throw refuse(`${email} already has an account in another organisation.`);
          if (local.external_subject !== null)
            throw refuse(`${email} is already linked to another single sign-on account.`);
          if (!emailVerified)
            throw refuse(
              `An account with ${email} exists; the identity provider must mark the address verified to link it.`,
            );
          await trx
            .updateTable('users')
            .set({ external_subject: externalSubject, version: local.version + 1, updated_at: nowIso })
            .where('id', '=', local.id)
            .execute();
          await recordAudit(trx, actor, nowIso, {
            entityType: 'user',
            entityId: local.id,
            action: 'update',
            changes: { externalSubject: { before: null, after: externalSubject } },
          });
          user = { ...local, external_subject: externalSubject, version: local.version + 1 };
          account = 'linked';
        } else {
          const id = randomUUID();
          const name = displayName(claims, email);
          await trx
            .insertInto('users')
            .values({
              id,
              organisation_id: organisationId,
              email,
              name,
              person_id: null,
              role: 'member',
              password_hash: null,
              external_subject: externalSubject,
              version: 1,
              created_at: nowIso,
              updated_at: nowIso,
            })
            .execute();
          await recordAudit(trx, actor, nowIso, {
            entityType: 'user',
            entityId: id,
            action: 'create',
            changes: {
              email: { before: null, after: email },
              name: { before: null, after: name },
              externalSubject: { before: null, after: externalSubject },
            },
          });
          user = await trx.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
          account = 'created';
        }
      }
      if (user.disabled)
        throw new Refusal(new ProblemError('forbidden', 'This account is disabled.'), {
          id: user.id,
          organisationId,
        });

      const warnings = await syncMappedRoles(trx, {
        organisationId,
        user,
        rules: config.roleMap,
        groups: readGroups(claims, config.groupsClaim),
        actor,
        now: nowIso,
      });
      const session = await openSession(trx, {
        organisationId,
        userId: user.id,
        method: 'oidc',
        userAgent: input.userAgent,
        ip: input.ip,
        now,
      });
      await recordAudit(
        trx,
        { organisationId, userId: user.id, label: `${user.name} <${user.email}>` },
        nowIso,
        {
          entityType: 'user',
          entityId: user.id,
          action: 'sign_in',
          changes: { method: { before: null, after: 'oidc' }, address: { before: null, after: input.ip } },
        },
      );
      return { ...session, userId: user.id, account, warnings };
    });
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    if (error.user)
      await recordAudit(store.db, { ...actor, organisationId: error.user.organisationId }, nowIso, {
        entityType: 'user',
        entityId: error.user.id,
        action: 'sign_in_failed',
        changes: { reason: { before: null, after: error.problem.detail } },
      });
    throw error.problem;
  }
}

function displayName(claims: Record<string, unknown>, email: string): string {
  const text = (key: string) => (typeof claims[key] === 'string' ? (claims[key] as string).trim() : '');
  const full = text('name') || `${text('given_name')} ${text('family_name')}`.trim();
  return (full || text('preferred_username') || email).slice(0, 200);
}
