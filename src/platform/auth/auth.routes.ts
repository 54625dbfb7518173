import { z } from 'zod';
import type { Config } from '../config';
import { inTransaction, type Db } from '../database/database';
import { CSRF_COOKIE, SESSION_COOKIE } from '../http/register-routes';
import { defineRoute, type RouteDefinition } from '../http/route';
import { createApiToken, createOrganization, createUser, disableUser, listApiTokens, revokeApiToken, signIn, signOut } from './accounts';
import { DomainError } from '../errors';
import { definePermissions } from './permissions';
import { ROLES } from './roles';

export const accountPermissions = definePermissions({
  'account.self': [
    'applicant',
    'clinic_staff',
    'clinic_head',
    'health_authority',
    'origin_agency',
    'destination_agency',
    'employer',
    'mvd_office',
    'consular_office',
    'admin',
    'auditor',
  ],
  'token.manage': [
    'clinic_staff',
    'clinic_head',
    'health_authority',
    'origin_agency',
    'destination_agency',
    'employer',
    'mvd_office',
    'consular_office',
    'admin',
    'auditor',
  ],
  'user.manage': ['admin'],
});

const Me = z.object({
  userId: z.uuid(),
  role: z.enum(ROLES),
  organizationId: z.uuid().nullable(),
  organizationName: z.string().nullable(),
  personId: z.uuid().nullable(),
  displayName: z.string(),
  locale: z.enum(['tg', 'ru', 'en']),
  csrfToken: z.string().optional(),
});

const Login = z.object({ email: z.string().trim().min(3).max(200), password: z.string().min(1).max(200) });

export function authRoutes(db: Db, config: Config): RouteDefinition[] {
  const secure = config.publicUrl.startsWith('https:');
  const cookieOptions = { path: '/', sameSite: 'lax' as const, secure };
  return [
    defineRoute({
      method: 'POST',
      url: '/api/auth/login',
      permission: 'public',
      summary: 'Sign in with e-mail and password; sets the session cookie and answers the CSRF token',
      tags: ['auth'],
      schema: { body: Login, response: { 200: z.object({ csrfToken: z.string(), expiresAt: z.string() }) } },
      handler: async ({ body, request, reply, context }) => {
        const session = await signIn(db, config.secretKey, config.sessionTtlHours, context.requestId, { ...body, clientAddress: request.ip });
        reply.setCookie(SESSION_COOKIE, session.sessionId, { ...cookieOptions, httpOnly: true, expires: session.expiresAt });
        reply.setCookie(CSRF_COOKIE, session.csrfToken, { ...cookieOptions, httpOnly: false, expires: session.expiresAt });
        return { csrfToken: session.csrfToken, expiresAt: session.expiresAt.toISOString() };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/auth/logout',
      permission: 'account.self',
      summary: 'Sign out: ends the session',
      tags: ['auth'],
      schema: { response: { 204: z.null() } },
      handler: async ({ request, reply, context }) => {
        const sessionId = request.cookies[SESSION_COOKIE];
        if (sessionId) await signOut(db, context, sessionId);
        reply.clearCookie(SESSION_COOKIE, cookieOptions).clearCookie(CSRF_COOKIE, cookieOptions);
        return reply.code(204).send();
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/auth/me',
      permission: 'account.self',
      summary: 'The signed-in account, its role and organization',
      tags: ['auth'],
      schema: { response: { 200: Me } },
      handler: async ({ principal, request }) => {
        const org = principal.organizationId
          ? await db.selectFrom('organizations').select('name').where('id', '=', principal.organizationId).executeTakeFirst()
          : undefined;
        const session = request.cookies[SESSION_COOKIE] ? request.cookies[CSRF_COOKIE] : undefined;
        return { ...principal, organizationName: org?.name ?? null, ...(session ? { csrfToken: session } : {}) };
      },
    }),
    defineRoute({
      method: 'PATCH',
      url: '/api/auth/me',
      permission: 'account.self',
      summary: 'Change the preferred language',
      tags: ['auth'],
      schema: { body: z.object({ locale: z.enum(['tg', 'ru', 'en']) }), response: { 204: z.null() } },
      handler: async ({ principal, body, reply }) => {
        await db.updateTable('users').set({ locale: body.locale }).where('id', '=', principal.userId).execute();
        return reply.code(204).send();
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/auth/tokens',
      permission: 'token.manage',
      summary: 'API tokens of the signed-in account (never the token itself)',
      tags: ['auth'],
      schema: {
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.uuid(),
                name: z.string(),
                prefix: z.string(),
                createdAt: z.string(),
                expiresAt: z.string().nullable(),
                lastUsedAt: z.string().nullable(),
                revokedAt: z.string().nullable(),
              }),
            ),
          }),
        },
      },
      handler: async ({ principal }) => ({
        items: (await listApiTokens(db, principal)).map((t) => ({
          id: t.id,
          name: t.name,
          prefix: t.prefix,
          createdAt: t.created_at.toISOString(),
          expiresAt: t.expires_at?.toISOString() ?? null,
          lastUsedAt: t.last_used_at?.toISOString() ?? null,
          revokedAt: t.revoked_at?.toISOString() ?? null,
        })),
      }),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/auth/tokens',
      permission: 'token.manage',
      summary: 'Create an API token for a machine client; the token is shown once',
      tags: ['auth'],
      schema: {
        body: z.object({ name: z.string().trim().min(1).max(100), expiresInDays: z.number().int().min(1).max(730).optional() }),
        response: { 201: z.object({ id: z.uuid(), token: z.string(), prefix: z.string() }) },
      },
      handler: async ({ principal, body, context, reply }) => {
        const expiresAt = body.expiresInDays ? new Date(Date.now() + body.expiresInDays * 86_400_000) : null;
        reply.code(201);
        return createApiToken(db, context, principal, body.name, expiresAt);
      },
    }),
    defineRoute({
      method: 'DELETE',
      url: '/api/auth/tokens/:id',
      permission: 'token.manage',
      summary: 'Revoke an API token',
      tags: ['auth'],
      schema: { params: z.object({ id: z.uuid() }), response: { 204: z.null() } },
      handler: async ({ principal, params, context, reply }) => {
        await revokeApiToken(db, context, principal, params.id);
        return reply.code(204).send();
      },
    }),
    ...userAdminRoutes(db),
  ];
}

const NewUserBody = z.object({
  email: z.email(),
  displayName: z.string().trim().min(1).max(200),
  role: z.enum(ROLES).exclude(['applicant']),
  organizationId: z.uuid(),
  password: z.string().min(10).max(200),
  locale: z.enum(['tg', 'ru', 'en']).optional(),
});

function userAdminRoutes(db: Db): RouteDefinition[] {
  return [
    defineRoute({
      method: 'GET',
      url: '/api/admin/users',
      permission: 'user.manage',
      summary: 'Accounts of officials (applicants are not listed)',
      tags: ['admin'],
      schema: {
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.uuid(),
                email: z.string(),
                displayName: z.string(),
                role: z.enum(ROLES),
                organizationId: z.uuid().nullable(),
                disabled: z.boolean(),
              }),
            ),
          }),
        },
      },
      handler: async () => ({
        items: (
          await db
            .selectFrom('users')
            .select(['id', 'email', 'display_name', 'role', 'organization_id', 'disabled_at'])
            .where('role', '!=', 'applicant')
            .orderBy('email')
            .execute()
        ).map((u) => ({
          id: u.id,
          email: u.email,
          displayName: u.display_name,
          role: u.role,
          organizationId: u.organization_id,
          disabled: u.disabled_at !== null,
        })),
      }),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/admin/users',
      permission: 'user.manage',
      summary: 'Create an official account in an organization',
      tags: ['admin'],
      schema: { body: NewUserBody, response: { 201: z.object({ id: z.uuid() }) } },
      handler: async ({ body, context, reply }) => {
        const id = await inTransaction(db, (trx) => createUser(trx, context, { ...body }));
        reply.code(201);
        return { id };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/admin/users/:id/disable',
      permission: 'user.manage',
      summary: 'Disable an account: sign-in refused, sessions ended',
      tags: ['admin'],
      schema: { params: z.object({ id: z.uuid() }), response: { 204: z.null() } },
      handler: async ({ params, context, reply, principal }) => {
        if (params.id === principal.userId) throw new DomainError('user.invalid', { detail: 'you cannot disable your own account' });
        await disableUser(db, context, params.id);
        return reply.code(204).send();
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/admin/organizations',
      permission: 'user.manage',
      summary: 'Organizations',
      tags: ['admin'],
      schema: { response: { 200: z.object({ items: z.array(z.object({ id: z.uuid(), kind: z.string(), name: z.string(), country: z.string() })) }) } },
      handler: async () => ({
        items: await db.selectFrom('organizations').select(['id', 'kind', 'name', 'country']).orderBy('kind').orderBy('name').execute(),
      }),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/admin/organizations',
      permission: 'user.manage',
      summary: 'Register an organization',
      tags: ['admin'],
      schema: {
        body: z.object({
          kind: z.enum(['clinic', 'employer', 'origin_agency', 'destination_agency', 'mvd_office', 'consular_office', 'health_authority', 'operator']),
          name: z.string().trim().min(1).max(300),
          country: z.string().regex(/^[A-Z]{2}$/),
        }),
        response: { 201: z.object({ id: z.uuid() }) },
      },
      handler: async ({ body, context, reply }) => {
        const id = await inTransaction(db, (trx) => createOrganization(trx, context, body));
        reply.code(201);
        return { id };
      },
    }),
  ];
}
