import type { Principal } from '../../platform/auth/roles';
import type { Db } from '../../platform/database/database';
import { DomainError } from '../../platform/errors';
import { findPersonSummaries } from '../people';
import { getContractsByOffer } from './contract.service';
import type { EntryView, OfferView } from './recruitment.schema';

/** Offers visible to the caller: the applicant his own, the employer those on his requests, the agency all. */
export async function listOffers(db: Db, principal: Principal, filter: { status?: OfferView['status']; id?: string } = {}): Promise<OfferView[]> {
  let query = db
    .selectFrom('offers as o')
    .innerJoin('cases as c', 'c.id', 'o.case_id')
    .innerJoin('labour_requests as r', 'r.id', 'o.labour_request_id')
    .select([
      'o.id',
      'o.case_id',
      'o.labour_request_id',
      'o.seat_no',
      'o.status',
      'o.terms',
      'o.deadline_at',
      'o.sent_at',
      'o.answered_at',
      'o.created_at',
      'c.person_id',
    ]);
  if (principal.role === 'applicant') query = query.where('c.person_id', '=', principal.personId ?? '00000000-0000-0000-0000-000000000000');
  else if (principal.role === 'employer')
    query = query.where('r.employer_organization_id', '=', principal.organizationId ?? '00000000-0000-0000-0000-000000000000');
  if (filter.status) query = query.where('o.status', '=', filter.status);
  if (filter.id) query = query.where('o.id', '=', filter.id);
  const rows = await query.orderBy('o.created_at', 'desc').limit(500).execute();
  const persons = await findPersonSummaries(
    db,
    rows.map((r) => r.person_id),
  );
  const contracts = await getContractsByOffer(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    caseId: r.case_id,
    labourRequestId: r.labour_request_id,
    seatNo: r.seat_no,
    status: r.status,
    terms: r.terms,
    deadlineAt: r.deadline_at ? r.deadline_at.toISOString() : null,
    sentAt: r.sent_at ? r.sent_at.toISOString() : null,
    answeredAt: r.answered_at ? r.answered_at.toISOString() : null,
    createdAt: r.created_at.toISOString(),
    person: persons.get(r.person_id) ?? null,
    contract: contracts.get(r.id) ?? null,
  }));
}

export async function getOffer(db: Db, principal: Principal, id: string): Promise<OfferView> {
  const [offer] = await listOffers(db, principal, { id });
  if (!offer) throw new DomainError('offer.not_found');
  return offer;
}

/**
 * Shortlist entries of a labour request (the employer's own, or any for the origin agency): the published
 * proposals and what became of them, with the candidates' names.
 */
export async function listShortlist(db: Db, principal: Principal, labourRequestId: string): Promise<EntryView[]> {
  const request = await db.selectFrom('labour_requests').select(['employer_organization_id']).where('id', '=', labourRequestId).executeTakeFirst();
  if (!request || (principal.role === 'employer' && request.employer_organization_id !== principal.organizationId))
    throw new DomainError('labour_request.not_found');
  const rows = await db
    .selectFrom('match_run_entries as e')
    .innerJoin('match_runs as m', 'm.id', 'e.run_id')
    .innerJoin('cases as c', 'c.id', 'e.case_id')
    .select(['e.id', 'e.labour_request_id', 'e.seat_no', 'e.case_id', 'e.position', 'e.weight', 'e.reasons', 'e.status', 'c.person_id'])
    .where('e.labour_request_id', '=', labourRequestId)
    .where('m.published_at', 'is not', null)
    .where('e.status', 'in', ['proposed', 'selected', 'rejected', 'closed'])
    .orderBy('m.published_at', 'desc')
    .orderBy('e.seat_no')
    .orderBy('e.position')
    .limit(3000)
    .execute();
  const persons = await findPersonSummaries(
    db,
    rows.map((r) => r.person_id),
  );
  return rows.map((r) => ({
    id: r.id,
    labourRequestId: r.labour_request_id,
    seatNo: r.seat_no,
    caseId: r.case_id,
    position: r.position,
    weight: r.weight,
    reasons: r.reasons,
    status: r.status,
    person: persons.get(r.person_id) ?? null,
  }));
}

/** Entries of a run (computed or published), for the agency's run page. */
export async function listRunEntries(db: Db, runId: string): Promise<EntryView[]> {
  const rows = await db
    .selectFrom('match_run_entries as e')
    .innerJoin('cases as c', 'c.id', 'e.case_id')
    .select(['e.id', 'e.labour_request_id', 'e.seat_no', 'e.case_id', 'e.position', 'e.weight', 'e.reasons', 'e.status', 'c.person_id'])
    .where('e.run_id', '=', runId)
    .orderBy('e.labour_request_id')
    .orderBy('e.seat_no')
    .orderBy('e.position')
    .limit(2000)
    .execute();
  const persons = await findPersonSummaries(
    db,
    rows.map((r) => r.person_id),
  );
  return rows.map((r) => ({ ...r, labourRequestId: r.labour_request_id, seatNo: r.seat_no, caseId: r.case_id, person: persons.get(r.person_id) ?? null }));
}
