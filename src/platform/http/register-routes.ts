import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ActionContext } from '../audit/audit';
import { can, isKnownPermission } from '../auth/permissions';
import type { Principal } from '../auth/roles';
import { findSessionPrincipal, findTokenPrincipal } from '../auth/sessions';
import type { Db } from '../database/database';
import { DomainError } from '../errors';
import type { RouteDefinition } from './route';

export const SESSION_COOKIE = 'corridor_session';
export const CSRF_COOKIE = 'corridor_csrf';
export const CSRF_HEADER = 'x-csrf-token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

interface Resolved {
  readonly principal: Principal;
  readonly csrfToken?: string;
}

/** Bearer token first (machine clients), then the session cookie (browsers). A bad bearer token is refused, not ignored. */
async function resolvePrincipal(db: Db, request: FastifyRequest): Promise<Resolved | undefined> {
  const authorization = request.headers.authorization;
  if (authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    const principal = match?.[1] ? await findTokenPrincipal(db, match[1]) : undefined;
    if (!principal) throw new DomainError('auth.unauthenticated', { detail: 'the bearer token is not valid' });
    return { principal };
  }
  const sessionId = request.cookies[SESSION_COOKIE];
  if (!sessionId) return undefined;
  return findSessionPrincipal(db, sessionId);
}

/**
 * The one place that enforces permissions: every route declares one, and no handler runs before the
 * principal is resolved, holds that permission, and (for cookie sessions) has echoed the CSRF token.
 */
export function registerRoutes(app: FastifyInstance, db: Db, routes: readonly RouteDefinition[]): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  for (const route of routes) {
    if (route.permission !== 'public' && !isKnownPermission(route.permission)) {
      throw new Error(`route ${route.method} ${route.url} names unknown permission ${route.permission}`);
    }
    typed.route({
      method: route.method,
      url: route.url,
      ...(route.bodyLimit ? { bodyLimit: route.bodyLimit } : {}),
      schema: {
        summary: route.summary,
        tags: [...route.tags],
        ...(route.permission === 'public' ? {} : { security: [{ session: [] }, { bearer: [] }], description: `Permission: \`${route.permission}\`` }),
        ...route.schema,
      },
      // Authentication and permission run before body validation, so a caller without access learns nothing.
      onRequest: async (request) => {
        const resolved = await resolvePrincipal(db, request).catch((error: unknown) => {
          if (route.permission === 'public' && error instanceof DomainError) return undefined;
          throw error;
        });
        if (route.permission !== 'public') {
          if (!resolved) throw new DomainError('auth.unauthenticated');
          if (!can(resolved.principal, route.permission)) throw new DomainError('auth.forbidden', { extensions: { permission: route.permission } });
        }
        if (resolved?.principal.via === 'session' && !SAFE_METHODS.has(request.method)) {
          if (request.headers[CSRF_HEADER] !== resolved.csrfToken)
            throw new DomainError('csrf.forbidden', { detail: `missing or wrong ${CSRF_HEADER} header` });
        }
        request.principal = resolved?.principal;
      },
      handler: async (request, reply) => {
        const context: ActionContext = { actor: request.principal ?? { system: 'anonymous' }, requestId: request.id };
        const result = await route.handler({
          params: request.params as never,
          query: request.query as never,
          body: request.body as never,
          principal: request.principal as Principal,
          context,
          request,
          reply,
        });
        if (reply.sent) return reply;
        if (route.produces) return reply.type(route.produces).send(result);
        return reply.send(result ?? null);
      },
    });
  }
}

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal;
  }
}
