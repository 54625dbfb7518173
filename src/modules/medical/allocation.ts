import { createHmac, randomBytes } from 'node:crypto';

/**
 * Clinic allocation (DESIGN.md section 5): random, weighted by free capacity, and recomputable by anyone.
 *
 *   draw   = first 6 bytes of HMAC-SHA256(key = seed bytes, message = booking id as text), as an integer
 *   point  = draw mod (sum of free places of the candidate clinics)
 *   clinic = the candidate whose cumulative range of free places contains `point`, candidates in id order
 *
 * The seed of the day is published before the first booking; the booking id is made by the server. The
 * candidates (approved clinics open that day, with their free places at booking time) are stored with the
 * appointment, so `corridor medical allocation verify` can recompute every pick.
 */
export interface AllocationCandidate {
  readonly clinicId: string;
  readonly free: number;
}

export function newSeed(): string {
  return randomBytes(32).toString('hex');
}

export function allocationDraw(seedHex: string, bookingId: string): number {
  return createHmac('sha256', Buffer.from(seedHex, 'hex')).update(bookingId).digest().readUIntBE(0, 6);
}

/** The allocated clinic, or undefined when no candidate has a free place. */
export function allocateClinic(seedHex: string, bookingId: string, candidates: readonly AllocationCandidate[]): { clinicId: string; draw: number } | undefined {
  const open = [...candidates].filter((c) => c.free > 0).sort((a, b) => (a.clinicId < b.clinicId ? -1 : a.clinicId > b.clinicId ? 1 : 0));
  const total = open.reduce((sum, c) => sum + c.free, 0);
  if (total === 0) return undefined;
  const draw = allocationDraw(seedHex, bookingId);
  let point = draw % total;
  for (const candidate of open) {
    if (point < candidate.free) return { clinicId: candidate.clinicId, draw };
    point -= candidate.free;
  }
  return undefined;
}
