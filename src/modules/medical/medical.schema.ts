import { z } from 'zod';

/** Request and response shapes of the medical API (zod at the edge; the UI types come from here). */
const Time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM');
const Day = z.iso.date();
export const RequestId = z.string().min(8).max(100);

export const TEST_CODES = ['tuberculosis', 'hiv', 'syphilis', 'leprosy', 'covid19', 'drugs'] as const;
export const TestCode = z.enum(TEST_CODES);

export const NewClinic = z.object({
  organizationId: z.uuid(),
  name: z.string().trim().min(3).max(200),
  address: z.string().trim().min(3).max(300),
  dailyCapacity: z.number().int().min(1).max(2000),
  opensAt: Time,
  closesAt: Time,
  workingDays: z.array(z.number().int().min(1).max(7)).min(1).max(7),
});
export type NewClinic = z.infer<typeof NewClinic>;

export const ClinicView = z.object({
  id: z.uuid(),
  organizationId: z.uuid(),
  name: z.string(),
  address: z.string(),
  dailyCapacity: z.number(),
  opensAt: z.string(),
  closesAt: z.string(),
  workingDays: z.array(z.number()),
  status: z.enum(['pending', 'approved', 'suspended']),
  statusChangedAt: z.string(),
});
export type ClinicView = z.infer<typeof ClinicView>;

export const NewProcedureVersion = z.object({
  code: z.string().regex(/^[A-Z0-9-]{2,40}$/),
  title: z.string().trim().min(3).max(200),
  tests: z
    .array(z.object({ code: TestCode, disqualifying: z.array(z.enum(['negative', 'positive'])).min(1) }))
    .min(1)
    .refine((tests) => new Set(tests.map((t) => t.code)).size === tests.length, 'each test once'),
  validityMonths: z.number().int().min(1).max(60),
  renewalWindowDays: z.number().int().min(1).max(180),
});
export type NewProcedureVersion = z.infer<typeof NewProcedureVersion>;

export const ProcedureView = z.object({
  id: z.uuid(),
  code: z.string(),
  version: z.number(),
  title: z.string(),
  tests: z.array(z.object({ code: z.string(), disqualifying: z.array(z.string()) })),
  validityMonths: z.number(),
  renewalWindowDays: z.number(),
  status: z.enum(['draft', 'approved', 'retired']),
  approvedAt: z.string().nullable(),
});
export type ProcedureView = z.infer<typeof ProcedureView>;

export const BookingRequest = z.object({ caseId: z.uuid(), day: Day, requestId: RequestId });
export const RescheduleRequest = z.object({ day: Day, requestId: RequestId });

/** What an applicant sees of his examination: the state only, never a result. */
export const MyMedical = z.object({
  caseId: z.uuid().nullable(),
  caseStatus: z.string().nullable(),
  canBook: z.boolean(),
  bookableDays: z.array(z.object({ day: Day, open: z.boolean() })),
  appointment: z
    .object({
      id: z.uuid(),
      day: Day,
      status: z.enum(['booked', 'examined']),
      canChange: z.boolean(),
      clinic: z.object({ name: z.string(), address: z.string(), opensAt: z.string(), closesAt: z.string() }),
    })
    .nullable(),
  state: z.enum(['not_booked', 'booked', 'in_progress', 'cleared', 'not_cleared']),
  certificate: z
    .object({ id: z.uuid(), issuedAt: z.string(), validUntil: z.string(), status: z.enum(['valid', 'expired', 'revoked']), code: z.string() })
    .nullable(),
});
export type MyMedical = z.infer<typeof MyMedical>;

export const DayListItem = z.object({
  appointmentId: z.uuid(),
  day: Day,
  status: z.enum(['booked', 'examined']),
  name: z.object({ latin: z.string(), origin: z.string(), destination: z.string() }),
  birthDate: Day,
  examId: z.uuid().nullable(),
  examStatus: z.enum(['in_progress', 'cleared', 'not_cleared']).nullable(),
  resultsRecorded: z.number(),
});
export const DayList = z.object({ day: Day, clinic: z.object({ id: z.uuid(), name: z.string() }), items: z.array(DayListItem) });
export type DayList = z.infer<typeof DayList>;

export const ResultEntry = z.object({
  results: z
    .array(z.object({ test: TestCode, outcome: z.enum(['negative', 'positive']) }))
    .min(1)
    .max(TEST_CODES.length),
});
export const SignOffRequest = z.object({ requestId: RequestId, referredTo: z.string().trim().min(3).max(300).optional() });

/** An exam as the health roles see it: results per test, sign-off, referral. */
export const ExamView = z.object({
  appointmentId: z.uuid(),
  examId: z.uuid().nullable(),
  day: Day,
  clinic: z.object({ id: z.uuid(), name: z.string() }),
  person: z.object({ latin: z.string(), origin: z.string(), destination: z.string(), birthDate: Day }),
  procedure: z.object({ code: z.string(), version: z.number(), title: z.string() }),
  status: z.enum(['not_started', 'in_progress', 'cleared', 'not_cleared']),
  tests: z.array(z.object({ code: z.string(), outcome: z.enum(['negative', 'positive']).nullable(), recordedByMe: z.boolean() })),
  signedOffAt: z.string().nullable(),
  referral: z.object({ referredTo: z.string(), findings: z.array(z.string()) }).nullable(),
  certificateId: z.uuid().nullable(),
  canSignOff: z.boolean(),
});
export type ExamView = z.infer<typeof ExamView>;

export const ClinicStats = z.object({
  clinics: z.array(
    z.object({
      clinicId: z.uuid(),
      name: z.string(),
      status: z.enum(['pending', 'approved', 'suspended']),
      examined: z.number(),
      cleared: z.number(),
      notCleared: z.number(),
      passRate: z.number().nullable(),
      upcoming: z.number(),
    }),
  ),
  overallPassRate: z.number().nullable(),
});
export type ClinicStats = z.infer<typeof ClinicStats>;
