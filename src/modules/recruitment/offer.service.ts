import { sql } from 'kysely';
import { audit, type ActionContext } from '../../platform/audit/audit';
import type { Principal } from '../../platform/auth/roles';
import { inTransaction, isUniqueViolation, type Db, type Queryable, type Tx } from '../../platform/database/database';
import { DomainError } from '../../platform/errors';
import { enqueue } from '../../platform/jobs/queue';
import { assertEmployerVerified, findEmployer, lockApprovedRequest } from '../employers';
import { getCorridorRules, makeDeadline, registerDeadlineSource, registerTransitionListener, setCaseEmployer, transitionCase } from '../journey';
import { createContractForOffer } from './contract.service';
import { LIVE_OFFER_STATUSES, type OfferTerms } from './recruitment.tables';

declare module '../../platform/audit/audit' {
  interface AuditEventData {
    'shortlist.rejected': { labourRequestId: string };
    'offer.selected': { labourRequestId: string; seatNo: number };
    'offer.sent': Record<string, never>;
    'offer.accepted': Record<string, never>;
    'offer.declined': Record<string, never>;
    'offer.withdrawn': { caseStatus: 'withdrawn' | 'closed' };
    'offer.expired': Record<string, never>;
  }
}

declare module '../../platform/jobs/queue' {
  interface JobPayloads {
    'recruitment.offer_expiry': { offerId: string };
  }
}

export const OFFERS_SYSTEM: ActionContext['actor'] = { system: 'offers' };

async function lockEntryForEmployer(trx: Tx, principal: Principal, entryId: string) {
  const entry = await trx
    .selectFrom('match_run_entries as e')
    .innerJoin('labour_requests as r', 'r.id', 'e.labour_request_id')
    .select(['e.id', 'e.case_id', 'e.labour_request_id', 'e.seat_no', 'e.status', 'r.employer_organization_id'])
    .where('e.id', '=', entryId)
    .executeTakeFirst();
  if (!entry || entry.employer_organization_id !== principal.organizationId) throw new DomainError('shortlist.not_found');
  // One lock order everywhere: the case, then the request, then the entry. Selections of one candidate are
  // serialized by the case lock (his other entries are closed by the winner without a cycle), selections on
  // one request by the request lock, so no seat is decided from a stale view.
  await trx.selectFrom('cases').select('id').where('id', '=', entry.case_id).forUpdate().executeTakeFirstOrThrow();
  await lockApprovedRequest(trx, entry.labour_request_id);
  const fresh = await trx.selectFrom('match_run_entries').select('status').where('id', '=', entryId).forUpdate().executeTakeFirstOrThrow();
  if (fresh.status !== 'proposed')
    throw new DomainError('shortlist.conflict', { detail: `the entry is ${fresh.status}`, extensions: { entryStatus: fresh.status } });
  return entry;
}

/**
 * The employer picks a candidate from a seat's shortlist: the case moves to `selected` and the seat and the
 * candidate are held (an offer row in status `selected`, on the request's terms) until the origin agency
 * sends the offer. No seat gets two live rows and no candidate holds two (unique indexes on `offers`,
 * under the case's and the request's row locks).
 */
export async function selectCandidate(db: Db, principal: Principal, context: ActionContext, entryId: string, requestId: string): Promise<string> {
  return inTransaction(db, async (trx) => {
    const previous = await trx.selectFrom('offers').select(['id', 'entry_id']).where('request_id', '=', requestId).executeTakeFirst();
    if (previous) {
      if (previous.entry_id !== entryId) throw new DomainError('shortlist.conflict', { detail: 'this requestId was used for another selection' });
      return previous.id;
    }
    const entry = await lockEntryForEmployer(trx, principal, entryId);
    await assertEmployerVerified(trx, entry.employer_organization_id);
    const seatTaken = await trx
      .selectFrom('offers')
      .select('id')
      .where('labour_request_id', '=', entry.labour_request_id)
      .where('seat_no', '=', entry.seat_no)
      .where('status', 'in', LIVE_OFFER_STATUSES)
      .executeTakeFirst();
    if (seatTaken) throw new DomainError('offer.seat_taken.conflict', { detail: 'this seat already has a candidate' });
    const kase = await trx.selectFrom('cases').select(['status']).where('id', '=', entry.case_id).executeTakeFirstOrThrow();
    if (kase.status !== 'shortlisted') {
      throw new DomainError('shortlist.candidate_unavailable.conflict', { detail: `the candidate is ${kase.status}`, extensions: { caseStatus: kase.status } });
    }
    await transitionCase(trx, context, { caseId: entry.case_id, action: 'select', requestId: `${requestId}:select` }, 'module');
    await setCaseEmployer(trx, entry.case_id, entry.employer_organization_id);
    const terms = await offerTerms(trx, entry.labour_request_id, entry.employer_organization_id);
    const offer = await trx
      .insertInto('offers')
      .values({
        case_id: entry.case_id,
        labour_request_id: entry.labour_request_id,
        seat_no: entry.seat_no,
        entry_id: entry.id,
        terms: JSON.stringify(terms),
        deadline_at: null,
        sent_at: null,
        answered_at: null,
        request_id: requestId,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
      .catch((error: unknown) => {
        if (isUniqueViolation(error, 'offers_one_live_per_seat'))
          throw new DomainError('offer.seat_taken.conflict', { detail: 'this seat already has a candidate' });
        if (isUniqueViolation(error, 'offers_one_live_per_case'))
          throw new DomainError('shortlist.candidate_unavailable.conflict', { detail: 'the candidate holds another offer' });
        throw error;
      });
    await trx.updateTable('match_run_entries').set({ status: 'selected', decided_at: new Date() }).where('id', '=', entry.id).execute();
    // The candidate is taken: his other proposals close; the seat's alternates stay in case he declines.
    await trx.updateTable('match_run_entries').set({ status: 'closed' }).where('case_id', '=', entry.case_id).where('status', '=', 'proposed').execute();
    await audit(trx, context, {
      type: 'offer.selected',
      entityType: 'offer',
      entityId: offer.id,
      data: { labourRequestId: entry.labour_request_id, seatNo: entry.seat_no },
    });
    return offer.id;
  });
}

/**
 * The origin agency sends the offer for a selection (it agrees the candidate list with the employer, as the
 * agreement has it): the case moves to `offered` and the answer deadline of the corridor's rules starts.
 */
export async function sendOffer(db: Db, context: ActionContext, offerId: string): Promise<void> {
  await inTransaction(db, async (trx) => {
    const offer = await trx.selectFrom('offers').select(['id', 'status', 'case_id']).where('id', '=', offerId).forUpdate().executeTakeFirst();
    if (!offer) throw new DomainError('offer.not_found');
    if (offer.status !== 'selected')
      throw new DomainError('offer.conflict', { detail: `the offer is ${offer.status}`, extensions: { offerStatus: offer.status } });
    await transitionCase(trx, context, { caseId: offer.case_id, action: 'make_offer', requestId: `send:${offerId}` }, 'module');
    const deadline = await offerDeadline(trx, offer.case_id);
    await trx.updateTable('offers').set({ status: 'offered', deadline_at: deadline, sent_at: new Date() }).where('id', '=', offerId).execute();
    await enqueue(trx, 'recruitment.offer_expiry', { offerId }, { runAt: deadline, dedupeKey: `offer_expiry:${offerId}` });
    await audit(trx, context, { type: 'offer.sent', entityType: 'offer', entityId: offerId, data: {} });
  });
}

async function offerTerms(trx: Tx, labourRequestId: string, employerId: string): Promise<OfferTerms> {
  const r = await trx.selectFrom('labour_requests').selectAll().where('id', '=', labourRequestId).executeTakeFirstOrThrow();
  const employer = await findEmployer(trx, employerId);
  if (!employer) throw new DomainError('employer.not_found');
  return {
    occupation: r.occupation.trim(),
    region: r.region,
    sector: r.sector,
    wageRub: r.wage_rub,
    hoursPerWeek: r.hours_per_week,
    housing: r.housing,
    contractMonths: r.contract_months,
    startOn: r.start_on,
    duties: r.duties,
    employerName: employer.organizationName,
    employerLegalName: employer.legalName,
    employerInn: employer.inn,
    employerOgrn: employer.ogrn,
    employerKpp: employer.kpp,
    employerAddress: employer.address,
  };
}

async function offerDeadline(trx: Tx, caseId: string): Promise<Date> {
  const kase = await trx
    .selectFrom('cases')
    .innerJoin('recruitment_rounds as r', 'r.id', 'cases.round_id')
    .select('r.corridor_code')
    .where('cases.id', '=', caseId)
    .executeTakeFirstOrThrow();
  const { rules } = await getCorridorRules(trx, kase.corridor_code);
  return new Date(Date.now() + rules.offerResponseDays * 86_400_000);
}

/** The employer takes a candidate off a seat's shortlist; with no other proposal left he goes back to the pool. */
export async function rejectCandidate(db: Db, principal: Principal, context: ActionContext, entryId: string): Promise<void> {
  await inTransaction(db, async (trx) => {
    const entry = await lockEntryForEmployer(trx, principal, entryId);
    await trx.updateTable('match_run_entries').set({ status: 'rejected', decided_at: new Date() }).where('id', '=', entryId).execute();
    await audit(trx, context, { type: 'shortlist.rejected', entityType: 'case', entityId: entry.case_id, data: { labourRequestId: entry.labour_request_id } });
    await returnIfIdle(trx, context, entry.case_id, `reject:${entryId}`);
  });
}

async function returnIfIdle(trx: Tx, context: ActionContext, caseId: string, requestId: string): Promise<void> {
  const other = await trx.selectFrom('match_run_entries').select('id').where('case_id', '=', caseId).where('status', '=', 'proposed').executeTakeFirst();
  const kase = await trx.selectFrom('cases').select('status').where('id', '=', caseId).executeTakeFirstOrThrow();
  if (!other && kase.status === 'shortlisted') {
    await transitionCase(trx, context, { caseId, action: 'return_to_pool', requestId, reason: 'taken off the shortlist' }, 'module');
  }
}

async function lockOfferOfApplicant(trx: Tx, principal: Principal, offerId: string) {
  const offer = await trx
    .selectFrom('offers as o')
    .innerJoin('cases as c', 'c.id', 'o.case_id')
    .select(['o.id', 'o.status', 'o.deadline_at', 'o.case_id', 'o.entry_id', 'c.person_id'])
    .where('o.id', '=', offerId)
    .forUpdate('o')
    .executeTakeFirst();
  if (!offer || offer.person_id !== principal.personId) throw new DomainError('offer.not_found');
  if (offer.status !== 'offered')
    throw new DomainError('offer.conflict', { detail: `the offer is ${offer.status}`, extensions: { offerStatus: offer.status } });
  return offer;
}

/** The candidate accepts before the deadline; the standard contract is generated from the offer at once. */
export async function acceptOffer(db: Db, principal: Principal, context: ActionContext, offerId: string): Promise<void> {
  await inTransaction(db, async (trx) => {
    const offer = await lockOfferOfApplicant(trx, principal, offerId);
    if (!offer.deadline_at || offer.deadline_at.getTime() <= Date.now())
      throw new DomainError('offer.expired', { detail: 'the deadline to answer has passed' });
    await trx.updateTable('offers').set({ status: 'accepted', answered_at: new Date() }).where('id', '=', offerId).where('status', '=', 'offered').execute();
    await audit(trx, context, { type: 'offer.accepted', entityType: 'offer', entityId: offerId, data: {} });
    await createContractForOffer(trx, offerId);
  });
}

/** The candidate declines: back to the pool, and the seat is open again for its alternates. */
export async function declineOffer(db: Db, principal: Principal, context: ActionContext, offerId: string, requestId: string): Promise<void> {
  await inTransaction(db, async (trx) => {
    const offer = await lockOfferOfApplicant(trx, principal, offerId);
    await releaseOffer(trx, context, offer, 'declined', 'decline_offer', requestId);
    await audit(trx, context, { type: 'offer.declined', entityType: 'offer', entityId: offerId, data: {} });
  });
}

async function releaseOffer(
  trx: Tx,
  context: ActionContext,
  offer: { id: string; case_id: string; entry_id: string | null },
  status: 'declined' | 'expired',
  action: 'decline_offer' | 'expire_offer',
  requestId: string,
): Promise<void> {
  await trx
    .updateTable('offers')
    .set({ status, answered_at: status === 'declined' ? new Date() : null })
    .where('id', '=', offer.id)
    .execute();
  if (offer.entry_id) await trx.updateTable('match_run_entries').set({ status: 'closed' }).where('id', '=', offer.entry_id).execute();
  await transitionCase(trx, context, { caseId: offer.case_id, action, requestId }, 'module');
  await setCaseEmployer(trx, offer.case_id, null);
}

/** The worker answers an offer by its deadline: the date it falls on in the origin's time zone. */
registerDeadlineSource('offer_response', {
  statuses: ['offered'],
  fact: sql`(select to_char(o.deadline_at at time zone co.origin_timezone, 'YYYY-MM-DD')
    from offers o
    join recruitment_rounds rr on rr.id = cases.round_id
    join corridors co on co.code = rr.corridor_code
    where o.case_id = cases.id and o.status = 'offered' and o.deadline_at is not null)`,
  deadlines: (dueOn, _kase, { today }) => (typeof dueOn === 'string' ? [makeDeadline('offer_response', dueOn, today.origin)] : []),
});

/**
 * A case that leaves the journey (withdrawn by the worker, closed by the agency) while it is on a shortlist or
 * holds an offer gives everything back in the same transaction: its shortlist entries close, a live offer ends
 * as `withdrawn`, and the seat reopens for the alternates. A contract both sides signed is not undone here.
 */
registerTransitionListener('recruitment.release_on_exit', async (trx, context, event) => {
  if (event.to !== 'withdrawn' && event.to !== 'closed') return;
  await trx
    .updateTable('match_run_entries')
    .set({ status: 'closed', decided_at: new Date() })
    .where('case_id', '=', event.caseId)
    .where('status', 'in', ['computed', 'proposed'])
    .execute();
  const live = await trx
    .selectFrom('offers')
    .select(['id', 'entry_id'])
    .where('case_id', '=', event.caseId)
    .where('status', 'in', ['selected', 'offered', 'accepted'])
    .forUpdate()
    .execute();
  for (const offer of live) {
    await trx.updateTable('offers').set({ status: 'withdrawn', answered_at: new Date() }).where('id', '=', offer.id).execute();
    if (offer.entry_id) await trx.updateTable('match_run_entries').set({ status: 'closed' }).where('id', '=', offer.entry_id).execute();
    await audit(trx, context, { type: 'offer.withdrawn', entityType: 'offer', entityId: offer.id, data: { caseStatus: event.to } });
  }
  if (live.length > 0) await setCaseEmployer(trx, event.caseId, null);
});

/** The expiry job: an offer still unanswered at its deadline expires (acting as the system). */
export async function expireOffer(db: Db, offerId: string): Promise<boolean> {
  return inTransaction(db, async (trx) => {
    const offer = await trx
      .selectFrom('offers')
      .select(['id', 'status', 'deadline_at', 'case_id', 'entry_id'])
      .where('id', '=', offerId)
      .forUpdate()
      .executeTakeFirst();
    if (!offer || offer.status !== 'offered' || !offer.deadline_at || offer.deadline_at.getTime() > Date.now()) return false;
    const context: ActionContext = { actor: OFFERS_SYSTEM, requestId: `offer_expiry:${offerId}` };
    await releaseOffer(trx, context, offer, 'expired', 'expire_offer', `expire:${offerId}`);
    await audit(trx, context, { type: 'offer.expired', entityType: 'offer', entityId: offerId, data: {} });
    return true;
  });
}

/** A sweep for offers whose expiry job was lost (e.g. restored from a backup): expires every overdue one. */
export async function expireOverdueOffers(db: Db): Promise<number> {
  const due = await db.selectFrom('offers').select('id').where('status', '=', 'offered').where('deadline_at', '<=', new Date()).execute();
  let expired = 0;
  for (const o of due) if (await expireOffer(db, o.id)) expired += 1;
  return expired;
}

export async function findOfferCaseIds(db: Queryable, principal: Principal): Promise<{ caseIds?: string[]; employerId?: string }> {
  if (principal.role === 'applicant') {
    const rows = await db
      .selectFrom('cases')
      .select('id')
      .where('person_id', '=', principal.personId ?? '00000000-0000-0000-0000-000000000000')
      .execute();
    return { caseIds: rows.map((r) => r.id) };
  }
  if (principal.role === 'employer') return { employerId: principal.organizationId ?? '00000000-0000-0000-0000-000000000000' };
  return {};
}
