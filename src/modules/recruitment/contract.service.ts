import { createHash } from 'node:crypto';
import { audit, type ActionContext } from '../../platform/audit/audit';
import type { Principal } from '../../platform/auth/roles';
import { keyedHash } from '../../platform/auth/secrets';
import { inTransaction, type Db, type Queryable, type Tx } from '../../platform/database/database';
import { DomainError } from '../../platform/errors';
import { assertEmployerVerified, reference } from '../employers';
import { transitionCase } from '../journey';
import { findPassportNumbers, findPersonSummaries, formatName } from '../people';
import { renderContractPdf } from './contract.pdf';
import { sealSignedContract } from './contract.seal';
import type { KeyVault } from '../credentials';
import { CONTRACT_TEMPLATE_VERSION } from './contract.template';
import type { ContractView } from './recruitment.schema';

declare module '../../platform/audit/audit' {
  interface AuditEventData {
    'contract.generated': { offerId: string; sha256: string };
    'contract.signed_by': { party: 'employer' | 'worker'; sha256: string };
    'contract.completed': { sha256: string };
  }
}

/** Generate the standard contract from an accepted offer, inside the acceptance's transaction. */
export async function createContractForOffer(trx: Tx, offerId: string): Promise<string> {
  const offer = await trx
    .selectFrom('offers as o')
    .innerJoin('cases as c', 'c.id', 'o.case_id')
    .innerJoin('labour_requests as r', 'r.id', 'o.labour_request_id')
    .select(['o.id', 'o.case_id', 'o.terms', 'c.person_id', 'r.employer_organization_id'])
    .where('o.id', '=', offerId)
    .executeTakeFirstOrThrow();
  const person = (await findPersonSummaries(trx, [offer.person_id])).get(offer.person_id);
  if (!person) throw new DomainError('offer.not_found');
  const passport = (await findPassportNumbers(trx, [offer.person_id])).get(offer.person_id) ?? null;
  const ref = reference();
  const occupation = ref.occupations.get(offer.terms.occupation);
  const sector = ref.sectors.get(offer.terms.sector);
  const issuedOn = new Date().toISOString().slice(0, 10);
  const contractNumber = `TJRU-${issuedOn.slice(0, 4)}-${offerId.slice(0, 8).toUpperCase()}`;
  const pdf = await renderContractPdf(offer.terms, {
    workerNameRu: formatName(person.names.destination),
    workerNameTg: formatName(person.names.origin),
    workerNameLatin: `${person.names.latin.surname} ${person.names.latin.givenNames}`,
    workerBirthDate: person.birthDate,
    workerPassport: passport,
    occupationRu: occupation?.ru ?? occupation?.en ?? offer.terms.occupation,
    occupationTg: occupation?.tg ?? occupation?.en ?? offer.terms.occupation,
    regionRu: ref.regions.get(offer.terms.region)?.ru ?? offer.terms.region,
    sectorRu: sector?.ru ?? offer.terms.sector,
    sectorTg: sector?.tg ?? offer.terms.sector,
    contractNumber,
    issuedOn,
  });
  const sha256 = createHash('sha256').update(pdf).digest('hex');
  const row = await trx
    .insertInto('contracts')
    .values({
      offer_id: offerId,
      case_id: offer.case_id,
      employer_organization_id: offer.employer_organization_id,
      template_version: CONTRACT_TEMPLATE_VERSION,
      pdf,
      sha256,
      signed_at: null,
      sealed_credential_id: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await audit(
    trx,
    { actor: { system: 'contracts' }, requestId: `contract:${offerId}` },
    { type: 'contract.generated', entityType: 'contract', entityId: row.id, data: { offerId, sha256 } },
  );
  return row.id;
}

interface ContractAccess {
  readonly id: string;
  readonly case_id: string;
  readonly offer_id: string;
  readonly employer_organization_id: string;
  readonly sha256: string;
  readonly status: 'awaiting_signatures' | 'signed';
  readonly person_id: string;
}

/** The contract if the caller is one of its parties (or the origin agency); others get 404. */
export async function findContractFor(db: Queryable, principal: Principal, contractId: string, lock = false): Promise<ContractAccess> {
  let query = db
    .selectFrom('contracts as k')
    .innerJoin('cases as c', 'c.id', 'k.case_id')
    .select(['k.id', 'k.case_id', 'k.offer_id', 'k.employer_organization_id', 'k.sha256', 'k.status', 'c.person_id'])
    .where('k.id', '=', contractId);
  if (lock) query = query.forUpdate('k');
  const row = await query.executeTakeFirst();
  const visible =
    row &&
    (principal.role === 'origin_agency' ||
      (principal.role === 'applicant' && row.person_id === principal.personId) ||
      (principal.role === 'employer' && row.employer_organization_id === principal.organizationId));
  if (!visible) throw new DomainError('contract.not_found');
  return row;
}

export interface SignatureOrigin {
  readonly ip: string;
  readonly channel: 'session' | 'token';
}

/**
 * One party signs the exact PDF (its hash). Where from is recorded as an HMAC of the client's IP address under
 * the server's secret key: the address itself is personal data and is not stored, but a later claim "signed
 * from address X" can be checked against it. When both parties have signed, the case moves to `contracted`.
 */
export async function signContract(
  db: Db,
  principal: Principal,
  context: ActionContext,
  contractId: string,
  sha256: string,
  origin: SignatureOrigin,
  keys: { secretKey: string; vault: KeyVault },
) {
  return inTransaction(db, async (trx) => {
    const contract = await findContractFor(trx, principal, contractId, true);
    if (principal.role !== 'applicant' && principal.role !== 'employer') throw new DomainError('contract.forbidden');
    if (contract.status !== 'awaiting_signatures') throw new DomainError('contract.conflict', { detail: 'the contract is signed already' });
    if (sha256 !== contract.sha256)
      throw new DomainError('contract.hash_mismatch.conflict', {
        detail: 'the document you signed is not this contract',
        extensions: { sha256: contract.sha256 },
      });
    const party = principal.role === 'employer' ? 'employer' : 'worker';
    if (party === 'employer') await assertEmployerVerified(trx, contract.employer_organization_id);
    const existing = await trx.selectFrom('contract_signatures').select('party').where('contract_id', '=', contractId).execute();
    if (existing.some((s) => s.party === party)) throw new DomainError('contract.conflict', { detail: 'this party has signed already' });
    await trx
      .insertInto('contract_signatures')
      .values({
        contract_id: contractId,
        party,
        user_id: principal.userId,
        document_sha256: sha256,
        channel: origin.channel,
        client_key: keyedHash(keys.secretKey, `contract-signature:${origin.ip}`),
      })
      .execute();
    await audit(trx, context, { type: 'contract.signed_by', entityType: 'contract', entityId: contractId, data: { party, sha256 } });
    if (existing.length + 1 < 2) return;
    const signedAt = new Date();
    await trx.updateTable('contracts').set({ status: 'signed', signed_at: signedAt }).where('id', '=', contractId).execute();
    await trx.updateTable('offers').set({ status: 'contracted' }).where('id', '=', contract.offer_id).execute();
    await transitionCase(trx, context, { caseId: contract.case_id, action: 'sign_contract', requestId: `contract:${contractId}:signed` }, 'module');
    await closeSeatAlternates(trx, contract.offer_id);
    const offer = await trx.selectFrom('offers').select('terms').where('id', '=', contract.offer_id).executeTakeFirstOrThrow();
    const sealed = await sealSignedContract(trx, context, keys.vault, {
      contractId,
      caseId: contract.case_id,
      sha256: contract.sha256,
      signedAt,
      terms: offer.terms,
    });
    await recordContractSeal(trx, contractId, sealed.sealId);
    await audit(trx, context, { type: 'contract.completed', entityType: 'contract', entityId: contractId, data: { sha256 } });
  });
}

/** Once a seat is contracted, its remaining alternates are no longer proposals. */
async function closeSeatAlternates(trx: Tx, offerId: string): Promise<void> {
  const offer = await trx.selectFrom('offers').select(['labour_request_id', 'seat_no']).where('id', '=', offerId).executeTakeFirstOrThrow();
  await trx
    .updateTable('match_run_entries')
    .set({ status: 'closed' })
    .where('labour_request_id', '=', offer.labour_request_id)
    .where('seat_no', '=', offer.seat_no)
    .where('status', '=', 'proposed')
    .execute();
}

/** Guard `recruitment.contract_signed`: the case's live contract carries both parties' signatures. */
export async function isContractSigned(trx: Tx, caseId: string): Promise<boolean> {
  const rows = await trx
    .selectFrom('contracts as k')
    .innerJoin('offers as o', 'o.id', 'k.offer_id')
    .innerJoin('contract_signatures as s', 's.contract_id', 'k.id')
    .select('s.party')
    .where('k.case_id', '=', caseId)
    .where('o.status', 'in', ['accepted', 'contracted'])
    .whereRef('s.document_sha256', '=', 'k.sha256')
    .execute();
  const parties = new Set(rows.map((r) => r.party));
  return parties.has('employer') && parties.has('worker');
}

export async function getContractPdf(db: Db, principal: Principal, contractId: string): Promise<{ pdf: Buffer; sha256: string }> {
  await findContractFor(db, principal, contractId);
  const row = await db.selectFrom('contracts').select(['pdf', 'sha256']).where('id', '=', contractId).executeTakeFirstOrThrow();
  return { pdf: row.pdf, sha256: row.sha256 };
}

export async function getContractsByOffer(db: Queryable, offerIds: readonly string[]): Promise<Map<string, ContractView>> {
  if (offerIds.length === 0) return new Map();
  const contracts = await db
    .selectFrom('contracts')
    .select(['id', 'offer_id', 'status', 'sha256', 'template_version', 'signed_at', 'sealed_credential_id', 'created_at'])
    .where('offer_id', 'in', offerIds)
    .execute();
  const signatures =
    contracts.length === 0
      ? []
      : await db
          .selectFrom('contract_signatures')
          .select(['contract_id', 'party', 'signed_at', 'channel'])
          .where(
            'contract_id',
            'in',
            contracts.map((c) => c.id),
          )
          .execute();
  return new Map(
    contracts.map((c) => [
      c.offer_id,
      {
        id: c.id,
        status: c.status,
        sha256: c.sha256,
        templateVersion: c.template_version,
        signatures: signatures.filter((s) => s.contract_id === c.id).map((s) => ({ party: s.party, signedAt: s.signed_at.toISOString(), channel: s.channel })),
        signedAt: c.signed_at ? c.signed_at.toISOString() : null,
        sealedCredentialId: c.sealed_credential_id,
        createdAt: c.created_at.toISOString(),
      },
    ]),
  );
}

/** Record the seal of a signed contract (once). */
export async function recordContractSeal(trx: Tx, contractId: string, credentialId: string): Promise<void> {
  const result = await trx
    .updateTable('contracts')
    .set({ sealed_credential_id: credentialId })
    .where('id', '=', contractId)
    .where('status', '=', 'signed')
    .where('sealed_credential_id', 'is', null)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) throw new DomainError('contract.conflict', { detail: 'the contract is not signed or is sealed already' });
}
