import type { Queryable } from '../../platform/database/database';
import { allocateClinic } from './allocation';

export interface AllocationCheck {
  readonly appointmentId: string;
  readonly day: string;
  readonly ok: boolean;
  readonly problem?: 'seed_missing' | 'seed_published_after_booking' | 'pick_differs' | 'over_capacity';
}

/**
 * Recompute every allocation (optionally of one day): the seed was published before the booking, the
 * recorded candidates reproduce the clinic, and no candidate claimed more free places than its capacity.
 */
export async function verifyAllocations(
  db: Queryable,
  options: { day?: string } = {},
  onProgress?: (done: number, total: number) => void,
): Promise<AllocationCheck[]> {
  let query = db
    .selectFrom('medical_appointments as a')
    .leftJoin('allocation_seeds as s', 's.day', 'a.day')
    .select(['a.id', 'a.day', 'a.clinic_id', 'a.allocation', 'a.created_at', 's.seed', 's.published_at'])
    .orderBy('a.day')
    .orderBy('a.created_at');
  if (options.day) query = query.where('a.day', '=', options.day);
  const rows = await query.execute();
  const capacity = new Map((await db.selectFrom('clinics').select(['id', 'daily_capacity']).execute()).map((c) => [c.id, c.daily_capacity]));
  return rows.map((row, i) => {
    onProgress?.(i + 1, rows.length);
    const base = { appointmentId: row.id, day: row.day };
    if (!row.seed || !row.published_at) return { ...base, ok: false, problem: 'seed_missing' as const };
    if (row.published_at > row.created_at) return { ...base, ok: false, problem: 'seed_published_after_booking' as const };
    if (row.allocation.candidates.some((c) => c.free > (capacity.get(c.clinicId) ?? 0))) return { ...base, ok: false, problem: 'over_capacity' as const };
    const again = allocateClinic(row.seed, row.id, row.allocation.candidates);
    return again?.clinicId === row.clinic_id ? { ...base, ok: true } : { ...base, ok: false, problem: 'pick_differs' as const };
  });
}
