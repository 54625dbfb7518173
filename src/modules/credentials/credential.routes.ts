import { z } from 'zod';
import { inTransaction, type Db } from '../../platform/database/database';
import { DomainError } from '../../platform/errors';
import { defineRoute, type RouteDefinition } from '../../platform/http/route';
import { VERIFICATION_REASONS } from './core/model';
import { loadPublishedTrust, revokeCredential, verifyCredential } from './credential.service';
import { findLatestSignedList, listIssuerKeys, type KeyVault } from './issuer-key.service';

const SignedListSchema = z.object({ format: z.literal('corridor-signed-list/1'), root: z.string(), cose: z.string() });
const IdParams = z.object({ id: z.uuid() });

export const VerificationAnswer = z.object({
  status: z.enum(['valid', ...VERIFICATION_REASONS]),
  detail: z.string().optional(),
  kid: z.string().optional(),
  credential: z
    .object({
      id: z.string(),
      type: z.string(),
      version: z.number(),
      claims: z.record(z.string(), z.unknown()),
      issuedAt: z.string(),
      validFrom: z.string(),
      validUntil: z.string(),
      issuer: z.object({ kid: z.string(), name: z.string(), country: z.string() }),
    })
    .optional(),
});

const CredentialRow = z.object({
  id: z.uuid(),
  type: z.string(),
  schemaVersion: z.number(),
  issuedAt: z.string(),
  validUntil: z.string(),
  revokedAt: z.string().nullable(),
  revocationReason: z.string().nullable(),
  issuerName: z.string(),
  issuerKid: z.string(),
  replacesId: z.uuid().nullable(),
});

export function credentialRoutes(db: Db, vault: KeyVault): RouteDefinition[] {
  const signedList = (kind: 'trust_list' | 'revocation_list') => async () => {
    const envelope = await findLatestSignedList(db, kind);
    if (!envelope) throw new DomainError('signed_list.not_found');
    return envelope;
  };
  return [
    defineRoute({
      method: 'GET',
      url: '/api/credentials/trust-list',
      permission: 'public',
      summary: 'The signed trust list (issuer keys with their validity), for verifiers to cache',
      tags: ['credentials'],
      schema: { response: { 200: SignedListSchema } },
      handler: signedList('trust_list'),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/credentials/revocations',
      permission: 'public',
      summary: 'The signed revocation list (hashes of revoked credential ids), for verifiers to cache',
      tags: ['credentials'],
      schema: { response: { 200: SignedListSchema } },
      handler: signedList('revocation_list'),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/credentials/verify',
      permission: 'public',
      summary: 'Verify a credential against the published lists: valid with the disclosed claims, or one reason',
      tags: ['credentials'],
      schema: { body: z.object({ code: z.string().min(1).max(8000) }), response: { 200: VerificationAnswer } },
      handler: async ({ body }) => {
        const material = await loadPublishedTrust(db);
        if (!material) throw new DomainError('signed_list.not_found');
        return verifyCredential(body.code, material.trust, material.revocations);
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/credentials',
      permission: 'credential.list',
      summary: 'Recently issued credentials with their revocation state (health authority)',
      tags: ['credentials'],
      schema: {
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }),
        response: { 200: z.object({ items: z.array(CredentialRow) }) },
      },
      handler: async ({ query }) => {
        const rows = await db
          .selectFrom('credentials as c')
          .innerJoin('issuer_keys as k', 'k.id', 'c.issuer_key_id')
          .select([
            'c.id',
            'c.type',
            'c.schema_version',
            'c.issued_at',
            'c.valid_until',
            'c.revoked_at',
            'c.revocation_reason',
            'c.replaces_id',
            'k.name',
            'k.kid',
          ])
          .orderBy('c.issued_at', 'desc')
          .orderBy('c.id')
          .limit(query.limit)
          .execute();
        return {
          items: rows.map((r) => ({
            id: r.id,
            type: r.type,
            schemaVersion: r.schema_version,
            issuedAt: r.issued_at.toISOString(),
            validUntil: r.valid_until.toISOString(),
            revokedAt: r.revoked_at?.toISOString() ?? null,
            revocationReason: r.revocation_reason,
            issuerName: r.name,
            issuerKid: r.kid,
            replacesId: r.replaces_id,
          })),
        };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/credentials/:id/revoke',
      permission: 'credential.revoke',
      summary: 'Revoke a credential (health authority); the revocation list is republished at once',
      tags: ['credentials'],
      schema: {
        params: IdParams,
        body: z.object({ reason: z.enum(['issued_in_error', 'fraud', 'clinic_suspended', 'medical_finding']) }),
        response: { 200: z.object({ id: z.uuid(), revoked: z.literal(true) }) },
      },
      handler: async ({ params, body, context }) => {
        await inTransaction(db, (trx) => revokeCredential(trx, context, vault, { credentialId: params.id, reason: body.reason }));
        return { id: params.id, revoked: true as const };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/credentials/issuers',
      permission: 'credential.issuer.list',
      summary: 'Issuer keys: the root and every signing point, with validity and suspension',
      tags: ['credentials'],
      schema: {
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.uuid(),
                kid: z.string(),
                purpose: z.enum(['root', 'signer']),
                organizationId: z.uuid(),
                name: z.string(),
                country: z.string(),
                validFrom: z.string(),
                validUntil: z.string(),
                suspendedAt: z.string().nullable(),
              }),
            ),
          }),
        },
      },
      handler: async () => ({
        items: (await listIssuerKeys(db)).map((k) => ({
          ...k,
          validFrom: k.validFrom.toISOString(),
          validUntil: k.validUntil.toISOString(),
          suspendedAt: k.suspendedAt?.toISOString() ?? null,
        })),
      }),
    }),
  ];
}
