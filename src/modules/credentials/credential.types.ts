import { z } from 'zod';
import { DomainError } from '../../platform/errors';

/**
 * Credential types and their claim schemas, versioned. A type's claims are exactly what a verifier is shown;
 * the README documents each. Other modules register their types (a contract, a pre-departure clearance) with
 * `defineCredentialType`; the medical certificate is defined here because the verifier renders it.
 */
export interface CredentialType<S extends z.ZodType = z.ZodType> {
  readonly type: string;
  readonly version: number;
  readonly claims: S;
}

const types = new Map<string, CredentialType>();

export function defineCredentialType<S extends z.ZodType>(definition: CredentialType<S>): CredentialType<S> {
  if (!/^[a-z][a-z_]*$/.test(definition.type)) throw new Error(`credential type must be snake_case: ${definition.type}`);
  types.set(`${definition.type}@${definition.version}`, definition);
  return definition;
}

export function getCredentialType(type: string, version: number): CredentialType {
  const found = types.get(`${type}@${version}`);
  if (!found) throw new DomainError('credential.invalid', { detail: `unknown credential type ${type} v${version}` });
  return found;
}

const NameForms = z.object({
  /** Latin, as in the passport MRZ: SURNAME GIVEN NAMES. */
  latin: z.string().min(1).max(120),
  /** Russian Cyrillic, as on Russian documents. */
  ru: z.string().min(1).max(160),
  /** Tajik Cyrillic. */
  tg: z.string().min(1).max(160),
});

/** Medical certificate, version 1 (DESIGN.md section 5): who, which procedure, "meets the requirements". No diagnosis. */
export const MedicalCertificateClaimsV1 = z.object({
  name: NameForms,
  dob: z.iso.date(),
  passport: z.string().max(20).nullable(),
  procedure: z.object({ code: z.string().min(1).max(40), version: z.number().int().positive() }),
  result: z.literal('meets_requirements'),
});
export type MedicalCertificateClaimsV1 = z.infer<typeof MedicalCertificateClaimsV1>;

export const MEDICAL_CERTIFICATE = defineCredentialType({ type: 'medical_certificate', version: 1, claims: MedicalCertificateClaimsV1 });
