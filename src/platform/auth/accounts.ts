import { sql } from 'kysely';
import { audit, type ActionContext } from '../audit/audit';
import { inTransaction, isUniqueViolation, type Db, type Queryable, type Tx } from '../database/database';
import type { Locale, OrganizationKind } from '../database/platform-tables';
import { DomainError } from '../errors';
import { getDecoyHash, hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from './password';
import { ORGANIZATION_KIND_BY_ROLE, type Principal, type Role } from './roles';
import { API_TOKEN_PREFIX, createSession, forgetCachedToken, forgetCachedUser, revokeSession, type NewSession } from './sessions';
import { keyedHash, randomToken, sha256Base64url } from './secrets';

export interface NewOrganization {
  readonly kind: OrganizationKind;
  readonly name: string;
  readonly country: string;
}

export async function createOrganization(trx: Tx, context: ActionContext, input: NewOrganization): Promise<string> {
  const { id } = await trx.insertInto('organizations').values(input).returning('id').executeTakeFirstOrThrow();
  await audit(trx, context, { type: 'organization.created', entityType: 'organization', entityId: id, data: { kind: input.kind } });
  return id;
}

export interface NewUser {
  readonly email: string;
  readonly displayName: string;
  readonly role: Role;
  readonly password: string;
  readonly organizationId: string | null;
  readonly personId?: string | null;
  readonly locale?: Locale;
}

/** Create an account; the role must fit the organization's kind (an employer user in an employer, ...). */
export async function createUser(trx: Tx, context: ActionContext, input: NewUser, passwordHash?: string): Promise<string> {
  if (input.password.length < MIN_PASSWORD_LENGTH) {
    throw new DomainError('user.invalid', { fields: [{ path: 'password', code: 'too_short', message: `at least ${MIN_PASSWORD_LENGTH} characters` }] });
  }
  if (input.role === 'applicant') {
    if (input.organizationId)
      throw new DomainError('user.invalid', { fields: [{ path: 'organization', code: 'not_allowed', message: 'applicants belong to no organization' }] });
  } else {
    const org = input.organizationId
      ? await trx.selectFrom('organizations').select('kind').where('id', '=', input.organizationId).executeTakeFirst()
      : undefined;
    if (!org)
      throw new DomainError('user.invalid', {
        fields: [{ path: 'organization', code: 'required', message: 'an existing organization is required for this role' }],
      });
    if (ORGANIZATION_KIND_BY_ROLE[input.role] !== org.kind) {
      throw new DomainError('user.invalid', {
        fields: [{ path: 'role', code: 'organization_kind', message: `role ${input.role} cannot belong to a ${org.kind}` }],
      });
    }
  }
  try {
    const { id } = await trx
      .insertInto('users')
      .values({
        email: input.email.trim(),
        display_name: input.displayName,
        role: input.role,
        organization_id: input.organizationId,
        person_id: input.personId ?? null,
        password_hash: passwordHash ?? (await hashPassword(input.password)),
        locale: input.locale ?? 'tg',
        disabled_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(trx, context, { type: 'user.created', entityType: 'user', entityId: id, data: { role: input.role, organizationId: input.organizationId } });
    return id;
  } catch (error) {
    if (isUniqueViolation(error))
      throw new DomainError('user.conflict', { fields: [{ path: 'email', code: 'taken', message: 'an account with this e-mail exists' }] });
    throw error;
  }
}

/** Throttling: failures per account and per client address in a sliding window, shared by all app nodes. */
export const LOGIN_WINDOW_MINUTES = 15;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_CLIENT = 30;

async function countFailures(db: Queryable, column: 'account_key' | 'client_key', key: string): Promise<number> {
  const since = new Date(Date.now() - LOGIN_WINDOW_MINUTES * 60_000);
  const row = await db
    .selectFrom('login_attempts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(column, '=', key)
    .where('succeeded', '=', false)
    .where('attempted_at', '>', since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export interface SignInInput {
  readonly email: string;
  readonly password: string;
  readonly clientAddress: string;
}

export interface SignedIn extends NewSession {
  readonly userId: string;
}

export async function signIn(db: Db, secret: string, ttlHours: number, requestId: string, input: SignInInput): Promise<SignedIn> {
  const accountKey = keyedHash(secret, input.email.trim().toLowerCase());
  const clientKey = keyedHash(secret, input.clientAddress);
  if (
    (await countFailures(db, 'account_key', accountKey)) >= MAX_FAILURES_PER_ACCOUNT ||
    (await countFailures(db, 'client_key', clientKey)) >= MAX_FAILURES_PER_CLIENT
  ) {
    throw new DomainError('auth.rate_limited', { extensions: { retryAfterSeconds: LOGIN_WINDOW_MINUTES * 60 } });
  }
  const user = await db
    .selectFrom('users')
    .select(['id', 'role', 'organization_id', 'password_hash', 'disabled_at'])
    .where(sql`lower(email)`, '=', input.email.trim().toLowerCase())
    .executeTakeFirst();
  const passwordOk = await verifyPassword(user?.password_hash ?? (await getDecoyHash()), input.password);
  const outcome = !user || !passwordOk ? 'bad_credentials' : user.disabled_at ? 'disabled' : 'ok';
  const session = await inTransaction(db, async (trx) => {
    await trx
      .insertInto('login_attempts')
      .values({ account_key: accountKey, client_key: clientKey, succeeded: outcome === 'ok' })
      .execute();
    if (!user) return undefined;
    const context: ActionContext = {
      actor: { userId: user.id, role: user.role, organizationId: user.organization_id, personId: null, displayName: '', locale: 'en', via: 'session' },
      requestId,
    };
    if (outcome !== 'ok') {
      await audit(trx, context, { type: 'auth.sign_in_refused', entityType: 'user', entityId: user.id, data: { reason: outcome } });
      return undefined;
    }
    await audit(trx, context, { type: 'auth.signed_in', entityType: 'user', entityId: user.id, data: {} });
    return createSession(trx, user.id, ttlHours);
  });
  if (!session || !user) throw new DomainError('auth.unauthenticated', { detail: 'e-mail or password is wrong' });
  return { ...session, userId: user.id };
}

export async function signOut(db: Db, context: ActionContext, sessionId: string): Promise<void> {
  await inTransaction(db, async (trx) => {
    const userId = await revokeSession(trx, sessionId);
    if (userId) await audit(trx, context, { type: 'auth.signed_out', entityType: 'user', entityId: userId, data: {} });
  });
}

export interface CreatedToken {
  readonly id: string;
  readonly token: string;
  readonly prefix: string;
}

export async function createApiToken(db: Db, context: ActionContext, principal: Principal, name: string, expiresAt: Date | null): Promise<CreatedToken> {
  const token = `${API_TOKEN_PREFIX}${randomToken()}`;
  const prefix = token.slice(0, 10);
  return inTransaction(db, async (trx) => {
    const { id } = await trx
      .insertInto('api_tokens')
      .values({ user_id: principal.userId, name, token_hash: sha256Base64url(token), prefix, expires_at: expiresAt, last_used_at: null, revoked_at: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(trx, context, { type: 'auth.token_created', entityType: 'user', entityId: principal.userId, data: { tokenId: id } });
    return { id, token, prefix };
  });
}

export async function revokeApiToken(db: Db, context: ActionContext, principal: Principal, tokenId: string): Promise<void> {
  await inTransaction(db, async (trx) => {
    const row = await trx
      .updateTable('api_tokens')
      .set({ revoked_at: new Date() })
      .where('id', '=', tokenId)
      .where('user_id', '=', principal.userId)
      .where('revoked_at', 'is', null)
      .returning(['id', 'token_hash'])
      .executeTakeFirst();
    if (!row) throw new DomainError('token.not_found');
    forgetCachedToken(row.token_hash);
    await audit(trx, context, { type: 'auth.token_revoked', entityType: 'user', entityId: principal.userId, data: { tokenId } });
  });
}

export async function listApiTokens(db: Queryable, principal: Principal) {
  return db
    .selectFrom('api_tokens')
    .select(['id', 'name', 'prefix', 'created_at', 'expires_at', 'last_used_at', 'revoked_at'])
    .where('user_id', '=', principal.userId)
    .orderBy('created_at', 'desc')
    .execute();
}

/** Disable an account: it can no longer sign in, and its sessions and tokens stop working. */
export async function disableUser(db: Db, context: ActionContext, userId: string): Promise<void> {
  await inTransaction(db, async (trx) => {
    const row = await trx
      .updateTable('users')
      .set({ disabled_at: new Date() })
      .where('id', '=', userId)
      .where('disabled_at', 'is', null)
      .returning('id')
      .executeTakeFirst();
    if (!row) throw new DomainError('user.not_found');
    await trx.updateTable('sessions').set({ revoked_at: new Date() }).where('user_id', '=', userId).where('revoked_at', 'is', null).execute();
    await audit(trx, context, { type: 'user.disabled', entityType: 'user', entityId: userId, data: {} });
  });
  forgetCachedUser(userId);
}
