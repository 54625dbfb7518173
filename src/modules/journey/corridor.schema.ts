import { z } from 'zod';

/**
 * A corridor's rule set: everything that follows from the destination's law or the agreement is data here,
 * not code. Deadlines count calendar days in the destination's time zone.
 */
export const CorridorRules = z.object({
  /** Days after arrival during which migration registration is not required (15 for TJ citizens in RU). */
  registrationExemptDays: z.number().int().min(0).max(365),
  /** Days after arrival to apply for the work patent. */
  patentApplicationDays: z.number().int().min(1).max(365),
  /** The patent is paid in advance for this many months at a time (at least one). */
  patentPaymentPeriodMonths: z.number().int().min(1).max(12),
  /** Days before a medical certificate's expiry when renewal opens and the worker is reminded. */
  certificateRenewalWindowDays: z.number().int().min(1).max(180),
  /** Days a candidate has to answer an offer. */
  offerResponseDays: z.number().int().min(1).max(60),
  /** What pool eligibility requires; each name is checked by the module that owns the fact. */
  poolRequirements: z.array(z.enum(['medical_certificate', 'screening_clear', 'language_certificate', 'orientation'])).min(1),
});
export type CorridorRules = z.infer<typeof CorridorRules>;
export type PoolRequirement = CorridorRules['poolRequirements'][number];

export const Corridor = z.object({
  code: z.string().regex(/^[A-Z]{2}-[A-Z]{2}$/),
  originCountry: z.string().length(2),
  destinationCountry: z.string().length(2),
  originTimezone: z.string(),
  destinationTimezone: z.string(),
  languages: z.array(z.enum(['tg', 'ru', 'en'])).min(1),
  rules: CorridorRules,
});
export type Corridor = z.infer<typeof Corridor>;
