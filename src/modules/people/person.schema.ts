import { z } from 'zod';

const namePart = z.string().trim().min(1).max(100);

/** A name in one script: surname, given names and (in Cyrillic forms) an optional patronymic. */
export const ScriptName = z.object({
  surname: namePart,
  givenNames: namePart,
  patronymic: namePart.nullable().optional(),
});
export type ScriptName = z.infer<typeof ScriptName>;

/** The three stored forms; every document Corridor issues prints these, so they never disagree. */
export const PersonNames = z.object({
  latin: z.object({
    surname: z.string().regex(/^[A-Z][A-Z '-]*$/, 'capital Latin letters as in the MRZ'),
    givenNames: z.string().regex(/^[A-Z][A-Z '-]*$/, 'capital Latin letters as in the MRZ'),
  }),
  origin: ScriptName,
  destination: ScriptName,
});
export type PersonNames = z.infer<typeof PersonNames>;

export const IsoDate = z.iso.date();

export const NewPerson = z.object({
  names: PersonNames,
  birthDate: IsoDate,
  gender: z.enum(['M', 'F', 'X']),
  citizenship: z.string().regex(/^[A-Z]{3}$/),
  passportNumber: z
    .string()
    .regex(/^[A-Z0-9<]{1,9}$/)
    .nullable()
    .optional(),
  passportExpiry: IsoDate.nullable().optional(),
  phone: z
    .string()
    .regex(/^\+[1-9]\d{6,14}$/)
    .nullable()
    .optional(),
  email: z.email().nullable().optional(),
});
export type NewPerson = z.infer<typeof NewPerson>;

export const PersonSummary = z.object({
  id: z.uuid(),
  names: PersonNames,
  birthDate: IsoDate,
  gender: z.enum(['M', 'F', 'X']),
});
export type PersonSummary = z.infer<typeof PersonSummary>;

const cyrillicPart = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[\p{Script=Cyrillic}]+(?:[ '-][\p{Script=Cyrillic}]+)*$/u, 'letters of the Cyrillic alphabet');

/** Public sign-up: the passport's MRZ, the name in Tajik Cyrillic, contacts and a password. */
export const Registration = z.object({
  mrz: z.string().min(1).max(300),
  name: z.object({ surname: cyrillicPart, givenNames: cyrillicPart, patronymic: cyrillicPart.nullable().optional() }),
  email: z.email().max(200),
  phone: z
    .string()
    .regex(/^\+[1-9]\d{6,14}$/, 'international format, e.g. +992901234567')
    .nullable()
    .optional(),
  password: z.string().min(10).max(200),
  locale: z.enum(['tg', 'ru', 'en']).default('tg'),
  corridorCode: z
    .string()
    .regex(/^[A-Z]{2}-[A-Z]{2}$/)
    .default('TJ-RU'),
});
export type Registration = z.infer<typeof Registration>;

export const Registered = z.object({ personId: z.uuid(), caseId: z.uuid(), userId: z.uuid() });

export const DestinationNameCorrection = z.object({
  surname: cyrillicPart,
  givenNames: cyrillicPart,
  patronymic: cyrillicPart.nullable().optional(),
  reason: z.string().trim().min(1).max(500),
});
export type DestinationNameCorrection = z.infer<typeof DestinationNameCorrection>;

export const ReasonItem = z.object({
  code: z.string(),
  part: z.string().optional(),
  distance: z.number().optional(),
  from: z.string().optional(),
  to: z.string().optional(),
});

export const DuplicateCandidate = z.object({
  id: z.uuid(),
  status: z.enum(['open', 'merged', 'kept_apart']),
  score: z.number().min(0).max(1),
  reasons: z.array(ReasonItem),
  person: PersonSummary,
  candidate: PersonSummary,
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
});
export type DuplicateCandidate = z.infer<typeof DuplicateCandidate>;

export const PersonDetail = PersonSummary.extend({
  citizenship: z.string(),
  passport: z.object({ number: z.string().nullable(), issuingState: z.string().nullable(), expiry: IsoDate.nullable() }),
  destinationCorrectedAt: z.string().nullable(),
  mergedIntoPersonId: z.uuid().nullable(),
  duplicates: z.array(DuplicateCandidate),
});
export type PersonDetail = z.infer<typeof PersonDetail>;
