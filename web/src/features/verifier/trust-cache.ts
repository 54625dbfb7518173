import { fromBase64 } from '../../../../src/modules/credentials/core/port';
import {
  openSignedList,
  revocationSetFrom,
  trustStoreFrom,
  type RevocationListDocument,
  type SignedList,
  type TrustListDocument,
} from '../../../../src/modules/credentials/core/signed-list';
import type { RevocationSet, TrustStore } from '../../../../src/modules/credentials/core/verify';
import { browserCryptoPort } from './browser-crypto-port';

/**
 * The verifier's offline material: the signed trust list and revocation list, kept in localStorage and
 * checked against the root pinned on first use. A refresh that fails (offline) keeps the cached lists.
 */
const KEYS = {
  root: 'corridor.verifier.root',
  trust: 'corridor.verifier.trust_list',
  revocations: 'corridor.verifier.revocations',
  fetchedAt: 'corridor.verifier.fetched_at',
};

export interface TrustState {
  readonly trust: TrustStore;
  readonly revocations: RevocationSet;
  readonly trustSequence: number;
  readonly revocationSequence: number;
  readonly issuedAt: string;
  readonly fetchedAt: string;
}

async function open(trustEnvelope: SignedList, revocationEnvelope: SignedList, root: Uint8Array, fetchedAt: string): Promise<TrustState> {
  const trustDoc = await openSignedList<TrustListDocument>(trustEnvelope, 'trust_list', browserCryptoPort, root);
  const revocationDoc = await openSignedList<RevocationListDocument>(revocationEnvelope, 'revocation_list', browserCryptoPort, root);
  return {
    trust: trustStoreFrom(trustDoc),
    revocations: revocationSetFrom(revocationDoc),
    trustSequence: trustDoc.sequence,
    revocationSequence: revocationDoc.sequence,
    issuedAt: trustDoc.issuedAt,
    fetchedAt,
  };
}

export async function loadCachedTrust(): Promise<TrustState | undefined> {
  const [root, trust, revocations, fetchedAt] = [KEYS.root, KEYS.trust, KEYS.revocations, KEYS.fetchedAt].map((k) => localStorage.getItem(k));
  if (!root || !trust || !revocations || !fetchedAt) return undefined;
  try {
    return await open(JSON.parse(trust) as SignedList, JSON.parse(revocations) as SignedList, fromBase64(root), fetchedAt);
  } catch {
    return undefined;
  }
}

/** Fetch both lists, check them against the pinned root (pinning it the first time), and cache them. */
export async function refreshTrust(): Promise<TrustState> {
  const get = async (url: string) => {
    const response = await fetch(url, { headers: { accept: 'application/json' }, cache: 'no-store' });
    if (!response.ok) throw new Error(`fetch ${url}: ${response.status}`);
    return (await response.json()) as SignedList;
  };
  const [trust, revocations] = await Promise.all([get('/api/credentials/trust-list'), get('/api/credentials/revocations')]);
  const pinned = localStorage.getItem(KEYS.root) ?? trust.root;
  const fetchedAt = new Date().toISOString();
  const state = await open(trust, revocations, fromBase64(pinned), fetchedAt);
  localStorage.setItem(KEYS.root, pinned);
  localStorage.setItem(KEYS.trust, JSON.stringify(trust));
  localStorage.setItem(KEYS.revocations, JSON.stringify(revocations));
  localStorage.setItem(KEYS.fetchedAt, fetchedAt);
  return state;
}
