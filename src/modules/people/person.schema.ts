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
