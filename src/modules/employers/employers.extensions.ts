import { registerTransferTargetCheck } from '../journey';

/** What the employers module tells the journey: a worker moves only to a verified (and not suspended) employer. */
registerTransferTargetCheck('employers.verified', async (trx, organizationId) => {
  const row = await trx.selectFrom('employers').select('status').where('organization_id', '=', organizationId).executeTakeFirst();
  return row?.status === 'verified' ? { ok: true } : { ok: false, reason: row ? `employer_${row.status}` : 'employer_unregistered' };
});
