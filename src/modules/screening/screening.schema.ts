import { z } from 'zod';
import { PersonSummary } from '../people';
import { REASON_CODES, NAME_PARTS } from './matching';

export const ReasonItem = z.object({
  code: z.enum(REASON_CODES),
  part: z.enum(NAME_PARTS).optional(),
  distance: z.number().optional(),
  from: z.string().optional(),
  to: z.string().optional(),
});

export const MatchStatusSchema = z.enum(['open', 'refusal_proposed', 'cleared', 'refused', 'superseded']);

export const ListEntry = z.object({
  listId: z.string(),
  name: z.string(),
  birthDate: z.string(),
  gender: z.string().nullable(),
  passportNumber: z.string().nullable(),
  nationality: z.string().nullable(),
});

export const ReviewItem = z.object({
  id: z.uuid(),
  status: MatchStatusSchema,
  decision: z.enum(['match', 'review']),
  score: z.number().min(0).max(1),
  reasons: z.array(ReasonItem),
  createdAt: z.string(),
  person: PersonSummary,
  caseId: z.uuid().nullable(),
  caseStatus: z.string().nullable(),
  entry: ListEntry,
  listVersion: z.number().int(),
  proposedByMe: z.boolean(),
  proposedAt: z.string().nullable(),
  proposalReason: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionReason: z.string().nullable(),
});
export type ReviewItem = z.infer<typeof ReviewItem>;

export const ReviewQuery = z.object({
  status: MatchStatusSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const DecisionBody = z.object({
  reason: z.string().trim().min(1).max(1000),
  requestId: z
    .string()
    .min(8)
    .max(100)
    .regex(/^[A-Za-z0-9._:-]+$/),
});

export const ListVersion = z.object({
  id: z.uuid(),
  version: z.number().int(),
  source: z.string(),
  entries: z.number().int(),
  importedAt: z.string(),
  inForce: z.boolean(),
  rescreen: z
    .object({
      jobId: z.number().int(),
      status: z.string(),
      progress: z.object({ done: z.number(), total: z.number() }).nullable(),
    })
    .nullable(),
});

export const ImportBody = z.object({
  source: z.string().trim().min(1).max(200),
  csv: z.string().min(1).max(50_000_000),
});

export const ImportResult = z.object({ versionId: z.uuid(), version: z.number().int(), entries: z.number().int(), jobId: z.number().int().nullable() });

export const JobStatus = z.object({
  id: z.number().int(),
  status: z.string(),
  progress: z.object({ done: z.number(), total: z.number() }).nullable(),
  finishedAt: z.string().nullable(),
});

export const CheckBody = z.object({
  name: z.string().trim().min(1).max(300),
  birthDate: z
    .string()
    .trim()
    .regex(/^(\d{4}(-\d{2}(-\d{2})?)?)?$/, 'YYYY-MM-DD, YYYY-MM, YYYY or empty')
    .default(''),
});

export const CheckResult = z.object({
  listVersion: z.number().int().nullable(),
  compared: z.number().int(),
  hits: z.array(z.object({ entry: ListEntry, decision: z.enum(['match', 'review']), score: z.number(), reasons: z.array(ReasonItem) })),
});
