import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createSignerKey, issueCredential, loadPublishedTrust, MEDICAL_CERTIFICATE, verifyCredential } from '../../src/modules/credentials';
import { EMPLOYMENT_CONTRACT } from '../../src/modules/recruitment';
import { inTransaction } from '../../src/platform/database/database';
import { drainJobs } from '../../src/platform/jobs/queue';
import { call, createTestApp, signInAs, type Session, type TestApp } from '../support/test-app';
import { createCorridorAndRound, createOfficial, createOrganizationOf, TEST_CONTEXT, TEST_PASSWORD } from '../support/factories';
import { createApprovedRequest, createPoolCandidate, createVerifiedEmployer, ensureTrustRoot } from '../support/recruitment-factories';

let t: TestApp;
let roundId: string;
let origin: Session;
let consular: Session;
let employerSession: Session;
let employer: Awaited<ReturnType<typeof createVerifiedEmployer>>;
let clinicSigner: string;

beforeAll(async () => {
  t = await createTestApp();
  roundId = await createCorridorAndRound(t.db);
  origin = await signInAs(t.server, (await createOfficial(t.db, 'origin_agency')).email, TEST_PASSWORD);
  consular = await signInAs(t.server, (await createOfficial(t.db, 'consular_office')).email, TEST_PASSWORD);
  employer = await createVerifiedEmployer(t.db);
  employerSession = await signInAs(t.server, employer.email, TEST_PASSWORD);
  await ensureTrustRoot(t.db, t.config);
  const clinic = await createOrganizationOf(t.db, 'clinic');
  clinicSigner = (
    await inTransaction(t.db, (trx) => createSignerKey(trx, TEST_CONTEXT, t.config, { organizationId: clinic, name: 'Test clinic', country: 'TJ' }))
  ).id;
});
afterAll(() => t.close());

/** A medical certificate for the person, signed by a clinic's key (what a sign-off issues). */
async function certify(personId: string) {
  const now = new Date();
  await inTransaction(t.db, (trx) =>
    issueCredential(trx, TEST_CONTEXT, t.config, {
      type: MEDICAL_CERTIFICATE.type,
      version: MEDICAL_CERTIFICATE.version,
      claims: {
        name: { latin: 'RAHMONOV JAMSHED', ru: 'Рахмонов Джамшед', tg: 'Раҳмонов Ҷамшед' },
        dob: '1990-04-12',
        passport: null,
        procedure: { code: 'RU-MOH-FW', version: 1 },
        result: 'meets_requirements',
      },
      signerId: clinicSigner,
      subjectPersonId: personId,
      validFrom: now,
      validUntil: new Date(now.getTime() + 300 * 86_400_000),
    }),
  );
}

/** Matching, selection, offer, acceptance and both signatures, as the API does them. */
async function signedContract(options: { certified: boolean; occupation: string }) {
  const requestId = await createApprovedRequest(t.db, employer, { occupation: options.occupation, seats: 1 });
  const candidate = await createPoolCandidate(t.db, roundId, { occupation: options.occupation, experienceYears: 5 });
  if (options.certified) await certify(candidate.personId ?? '');
  const run = await call(t.server, origin, 'POST', '/api/recruitment/runs', { requestId: `run-${candidate.caseId}` });
  await drainJobs(t.db);
  expect((await call(t.server, origin, 'POST', `/api/recruitment/runs/${run.body.id}/publish`)).status).toBe(200);
  const shortlist = await call(t.server, employerSession, 'GET', `/api/labour-requests/${requestId}/shortlist`);
  const entry = shortlist.body.items.find((e: { caseId: string }) => e.caseId === candidate.caseId);
  const offer = await call(t.server, employerSession, 'POST', `/api/shortlist-entries/${entry.id}/select`, { requestId: `select-${candidate.caseId}` });
  await call(t.server, origin, 'POST', `/api/offers/${offer.body.id}/send`);
  const worker = await signInAs(t.server, candidate.email, TEST_PASSWORD);
  const accepted = await call(t.server, worker, 'POST', `/api/offers/${offer.body.id}/accept`);
  const contract = accepted.body.contract;
  const pdf = await t.server.inject({ method: 'GET', url: `/api/contracts/${contract.id}/pdf`, headers: { cookie: worker.cookie } });
  await call(t.server, worker, 'POST', `/api/contracts/${contract.id}/sign`, { sha256: contract.sha256 });
  const done = await call(t.server, employerSession, 'POST', `/api/contracts/${contract.id}/sign`, { sha256: contract.sha256 });
  expect(done.body.status).toBe('signed');
  return { candidate, worker, contractId: contract.id as string, sha256: contract.sha256 as string, pdf: pdf.rawPayload };
}

describe('the contract seal and the pre-departure clearance', () => {
  test('the second signature seals the contract hash into a credential signed by the origin agency', async () => {
    const { worker, contractId, sha256, pdf } = await signedContract({ certified: true, occupation: '7112' });
    expect(createHash('sha256').update(pdf).digest('hex')).toBe(sha256);
    const seal = await call(t.server, worker, 'GET', `/api/contracts/${contractId}/seal`);
    expect(seal.status).toBe(200);
    const trust = await loadPublishedTrust(t.db);
    const verified = await verifyCredential(seal.body.code, trust!.trust, trust!.revocations);
    expect(verified.status).toBe('valid');
    if (verified.status !== 'valid') return;
    expect(verified.credential.type).toBe('employment_contract');
    expect(verified.credential.claims).toMatchObject({ contract: { sha256 }, employer: { inn: expect.stringMatching(/^\d{10}$/) } });
    const png = await t.server.inject({ method: 'GET', url: `/api/contracts/${contractId}/seal.png`, headers: { cookie: employerSession.cookie } });
    expect(png.headers['content-type']).toBe('image/png');
  });

  test('the clearance lists only what the border and the employer need, and exists only with a valid medical certificate', async () => {
    const certified = await signedContract({ certified: true, occupation: '7113' });
    const clearance = await call(t.server, certified.worker, 'GET', `/api/cases/${certified.candidate.caseId}/clearance`);
    expect(clearance.status).toBe(200);
    const trust = await loadPublishedTrust(t.db);
    const verified = await verifyCredential(clearance.body.code, trust!.trust, trust!.revocations);
    expect(verified.status).toBe('valid');
    if (verified.status === 'valid') {
      expect(Object.keys(verified.credential.claims).sort()).toEqual([
        'checks',
        'contractSha256',
        'dob',
        'employer',
        'medicalValidUntil',
        'name',
        'passport',
        'region',
      ]);
      expect(verified.credential.claims.contractSha256).toBe(certified.sha256);
    }
    const uncertified = await signedContract({ certified: false, occupation: '7114' });
    expect((await call(t.server, uncertified.worker, 'GET', `/api/cases/${uncertified.candidate.caseId}/clearance`)).status).toBe(404);
  });

  test('key usage: a contract-sealing key cannot sign a medical certificate, and a clinic key cannot seal a contract', async () => {
    const agencyKey = await t.db
      .selectFrom('issuer_keys')
      .select(['id', 'credential_types'])
      .where(sql<boolean>`credential_types @> ${sql.val(['employment_contract'])}::text[]`)
      .executeTakeFirstOrThrow();
    const attempt = (signerId: string, type: string, version: number, claims: Record<string, unknown>) =>
      inTransaction(t.db, (trx) =>
        issueCredential(trx, TEST_CONTEXT, t.config, {
          type,
          version,
          claims,
          signerId,
          subjectPersonId: '00000000-0000-4000-8000-000000000000',
          validFrom: new Date(),
          validUntil: new Date(Date.now() + 86_400_000),
        }),
      );
    await expect(attempt(agencyKey.id, MEDICAL_CERTIFICATE.type, 1, {})).rejects.toMatchObject({ code: 'credential.invalid' });
    await expect(
      attempt(agencyKey.id, MEDICAL_CERTIFICATE.type, 1, {
        name: { latin: 'A B', ru: 'А Б', tg: 'А Б' },
        dob: '1990-01-01',
        passport: null,
        procedure: { code: 'X', version: 1 },
        result: 'meets_requirements',
      }),
    ).rejects.toMatchObject({ code: 'credential.signer_unavailable.conflict' });
    const sealClaims = {
      name: { latin: 'A B', ru: 'А Б', tg: 'А Б' },
      dob: '1990-01-01',
      passport: null,
      employer: { name: 'OOO Test', inn: '7707083893' },
      job: { occupation: '7112', region: 'RU-SVE' },
      contract: { sha256: 'a'.repeat(64), signedOn: '2026-11-01', startOn: '2026-12-01', months: 12 },
    };
    await expect(attempt(clinicSigner, EMPLOYMENT_CONTRACT.type, 1, sealClaims)).rejects.toMatchObject({ code: 'credential.signer_unavailable.conflict' });
    const trust = await loadPublishedTrust(t.db);
    const issuer = [...trust!.trust.issuers.values()].find((i) => i.types?.includes(EMPLOYMENT_CONTRACT.type));
    expect(issuer?.types).toEqual(['employment_contract', 'pre_departure_clearance']);
    expect([...trust!.trust.issuers.values()].find((i) => i.types?.includes('medical_certificate'))?.types).toEqual(['medical_certificate']);
  });
});

describe('POST /api/contracts/:id/arrival-check', () => {
  async function arrived(options: { occupation: string }) {
    const signed = await signedContract({ certified: false, occupation: options.occupation });
    await call(t.server, origin, 'POST', `/api/cases/${signed.candidate.caseId}/actions`, { action: 'depart', requestId: `depart-${signed.contractId}` });
    await call(t.server, employerSession, 'POST', `/api/cases/${signed.candidate.caseId}/actions`, {
      action: 'confirm_arrival',
      requestId: `arrive-${signed.contractId}`,
    });
    return signed;
  }

  test('the same contract matches and raises nothing', async () => {
    const { contractId, pdf, candidate } = await arrived({ occupation: '7122' });
    const res = await call(t.server, employerSession, 'POST', `/api/contracts/${contractId}/arrival-check`, {
      fileBase64: pdf.toString('base64'),
      requestId: `arrival-same-${contractId}`,
    });
    expect(res.body).toMatchObject({ matches: true, welfareCaseRaised: false });
    expect(await t.db.selectFrom('grievances').select('id').where('case_id', '=', candidate.caseId).execute()).toEqual([]);
  });

  test('a changed contract raises a welfare case that the Moscow office sees and the employer does not', async () => {
    const { contractId, pdf, candidate, worker } = await arrived({ occupation: '7123' });
    const changed = Buffer.concat([pdf.subarray(0, pdf.length - 20), Buffer.from('% wage changed later\n')]);
    const res = await call(t.server, employerSession, 'POST', `/api/contracts/${contractId}/arrival-check`, {
      fileBase64: changed.toString('base64'),
      requestId: `arrival-changed-${contractId}`,
    });
    expect(res.body).toMatchObject({ matches: false, welfareCaseRaised: true });
    const grievance = await t.db.selectFrom('grievances').selectAll().where('case_id', '=', candidate.caseId).executeTakeFirstOrThrow();
    expect(grievance).toMatchObject({ category: 'contract_changed', source: 'system', status: 'open' });
    const queue = await call(t.server, consular, 'GET', '/api/grievances');
    expect(queue.body.items.map((g: { id: string }) => g.id)).toContain(grievance.id);
    expect((await call(t.server, employerSession, 'GET', `/api/grievances/${grievance.id}`)).status).toBe(404);
    expect((await call(t.server, worker, 'GET', `/api/grievances/${grievance.id}`)).status).toBe(200);
    const again = await call(t.server, employerSession, 'POST', `/api/contracts/${contractId}/arrival-check`, {
      fileBase64: changed.toString('base64'),
      requestId: `arrival-changed-2-${contractId}`,
    });
    expect(again.body.welfareCaseRaised).toBe(true);
    expect(await t.db.selectFrom('grievances').select('id').where('case_id', '=', candidate.caseId).execute()).toHaveLength(1);
  });

  test('before departure there is nothing to compare', async () => {
    const { contractId, pdf } = await signedContract({ certified: false, occupation: '7124' });
    const res = await call(t.server, employerSession, 'POST', `/api/contracts/${contractId}/arrival-check`, {
      fileBase64: pdf.toString('base64'),
      requestId: `arrival-early-${contractId}`,
    });
    expect(res.status).toBe(409);
  });
});
