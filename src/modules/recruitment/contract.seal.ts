import { z } from 'zod';
import type { ActionContext } from '../../platform/audit/audit';
import { addMonths } from '../../platform/calendar';
import type { Tx } from '../../platform/database/database';
import { DomainError } from '../../platform/errors';
import { defineCredentialType, ensureSignerKey, hasValidCredential, issueCredential, MEDICAL_CERTIFICATE, type KeyVault } from '../credentials';
import { findPersonIdentity, formatName } from '../people';

import type { OfferTerms } from './recruitment.tables';

const NameForms = z.object({ latin: z.string().min(1).max(120), ru: z.string().min(1).max(160), tg: z.string().min(1).max(160) });
const Employer = z.object({ name: z.string().min(1).max(300), inn: z.string().regex(/^(?:\d{10}|\d{12})$/) });

/**
 * Employment contract seal, version 1: who signed with whom, and the SHA-256 of the exact PDF both signed. Any
 * contract shown later can be hashed and compared with it, so a substituted contract shows.
 */
export const EmploymentContractClaimsV1 = z.object({
  name: NameForms,
  dob: z.iso.date(),
  passport: z.string().max(20).nullable(),
  employer: Employer,
  job: z.object({ occupation: z.string().regex(/^\d{4}$/), region: z.string().max(10) }),
  contract: z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/), signedOn: z.iso.date(), startOn: z.iso.date(), months: z.number().int().positive() }),
});
export const EMPLOYMENT_CONTRACT = defineCredentialType({ type: 'employment_contract', version: 1, claims: EmploymentContractClaimsV1 });

/**
 * Pre-departure clearance, version 1: what the border and the employer need and nothing more — who, for which
 * employer and region, that the medical, screening and preparation checks are done, and until when the medical
 * certificate holds. No diagnosis, no list entries, no scores.
 */
export const PreDepartureClearanceClaimsV1 = z.object({
  name: NameForms,
  dob: z.iso.date(),
  passport: z.string().max(20).nullable(),
  employer: Employer,
  region: z.string().max(10),
  contractSha256: z.string().regex(/^[0-9a-f]{64}$/),
  medicalValidUntil: z.iso.date(),
  checks: z.array(z.enum(['medical', 'screening', 'orientation', 'language'])),
});
export const PRE_DEPARTURE_CLEARANCE = defineCredentialType({ type: 'pre_departure_clearance', version: 1, claims: PreDepartureClearanceClaimsV1 });

/** The origin agency of the case's corridor signs seals and clearances. */
async function originAgencySigner(trx: Tx, context: ActionContext, vault: KeyVault, caseId: string) {
  const agency = await trx
    .selectFrom('cases')
    .innerJoin('recruitment_rounds as r', 'r.id', 'cases.round_id')
    .innerJoin('corridors as k', 'k.code', 'r.corridor_code')
    .innerJoin('organizations as o', (join) => join.onRef('o.country', '=', 'k.origin_country').on('o.kind', '=', 'origin_agency'))
    .select(['o.id', 'o.name', 'o.country'])
    .where('cases.id', '=', caseId)
    .orderBy('o.created_at')
    .executeTakeFirst();
  if (!agency) throw new DomainError('contract.conflict', { detail: 'no origin agency is registered to seal the contract' });
  return ensureSignerKey(trx, context, vault, {
    organizationId: agency.id,
    name: agency.name,
    country: agency.country,
    credentialTypes: [EMPLOYMENT_CONTRACT.type, PRE_DEPARTURE_CLEARANCE.type],
  });
}

interface SealInput {
  readonly contractId: string;
  readonly caseId: string;
  readonly sha256: string;
  readonly signedAt: Date;
  readonly terms: OfferTerms;
}

/**
 * In the transaction that completes the signatures: seal the contract's hash into a signed credential, and, when
 * the worker's medical certificate is valid, issue the pre-departure clearance.
 */
export async function sealSignedContract(
  trx: Tx,
  context: ActionContext,
  vault: KeyVault,
  input: SealInput,
): Promise<{ sealId: string; clearanceId: string | null }> {
  const kase = await trx.selectFrom('cases').select('person_id').where('id', '=', input.caseId).executeTakeFirstOrThrow();
  const person = await findPersonIdentity(trx, kase.person_id);
  if (!person) throw new DomainError('contract.conflict', { detail: 'the worker has no identity record' });
  const signer = await originAgencySigner(trx, context, vault, input.caseId);
  const name = {
    latin: `${person.names.latin.surname} ${person.names.latin.givenNames}`,
    ru: formatName(person.names.destination),
    tg: formatName(person.names.origin),
  };
  const employer = { name: input.terms.employerLegalName, inn: input.terms.employerInn };
  const signedOn = input.signedAt.toISOString().slice(0, 10);
  const contractEnd = new Date(`${addMonths(input.terms.startOn, input.terms.contractMonths)}T00:00:00Z`);
  const seal = await issueCredential(trx, context, vault, {
    type: EMPLOYMENT_CONTRACT.type,
    version: EMPLOYMENT_CONTRACT.version,
    claims: {
      name,
      dob: person.birthDate,
      passport: person.passportNumber,
      employer,
      job: { occupation: input.terms.occupation, region: input.terms.region },
      contract: { sha256: input.sha256, signedOn, startOn: input.terms.startOn, months: input.terms.contractMonths },
    },
    signerId: signer.id,
    subjectPersonId: kase.person_id,
    caseId: input.caseId,
    sourceId: input.contractId,
    validFrom: input.signedAt,
    // The seal must outlive the contract: it is what a later contract is compared with.
    validUntil: new Date(contractEnd.getTime() + 365 * 86_400_000),
  });

  const medical = await hasValidCredential(trx, MEDICAL_CERTIFICATE.type, { personId: kase.person_id });
  if (!medical) return { sealId: seal.id, clearanceId: null };
  const clearance = await issueCredential(trx, context, vault, {
    type: PRE_DEPARTURE_CLEARANCE.type,
    version: PRE_DEPARTURE_CLEARANCE.version,
    claims: {
      name,
      dob: person.birthDate,
      passport: person.passportNumber,
      employer,
      region: input.terms.region,
      contractSha256: input.sha256,
      medicalValidUntil: medical.validUntil.toISOString().slice(0, 10),
      checks: ['medical', 'screening', 'orientation', 'language'],
    },
    signerId: signer.id,
    subjectPersonId: kase.person_id,
    caseId: input.caseId,
    sourceId: input.contractId,
    validFrom: input.signedAt,
    validUntil: medical.validUntil,
  });
  return { sealId: seal.id, clearanceId: clearance.id };
}

/** Seal every signed contract that has no seal yet (contracts imported or signed before sealing existed). */
export async function sealUnsealedContracts(trx: Tx, context: ActionContext, vault: KeyVault): Promise<number> {
  const rows = await trx
    .selectFrom('contracts as k')
    .innerJoin('offers as o', 'o.id', 'k.offer_id')
    .select(['k.id', 'k.case_id', 'k.sha256', 'k.signed_at', 'o.terms'])
    .where('k.status', '=', 'signed')
    .where('k.sealed_credential_id', 'is', null)
    .orderBy('k.signed_at')
    .execute();
  for (const row of rows) {
    if (!row.signed_at) continue;
    const sealed = await sealSignedContract(trx, context, vault, {
      contractId: row.id,
      caseId: row.case_id,
      sha256: row.sha256,
      signedAt: row.signed_at,
      terms: row.terms,
    });
    await trx
      .updateTable('contracts')
      .set({ sealed_credential_id: sealed.sealId })
      .where('id', '=', row.id)
      .where('sealed_credential_id', 'is', null)
      .execute();
  }
  return rows.length;
}
