import type { Queryable, Tx } from '../database/database';
import type { Principal } from './roles';
import { randomToken, sha256Base64url } from './secrets';

export interface NewSession {
  readonly sessionId: string;
  readonly csrfToken: string;
  readonly expiresAt: Date;
}

export async function createSession(trx: Tx, userId: string, ttlHours: number): Promise<NewSession> {
  const sessionId = randomToken();
  const csrfToken = randomToken();
  const expiresAt = new Date(Date.now() + ttlHours * 3_600_000);
  await trx
    .insertInto('sessions')
    .values({ id_hash: sha256Base64url(sessionId), user_id: userId, csrf_token: csrfToken, expires_at: expiresAt, revoked_at: null })
    .execute();
  return { sessionId, csrfToken, expiresAt };
}

export async function revokeSession(trx: Tx, sessionId: string): Promise<string | undefined> {
  const row = await trx
    .updateTable('sessions')
    .set({ revoked_at: new Date() })
    .where('id_hash', '=', sha256Base64url(sessionId))
    .where('revoked_at', 'is', null)
    .returning('user_id')
    .executeTakeFirst();
  return row?.user_id;
}

const principalColumns = ['users.id', 'users.role', 'users.organization_id', 'users.person_id', 'users.display_name', 'users.locale'] as const;

type PrincipalRow = {
  id: string;
  role: Principal['role'];
  organization_id: string | null;
  person_id: string | null;
  display_name: string;
  locale: Principal['locale'];
};

function toPrincipal(row: PrincipalRow, via: Principal['via']): Principal {
  return {
    userId: row.id,
    role: row.role,
    organizationId: row.organization_id,
    personId: row.person_id,
    displayName: row.display_name,
    locale: row.locale,
    via,
  };
}

export async function findSessionPrincipal(db: Queryable, sessionId: string): Promise<{ principal: Principal; csrfToken: string } | undefined> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([...principalColumns, 'sessions.csrf_token'])
    .where('sessions.id_hash', '=', sha256Base64url(sessionId))
    .where('sessions.revoked_at', 'is', null)
    .where('sessions.expires_at', '>', new Date())
    .where('users.disabled_at', 'is', null)
    .executeTakeFirst();
  return row ? { principal: toPrincipal(row, 'session'), csrfToken: row.csrf_token } : undefined;
}

export const API_TOKEN_PREFIX = 'cor_';

export async function findTokenPrincipal(db: Queryable, token: string): Promise<Principal | undefined> {
  if (!token.startsWith(API_TOKEN_PREFIX)) return undefined;
  const row = await db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .select([...principalColumns, 'api_tokens.id as token_id', 'api_tokens.last_used_at'])
    .where('api_tokens.token_hash', '=', sha256Base64url(token))
    .where('api_tokens.revoked_at', 'is', null)
    .where((eb) => eb.or([eb('api_tokens.expires_at', 'is', null), eb('api_tokens.expires_at', '>', new Date())]))
    .where('users.disabled_at', 'is', null)
    .executeTakeFirst();
  if (!row) return undefined;
  if (!row.last_used_at || Date.now() - row.last_used_at.getTime() > 60_000) {
    await db.updateTable('api_tokens').set({ last_used_at: new Date() }).where('id', '=', row.token_id).execute();
  }
  return toPrincipal(row, 'token');
}
