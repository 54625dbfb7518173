import { z } from 'zod';
import type { Config } from '../../platform/config';
import type { Db } from '../../platform/database/database';
import { DomainError } from '../../platform/errors';
import { defineRoute, type RouteDefinition } from '../../platform/http/route';
import { findCredential, findLatestCredential, renderQrPng } from '../credentials';
import { findVisibleCase } from '../journey';
import { ArrivalCheckInput, ArrivalCheckResult, checkContractOnArrival } from './contract-arrival.service';
import { PRE_DEPARTURE_CLEARANCE } from './contract.seal';
import { findContractFor } from './contract.service';

const Id = z.object({ id: z.uuid() });
const Credential = z.object({ credentialId: z.uuid(), code: z.string(), validUntil: z.string() });

export function contractCredentialRoutes(db: Db, _config: Config): RouteDefinition[] {
  const sealOf = async (principal: Parameters<typeof findContractFor>[1], contractId: string) => {
    await findContractFor(db, principal, contractId);
    const row = await db.selectFrom('contracts').select('sealed_credential_id').where('id', '=', contractId).executeTakeFirstOrThrow();
    const credential = row.sealed_credential_id ? await findCredential(db, row.sealed_credential_id) : undefined;
    if (!credential) throw new DomainError('contract.not_found', { detail: 'the contract is not sealed yet' });
    return { credentialId: credential.id, code: credential.code, validUntil: credential.validUntil.toISOString() };
  };
  const clearanceOf = async (principal: Parameters<typeof findVisibleCase>[2], caseId: string) => {
    if (!(await findVisibleCase(db, caseId, principal))) throw new DomainError('case.not_found');
    const row = await findLatestCredential(db, PRE_DEPARTURE_CLEARANCE.type, { caseId });
    if (!row || row.revoked_at) throw new DomainError('clearance.not_found');
    return { credentialId: row.id, code: row.code, validUntil: row.valid_until.toISOString() };
  };
  return [
    defineRoute({
      method: 'GET',
      url: '/api/contracts/:id/seal',
      permission: 'contract.read',
      summary: "The contract's seal: a signed QR credential carrying the SHA-256 of the signed PDF",
      tags: ['contracts'],
      schema: { params: Id, response: { 200: Credential } },
      handler: ({ params, principal }) => sealOf(principal, params.id),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/contracts/:id/seal.png',
      permission: 'contract.read',
      summary: "The contract's seal as a QR image",
      tags: ['contracts'],
      produces: 'image/png',
      schema: { params: Id },
      handler: async ({ params, principal }) => renderQrPng((await sealOf(principal, params.id)).code),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/contracts/:id/arrival-check',
      permission: 'contract.arrival_check',
      summary: 'Register the contract used in the destination; a difference from the sealed one raises a welfare case',
      tags: ['contracts'],
      bodyLimit: 15 * 1024 * 1024,
      schema: { params: Id, body: ArrivalCheckInput, response: { 200: ArrivalCheckResult } },
      handler: ({ params, body, principal, context }) => checkContractOnArrival(db, principal, context, params.id, body),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/cases/:id/clearance',
      permission: 'clearance.read',
      summary: 'The pre-departure clearance: a signed QR credential with what the border and the employer need',
      tags: ['contracts'],
      schema: { params: Id, response: { 200: Credential } },
      handler: ({ params, principal }) => clearanceOf(principal, params.id),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/cases/:id/clearance.png',
      permission: 'clearance.read',
      summary: 'The pre-departure clearance as a QR image',
      tags: ['contracts'],
      produces: 'image/png',
      schema: { params: Id },
      handler: async ({ params, principal }) => renderQrPng((await clearanceOf(principal, params.id)).code),
    }),
  ];
}
