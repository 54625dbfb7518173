import { z } from 'zod';

export const RequestId = z
  .string()
  .min(8)
  .max(100)
  .regex(/^[A-Za-z0-9._:-]+$/);

export const EmployerRegistration = z.object({
  legalForm: z.enum(['organization', 'sole_proprietor']),
  legalName: z.string().trim().min(2).max(300),
  inn: z.string().trim().max(12),
  ogrn: z.string().trim().max(15),
  kpp: z.string().trim().max(9).nullish(),
  region: z.string().max(6),
  address: z.string().trim().min(5).max(500),
});
export type EmployerRegistration = z.infer<typeof EmployerRegistration>;

export const EmployerStatusSchema = z.enum(['pending', 'verified', 'suspended']);

export const EmployerView = z.object({
  organizationId: z.uuid(),
  organizationName: z.string(),
  legalForm: z.enum(['organization', 'sole_proprietor']),
  legalName: z.string(),
  inn: z.string(),
  ogrn: z.string(),
  kpp: z.string().nullable(),
  region: z.string(),
  address: z.string(),
  status: EmployerStatusSchema,
  statusReason: z.string().nullable(),
  verifiedAt: z.string().nullable(),
  registeredAt: z.string(),
});
export type EmployerView = z.infer<typeof EmployerView>;

/** What offices see of a verified employer when they choose one (no registration details beyond the INN). */
export const EmployerDirectoryEntry = z.object({
  organizationId: z.uuid(),
  legalName: z.string(),
  inn: z.string(),
  region: z.string(),
});

export const EmployerDecision = z.object({ reason: z.string().trim().min(3).max(1000).optional() });

export const QuotaView = z.object({
  year: z.number().int(),
  region: z.string(),
  occupation: z.string(),
  total: z.number().int(),
  used: z.number().int(),
  /** Seats of this bucket filled by signed contracts. */
  contracted: z.number().int(),
});
export type QuotaView = z.infer<typeof QuotaView>;

export const QuotaInput = z.object({
  year: z.number().int().min(2000).max(2100),
  region: z.string().max(6),
  occupation: z.string().regex(/^\d{4}$/),
  total: z.number().int().min(0).max(1_000_000),
});

export const SectorBanInput = z.object({
  region: z.string().max(6),
  sector: z.string().max(8),
  banned: z.boolean(),
  reason: z.string().trim().max(500).optional(),
});

export const LabourRequestInput = z.object({
  requestId: RequestId,
  occupation: z.string().max(4),
  region: z.string().max(6),
  sector: z.string().max(8),
  seats: z.number().int().min(1).max(10_000),
  wageRub: z.number().int().min(1).max(10_000_000),
  hoursPerWeek: z.number().int().min(1).max(40),
  housing: z.enum(['free', 'paid', 'none']),
  contractMonths: z.number().int().min(1).max(36),
  startOn: z.iso.date(),
  minSkillLevel: z.number().int().min(1).max(4),
  minRussianLevel: z.number().int().min(0).max(5),
  minExperienceYears: z.number().int().min(0).max(40),
  duties: z.string().trim().max(1000).default(''),
});
export type LabourRequestInput = z.infer<typeof LabourRequestInput>;

export const LabourRequestView = z.object({
  id: z.uuid(),
  employerOrganizationId: z.uuid(),
  employerName: z.string(),
  occupation: z.string(),
  region: z.string(),
  sector: z.string(),
  seats: z.number().int(),
  wageRub: z.number().int(),
  minimumWageRub: z.number().int(),
  hoursPerWeek: z.number().int(),
  housing: z.enum(['free', 'paid', 'none']),
  contractMonths: z.number().int(),
  startOn: z.iso.date(),
  minSkillLevel: z.number().int(),
  minRussianLevel: z.number().int(),
  minExperienceYears: z.number().int(),
  duties: z.string(),
  status: z.enum(['submitted', 'approved', 'rejected', 'withdrawn']),
  decisionReason: z.string().nullable(),
  decidedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type LabourRequestView = z.infer<typeof LabourRequestView>;

export const LabourRequestDecision = z.object({
  decision: z.enum(['approve', 'reject']),
  reason: z.string().trim().min(3).max(1000).optional(),
});
