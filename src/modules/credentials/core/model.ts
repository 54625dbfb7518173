/** The shapes shared by the issuer, the verifier core and the browser. Documented in the module README. */
export const HCERT_PREFIX = 'HC1:';
/** Key of Corridor's own claim inside the HCERT map (CWT claim -260). */
export const CLAIM_KEY = 1000;

export const VERIFICATION_REASONS = [
  'malformed',
  'unknown_issuer',
  'bad_signature',
  'issuer_not_trusted_at_signing_time',
  'revoked',
  'not_yet_valid',
  'expired',
] as const;
export type VerificationReason = (typeof VERIFICATION_REASONS)[number];

/** One issuer key of the trust list. Times are Unix seconds; `suspendedAt` ends trust from then on. */
export interface TrustedIssuer {
  readonly kid: string;
  readonly certificate: Uint8Array;
  readonly name: string;
  readonly country: string;
  readonly validFrom: number;
  readonly validUntil: number;
  readonly suspendedAt: number | null;
  /** Credential types this issuer may sign; when absent (DCC test vectors), any. */
  readonly types?: readonly string[];
}

export interface VerifiedCredential {
  readonly id: string;
  readonly type: string;
  readonly version: number;
  readonly claims: Record<string, unknown>;
  readonly issuedAt: string;
  readonly validFrom: string;
  readonly validUntil: string;
  readonly issuer: { readonly kid: string; readonly name: string; readonly country: string };
}

export type VerificationResult =
  | { readonly status: 'valid'; readonly credential: VerifiedCredential }
  | { readonly status: 'malformed'; readonly detail: string }
  | { readonly status: Exclude<VerificationReason, 'malformed'>; readonly kid?: string; readonly id?: string };
