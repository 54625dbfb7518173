import type { Tx } from '../../platform/database/database';
import type { PoolRequirement } from './corridor.schema';
import { findGuard, findRequirement, registerCaseGuard, type CaseView } from './case.extensions';
import { getCorridorRules } from './case.repository';
import type { CaseGuard } from './case.workflow';

export interface UnmetGuard {
  readonly guard: CaseGuard;
  readonly reason: string;
}

/** Run the named guards; a guard no module has implemented fails closed. */
export async function evaluateGuards(trx: Tx, kase: CaseView, names: readonly CaseGuard[]): Promise<UnmetGuard[]> {
  const unmet: UnmetGuard[] = [];
  for (const guard of names) {
    const check = findGuard(guard);
    if (!check) {
      unmet.push({ guard, reason: 'not_checkable' });
      continue;
    }
    const result = await check(trx, kase);
    if (!result.ok) unmet.push({ guard, reason: result.reason });
  }
  return unmet;
}

export interface RequirementStatus {
  readonly requirement: PoolRequirement;
  readonly met: boolean;
  readonly detail?: string;
}

/**
 * Pool eligibility is derived, never typed in (DESIGN.md section 3): every requirement of the corridor's
 * rule set must be met, each checked by the module that owns the fact.
 */
export async function evaluatePoolEligibility(trx: Tx, kase: CaseView): Promise<RequirementStatus[]> {
  const { rules } = await getCorridorRules(trx, kase.corridorCode);
  const statuses: RequirementStatus[] = [];
  for (const requirement of rules.poolRequirements) {
    const check = findRequirement(requirement);
    statuses.push(check ? { requirement, ...(await check(trx, kase)) } : { requirement, met: false, detail: 'not_checkable' });
  }
  return statuses;
}

registerCaseGuard('pool.eligible', async (trx, kase) => {
  const unmet = (await evaluatePoolEligibility(trx, kase)).filter((s) => !s.met);
  return unmet.length === 0 ? { ok: true } : { ok: false, reason: unmet.map((s) => s.requirement).join(',') };
});
