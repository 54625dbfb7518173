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

/**
 * A short-lived in-process cache of resolved sessions and tokens, so a burst of requests does not look the
 * same session up again and again. Sign-out on this node drops the entry at once; on other nodes, a revoked
 * session or a disabled account stops working within CACHE_MS.
 */
const CACHE_MS = 2000;
const MAX_ENTRIES = 50_000;
const cache = new Map<string, { until: number; value: { principal: Principal; csrfToken?: string } | undefined }>();

function cached<T extends { principal: Principal; csrfToken?: string }>(key: string, load: () => Promise<T | undefined>): Promise<T | undefined> {
  const hit = cache.get(key);
  if (hit && hit.until > Date.now()) return Promise.resolve(hit.value as T | undefined);
  return load().then((value) => {
    if (cache.size >= MAX_ENTRIES) cache.clear();
    cache.set(key, { until: Date.now() + CACHE_MS, value });
    return value;
  });
}

/** Drop every cached session and token of one account on this node (account disabled). */
export function forgetCachedUser(userId: string): void {
  for (const [key, entry] of cache) if (entry.value?.principal.userId === userId) cache.delete(key);
}

export async function revokeSession(trx: Tx, sessionId: string): Promise<string | undefined> {
  cache.delete(`s:${sha256Base64url(sessionId)}`);
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
  const idHash = sha256Base64url(sessionId);
  return cached(`s:${idHash}`, () => loadSessionPrincipal(db, idHash));
}

async function loadSessionPrincipal(db: Queryable, idHash: string): Promise<{ principal: Principal; csrfToken: string } | undefined> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([...principalColumns, 'sessions.csrf_token'])
    .where('sessions.id_hash', '=', idHash)
    .where('sessions.revoked_at', 'is', null)
    .where('sessions.expires_at', '>', new Date())
    .where('users.disabled_at', 'is', null)
    .executeTakeFirst();
  return row ? { principal: toPrincipal(row, 'session'), csrfToken: row.csrf_token } : undefined;
}

export const API_TOKEN_PREFIX = 'cor_';

export async function findTokenPrincipal(db: Queryable, token: string): Promise<Principal | undefined> {
  if (!token.startsWith(API_TOKEN_PREFIX)) return undefined;
  const tokenHash = sha256Base64url(token);
  const found = await cached(`t:${tokenHash}`, async () => {
    const principal = await loadTokenPrincipal(db, tokenHash);
    return principal ? { principal } : undefined;
  });
  return found?.principal;
}

/** Forget a token at once on this node (revocation). */
export function forgetCachedToken(tokenHash: string): void {
  cache.delete(`t:${tokenHash}`);
}

async function loadTokenPrincipal(db: Queryable, tokenHash: string): Promise<Principal | undefined> {
  const row = await db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .select([...principalColumns, 'api_tokens.id as token_id', 'api_tokens.last_used_at'])
    .where('api_tokens.token_hash', '=', tokenHash)
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
