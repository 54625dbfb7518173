/** Answers of the recruitment API, typed from the server's zod schemas. */
import type { z } from 'zod';
import type {
  CandidateProfile as CandidateProfileSchema,
  EntryView as EntryViewSchema,
  MatchRunView as MatchRunViewSchema,
  OfferView as OfferViewSchema,
  PoolCandidate as PoolCandidateSchema,
  RunComparison as RunComparisonSchema,
} from '../../../../src/modules/recruitment/recruitment.schema';

export type CandidateProfile = z.infer<typeof CandidateProfileSchema>;
export type EntryView = z.infer<typeof EntryViewSchema>;
export type MatchRunView = z.infer<typeof MatchRunViewSchema>;
export type OfferView = z.infer<typeof OfferViewSchema>;
export type PoolCandidate = z.infer<typeof PoolCandidateSchema>;
export type RunComparison = z.infer<typeof RunComparisonSchema>;
