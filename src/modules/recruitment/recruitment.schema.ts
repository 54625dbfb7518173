import { z } from 'zod';
import { PersonSummary } from '../people';

/** Offer statuses (recruitment.tables.ts `OfferStatus`). */
export const OfferStatusSchema = z.enum(['selected', 'offered', 'accepted', 'declined', 'expired', 'contracted', 'withdrawn']);

export const RequestId = z
  .string()
  .min(8)
  .max(100)
  .regex(/^[A-Za-z0-9._:-]+$/);

export const CandidateProfileInput = z.object({
  occupation: z.string().max(4),
  skillLevel: z.number().int().min(1).max(4),
  russianLevel: z.number().int().min(0).max(5),
  experienceYears: z.number().int().min(0).max(60),
  skills: z.array(z.string().trim().min(1).max(60)).max(20).default([]),
  preferredRegions: z.array(z.string().max(6)).max(3).default([]),
});
export type CandidateProfileInput = z.infer<typeof CandidateProfileInput>;

export const CandidateProfile = z.object({
  caseId: z.uuid(),
  occupation: z.string(),
  skillLevel: z.number().int(),
  russianLevel: z.number().int(),
  experienceYears: z.number().int(),
  skills: z.array(z.string()),
  preferredRegions: z.array(z.string()),
  updatedAt: z.string(),
});
export type CandidateProfile = z.infer<typeof CandidateProfile>;

export const PoolCandidate = z.object({
  caseId: z.uuid(),
  status: z.string(),
  person: PersonSummary,
  profile: CandidateProfile.nullable(),
  waitingDays: z.number().int(),
});

export const MatchPolicySchema = z.object({
  base: z.number().int().min(0).max(100_000),
  preferencePoints: z.tuple([z.number().int().min(0).max(10_000), z.number().int().min(0).max(10_000), z.number().int().min(0).max(10_000)]),
  noPreferencePoints: z.number().int().min(0).max(10_000),
  waitingCapDays: z.number().int().min(1).max(3650),
  waitingPoints: z.number().int().min(0).max(10_000),
});

export const StartRunInput = z.object({ requestId: RequestId, policy: MatchPolicySchema.optional() });

export const MatchRunView = z.object({
  id: z.uuid(),
  status: z.enum(['queued', 'running', 'done', 'failed']),
  policy: MatchPolicySchema,
  candidates: z.number().int().nullable(),
  vacancies: z.number().int().nullable(),
  seats: z.number().int().nullable(),
  assigned: z.number().int().nullable(),
  objective: z.number().int().nullable(),
  edges: z.number().int().nullable(),
  durationMs: z.number().int().nullable(),
  error: z.string().nullable(),
  progress: z.object({ done: z.number(), total: z.number() }).nullable(),
  publishedAt: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type MatchRunView = z.infer<typeof MatchRunView>;

export const FitReasonsSchema = z.object({
  skillLevel: z.number().int(),
  minSkillLevel: z.number().int(),
  russianLevel: z.number().int(),
  minRussianLevel: z.number().int(),
  experienceYears: z.number().int(),
  minExperienceYears: z.number().int(),
  preferenceRank: z.number().int(),
  waitingDays: z.number().int(),
});

export const EntryView = z.object({
  id: z.uuid(),
  labourRequestId: z.uuid(),
  seatNo: z.number().int(),
  caseId: z.uuid(),
  position: z.number().int(),
  weight: z.number().int(),
  reasons: FitReasonsSchema,
  status: z.enum(['computed', 'proposed', 'selected', 'rejected', 'superseded', 'closed']),
  person: PersonSummary.nullable(),
});
export type EntryView = z.infer<typeof EntryView>;

export const RunComparison = z.object({
  a: MatchRunView,
  b: MatchRunView,
  perRequest: z.array(z.object({ labourRequestId: z.uuid(), assignedA: z.number().int(), assignedB: z.number().int() })),
  sameAssignments: z.number().int(),
  onlyInA: z.number().int(),
  onlyInB: z.number().int(),
});

export const OfferTermsSchema = z.object({
  occupation: z.string(),
  region: z.string(),
  sector: z.string(),
  wageRub: z.number().int(),
  hoursPerWeek: z.number().int(),
  housing: z.enum(['free', 'paid', 'none']),
  contractMonths: z.number().int(),
  startOn: z.string(),
  duties: z.string(),
  employerName: z.string(),
  employerLegalName: z.string(),
  employerInn: z.string(),
  employerOgrn: z.string(),
  employerKpp: z.string().nullable(),
  employerAddress: z.string(),
});

export const SignatureView = z.object({ party: z.enum(['employer', 'worker']), signedAt: z.string(), channel: z.enum(['session', 'token', 'import']) });

export const ContractView = z.object({
  id: z.uuid(),
  status: z.enum(['awaiting_signatures', 'signed']),
  sha256: z.string(),
  templateVersion: z.string(),
  signatures: z.array(SignatureView),
  signedAt: z.string().nullable(),
  sealedCredentialId: z.string().nullable(),
  createdAt: z.string(),
});
export type ContractView = z.infer<typeof ContractView>;

export const OfferView = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  labourRequestId: z.uuid(),
  seatNo: z.number().int(),
  status: OfferStatusSchema,
  terms: OfferTermsSchema,
  deadlineAt: z.string().nullable(),
  sentAt: z.string().nullable(),
  answeredAt: z.string().nullable(),
  createdAt: z.string(),
  person: PersonSummary.nullable(),
  contract: ContractView.nullable(),
});
export type OfferView = z.infer<typeof OfferView>;

export const SelectInput = z.object({ requestId: RequestId });
