import { z } from 'zod';
import { PersonSummary } from '../people';
import { DEADLINE_KINDS } from './case.deadlines';
import { CASE_ACTIONS, CASE_STATUSES } from './case.workflow';

export const CaseStatusSchema = z.enum(CASE_STATUSES);
export const CaseActionSchema = z.enum(CASE_ACTIONS);

export const CaseActionRequest = z.object({
  action: CaseActionSchema,
  /** Client-generated idempotency key; a retry with the same key changes nothing and answers the same. */
  requestId: z
    .string()
    .min(8)
    .max(100)
    .regex(/^[A-Za-z0-9._:-]+$/),
  reason: z.string().trim().min(1).max(1000).optional(),
  /** Date the fact happened (departure, arrival), YYYY-MM-DD; today in the relevant time zone if absent. */
  occurredOn: z.iso.date().optional(),
});
export type CaseActionRequest = z.infer<typeof CaseActionRequest>;

export const DeadlineSchema = z.object({
  kind: z.enum(DEADLINE_KINDS),
  dueOn: z.iso.date(),
  daysLeft: z.number().int(),
  state: z.enum(['upcoming', 'due_soon', 'overdue']),
});

export const TimelineEntry = z.object({
  action: CaseActionSchema,
  fromStatus: CaseStatusSchema,
  toStatus: CaseStatusSchema,
  actorRole: z.string(),
  reason: z.string().nullable(),
  at: z.string(),
});

export const NEXT_STEPS = [
  'book_medical',
  'attend_medical',
  'see_doctor',
  'await_screening',
  'await_screening_review',
  'complete_pool_requirements',
  'await_shortlist',
  'await_employer_choice',
  'await_offer',
  'answer_offer',
  'prepare_departure',
  'confirm_arrival',
  'register_and_apply_patent',
  'start_work',
  'keep_patent_paid',
  'none',
] as const;

export const CaseSummary = z.object({
  id: z.uuid(),
  status: CaseStatusSchema,
  statusChangedAt: z.string(),
  corridorCode: z.string(),
  round: z.object({ id: z.uuid(), name: z.string(), closesOn: z.iso.date() }),
  person: PersonSummary,
});
export type CaseSummary = z.infer<typeof CaseSummary>;

export const CaseDetail = CaseSummary.extend({
  employerOrganizationId: z.uuid().nullable(),
  departedOn: z.iso.date().nullable(),
  arrivedOn: z.iso.date().nullable(),
  version: z.number().int(),
  timeline: z.array(TimelineEntry),
  allowedActions: z.array(CaseActionSchema),
  nextStep: z.object({ code: z.enum(NEXT_STEPS), deadline: DeadlineSchema.nullable() }),
  deadlines: z.array(DeadlineSchema),
});
export type CaseDetail = z.infer<typeof CaseDetail>;

export const CaseListQuery = z.object({
  status: CaseStatusSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});

export const CaseList = z.object({
  items: z.array(CaseSummary),
  nextCursor: z.string().nullable(),
  countsByStatus: z.record(z.string(), z.number().int()),
});
