import { createHash } from 'node:crypto';
import type { Generated } from 'kysely';
import { z } from 'zod';
import { audit, type ActionContext } from '../../platform/audit/audit';
import type { Principal } from '../../platform/auth/roles';
import { inTransaction, type Db } from '../../platform/database/database';
import { DomainError } from '../../platform/errors';
import { formatMessage } from '../../platform/i18n/messages';
import { raiseSystemGrievance } from '../welfare';
import { findContractFor } from './contract.service';

export interface ContractArrivalCheckTable {
  id: Generated<string>;
  contract_id: string;
  case_id: string;
  sha256: string;
  matches: boolean;
  grievance_id: string | null;
  checked_by: string | null;
  request_id: string;
  created_at: Generated<Date>;
}

declare module '../../platform/database/database' {
  interface Database {
    contract_arrival_checks: ContractArrivalCheckTable;
  }
}

declare module '../../platform/audit/audit' {
  interface AuditEventData {
    'contract.arrival_checked': { matches: boolean; sha256: string };
  }
}

export const ArrivalCheckInput = z.object({
  /** The contract used in the destination, as a file (PDF or scan), base64-encoded, up to 10 MiB. */
  fileBase64: z.string().min(4).max(14_000_000),
  requestId: z
    .string()
    .min(8)
    .max(100)
    .regex(/^[A-Za-z0-9._:-]+$/),
});
export type ArrivalCheckInput = z.infer<typeof ArrivalCheckInput>;

export const ArrivalCheckResult = z.object({
  matches: z.boolean(),
  sealedSha256: z.string(),
  registeredSha256: z.string(),
  /** A welfare case was opened for the worker (its content stays with the offices). */
  welfareCaseRaised: z.boolean(),
});
export type ArrivalCheckResult = z.infer<typeof ArrivalCheckResult>;

const IN_DESTINATION = ['departed', 'arrived', 'permitted', 'employed'];

/**
 * The employer registers the contract it actually uses with the worker in the destination. It is hashed and
 * compared with the contract sealed before departure; any difference raises a welfare case for the worker,
 * handled by the origin country's office there (the employer is not told more than "it differs").
 */
export async function checkContractOnArrival(
  db: Db,
  principal: Principal,
  context: ActionContext,
  contractId: string,
  input: ArrivalCheckInput,
): Promise<ArrivalCheckResult> {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(input.fileBase64))
    throw new DomainError('contract.invalid', { fields: [{ path: 'fileBase64', code: 'not_base64', message: 'not base64' }] });
  const content = Buffer.from(input.fileBase64, 'base64');
  if (content.length === 0 || content.length > 10 * 1024 * 1024)
    throw new DomainError('contract.invalid', { fields: [{ path: 'fileBase64', code: 'size', message: 'between 1 byte and 10 MiB' }] });
  const registered = createHash('sha256').update(content).digest('hex');
  return inTransaction(db, async (trx) => {
    const contract = await findContractFor(trx, principal, contractId, true);
    const previous = await trx.selectFrom('contract_arrival_checks').selectAll().where('request_id', '=', input.requestId).executeTakeFirst();
    if (previous) {
      if (previous.contract_id !== contractId) throw new DomainError('contract.conflict', { detail: 'this requestId was used for another contract' });
      return { matches: previous.matches, sealedSha256: contract.sha256, registeredSha256: previous.sha256, welfareCaseRaised: previous.grievance_id !== null };
    }
    if (contract.status !== 'signed') throw new DomainError('contract.conflict', { detail: 'the contract was never signed' });
    const kase = await trx.selectFrom('cases').select('status').where('id', '=', contract.case_id).executeTakeFirstOrThrow();
    if (!IN_DESTINATION.includes(kase.status))
      throw new DomainError('contract.conflict', { detail: `the worker is not in the destination (status ${kase.status})` });
    const matches = registered === contract.sha256;
    let grievance: { id: string; reference: string } | undefined;
    if (!matches) {
      grievance = await raiseSystemGrievance(trx, context, {
        caseId: contract.case_id,
        category: 'contract_changed',
        message: formatMessage('ru', 'recruitment.arrival_check.grievance', { sealed: contract.sha256.slice(0, 16), registered: registered.slice(0, 16) }),
        dedupeKey: `contract-changed:${contractId}:${registered}`,
      });
    }
    await trx
      .insertInto('contract_arrival_checks')
      .values({
        contract_id: contractId,
        case_id: contract.case_id,
        sha256: registered,
        matches,
        grievance_id: grievance?.id ?? null,
        checked_by: principal.userId,
        request_id: input.requestId,
      })
      .execute();
    await audit(trx, context, { type: 'contract.arrival_checked', entityType: 'contract', entityId: contractId, data: { matches, sha256: registered } });
    return { matches, sealedSha256: contract.sha256, registeredSha256: registered, welfareCaseRaised: grievance !== undefined };
  });
}
