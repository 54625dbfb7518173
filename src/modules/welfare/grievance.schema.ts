import { z } from 'zod';
import { GRIEVANCE_ACTIONS, GRIEVANCE_CATEGORIES, GRIEVANCE_STATUSES } from './grievance.workflow';

const RequestId = z
  .string()
  .min(8)
  .max(100)
  .regex(/^[A-Za-z0-9._:-]+$/);

export const AttachmentUpload = z.object({
  fileName: z.string().trim().min(1).max(200),
  /** The file, base64-encoded (up to 5 MiB once decoded). */
  dataBase64: z.string().min(4).max(7_000_000),
});

export const NewGrievance = z.object({
  caseId: z.uuid().optional(),
  category: z.enum(GRIEVANCE_CATEGORIES),
  message: z.string().trim().min(5).max(5000),
  attachments: z.array(AttachmentUpload).max(5).default([]),
  requestId: RequestId,
});
export type NewGrievance = z.infer<typeof NewGrievance>;

export const NewMessage = z.object({
  body: z.string().trim().min(1).max(5000),
  audience: z.enum(['worker', 'internal', 'employer']).optional(),
  attachments: z.array(AttachmentUpload).max(5).default([]),
  requestId: RequestId,
});
export type NewMessage = z.infer<typeof NewMessage>;

export const GrievanceActionRequest = z.object({
  action: z.enum(GRIEVANCE_ACTIONS),
  message: z.string().trim().min(1).max(5000).optional(),
  requestId: RequestId,
});
export type GrievanceActionRequest = z.infer<typeof GrievanceActionRequest>;

export const GrievanceSummary = z.object({
  id: z.uuid(),
  reference: z.string(),
  /** Null for an employer: the grievance does not tell it whose it is. */
  caseId: z.uuid().nullable(),
  category: z.enum(GRIEVANCE_CATEGORIES),
  status: z.enum(GRIEVANCE_STATUSES),
  source: z.enum(['worker', 'system']),
  language: z.enum(['tg', 'ru', 'en']),
  createdAt: z.string(),
  ackDueAt: z.string(),
  acknowledgedAt: z.string().nullable(),
  escalatedAt: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  /** Hours until acknowledgement is due (negative when late); null once acknowledged. */
  slaHoursLeft: z.number().nullable(),
  workerName: z.string().nullable(),
});

export const GrievanceMessage = z.object({
  id: z.uuid(),
  authorRole: z.string(),
  audience: z.enum(['worker', 'internal', 'employer']),
  body: z.string(),
  createdAt: z.string(),
  attachments: z.array(z.object({ id: z.uuid(), fileName: z.string(), contentType: z.string(), sizeBytes: z.number().int() })),
});

export const GrievanceDetail = GrievanceSummary.extend({
  messages: z.array(GrievanceMessage),
  allowedActions: z.array(z.enum(GRIEVANCE_ACTIONS)),
  employerContacted: z.boolean(),
});
export type GrievanceDetail = z.infer<typeof GrievanceDetail>;

export const GrievanceListQuery = z.object({
  status: z.enum(GRIEVANCE_STATUSES).optional(),
  escalated: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const GrievanceStats = z.object({
  employers: z.array(
    z.object({
      organizationId: z.uuid().nullable(),
      organizationName: z.string().nullable(),
      total: z.number().int(),
      open: z.number().int(),
      escalated: z.number().int(),
      byCategory: z.record(z.string(), z.number().int()),
      medianHoursToAcknowledge: z.number().nullable(),
    }),
  ),
});
