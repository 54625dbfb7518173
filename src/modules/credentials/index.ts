/**
 * Credentials: issuer keys (a health-authority root, one signer per signing point), signed credentials in the
 * HCERT container, the signed trust and revocation lists, QR rendering and the verifier core. Generic: each
 * credential type registers its versioned claim schema (see README.md).
 */
import type { Db } from '../../platform/database/database';
import type { RouteDefinition } from '../../platform/http/route';
import type { KeyVault } from './issuer-key.service';
import { credentialRoutes } from './credential.routes';

export { credentialsPermissions } from './credentials.permissions';
export {
  issueCredential,
  revokeCredential,
  reissueCredential,
  verifyCredential,
  loadPublishedTrust,
  findCredential,
  findLatestCredential,
  hasValidCredential,
  validCredentialExpirySql,
  openTrustMaterial,
  renderQrPng,
  type IssueCredentialInput,
  type IssuedCredential,
  type TrustMaterial,
} from './credential.service';
export {
  ensureRootKey,
  createSignerKey,
  ensureSignerKey,
  suspendSignerKeys,
  findActiveSignerKey,
  publishTrustList,
  publishRevocationList,
  findLatestSignedList,
  kidOfCertificate,
  type KeyVault,
} from './issuer-key.service';
export { defineCredentialType, getCredentialType, MEDICAL_CERTIFICATE, MedicalCertificateClaimsV1, type CredentialType } from './credential.types';
export { readQrFromPng, isPng } from './qr-image';
export { runConformance, CONFORMANCE_STEPS, type StepOutcome } from './conformance';
export { verifyCredentialText, credentialIdHash, type TrustStore, type RevocationSet } from './core/verify';
export { openSignedList, trustStoreFrom, revocationSetFrom, type SignedList, type TrustListDocument, type RevocationListDocument } from './core/signed-list';
export {
  VERIFICATION_REASONS,
  HCERT_PREFIX,
  type VerificationResult,
  type VerificationReason,
  type VerifiedCredential,
  type TrustedIssuer,
} from './core/model';
export { nodeCryptoPort } from './node-crypto-port';
export type { RevocationReason } from './credential.tables';

export function credentialsRoutes(db: Db, vault: KeyVault): RouteDefinition[] {
  return credentialRoutes(db, vault);
}
