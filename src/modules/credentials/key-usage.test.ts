import { randomUUID } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { verifyCredential } from './credential.service';
import { createMemoryIssuer, createMemoryRoot, encodeWith } from './test-issuers';

const root = createMemoryRoot();
const issuer = createMemoryIssuer(root, { name: 'Agency signing point' });
const now = Math.floor(Date.now() / 1000);
const credential = (type: string) =>
  encodeWith(issuer, {
    id: randomUUID(),
    type,
    version: 1,
    claims: { any: 'claim' },
    issuerCountry: 'TJ',
    issuedAt: now - 60,
    validFrom: now - 60,
    validUntil: now + 3600,
  });

describe('verifyCredential with key usage', () => {
  test('a key published for some credential types is an unknown issuer for any other type', async () => {
    const trust = { issuers: new Map([[issuer.trusted.kid, { ...issuer.trusted, types: ['employment_contract'] }]]) };
    const revocations = { hashes: new Set<string>() };
    expect((await verifyCredential(credential('employment_contract'), trust, revocations)).status).toBe('valid');
    expect(await verifyCredential(credential('medical_certificate'), trust, revocations)).toMatchObject({ status: 'unknown_issuer', kid: issuer.trusted.kid });
  });

  test('a trust entry without key usage (lists made before it, DCC vectors) accepts any type', async () => {
    const trust = { issuers: new Map([[issuer.trusted.kid, issuer.trusted]]) };
    expect((await verifyCredential(credential('medical_certificate'), trust, { hashes: new Set<string>() })).status).toBe('valid');
  });
});
