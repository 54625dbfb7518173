import { X509Certificate, randomUUID } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import fc from 'fast-check';
import { PNG } from 'pngjs';
import jsQR from 'jsqr';
import { describe, expect, test } from 'vitest';
import { decodeBase45, encodeBase45 } from './core/base45';
import { certificateSpki } from './core/der';
import type { CredentialBody } from './core/issue';
import { VERIFICATION_REASONS } from './core/model';
import { renderQrPng, verifyCredential } from './credential.service';
import { createMemoryIssuer, createMemoryRoot, encodeWith } from './test-issuers';

const root = createMemoryRoot();
const clinic = createMemoryIssuer(root, { name: 'Clinic One' });
const trust = { issuers: new Map([[clinic.trusted.kid, clinic.trusted]]) };
const noRevocations = { hashes: new Set<string>() };
const now = new Date();
const t = Math.floor(now.getTime() / 1000);

function body(overrides: Partial<CredentialBody> = {}): CredentialBody {
  return {
    id: randomUUID(),
    type: 'medical_certificate',
    version: 1,
    claims: {
      name: { latin: 'RAHMONOV JAMSHED', ru: 'Рахмонов Джамшед Саидович', tg: 'Раҳмонов Ҷамшед Саидович' },
      dob: '1990-04-12',
      passport: '400007919',
      procedure: { code: 'RU-MOH-FW', version: 1 },
      result: 'meets_requirements',
    },
    issuerCountry: 'TJ',
    issuedAt: t - 60,
    validFrom: t - 60,
    validUntil: t + 365 * 86_400,
    ...overrides,
  };
}

describe('X.509 issuer certificates', () => {
  test('the signer certificate is issued by the root and its public key is the signer key', () => {
    const cert = new X509Certificate(clinic.trusted.certificate);
    const rootCert = new X509Certificate(root.certificate);
    expect(cert.verify(rootCert.publicKey)).toBe(true);
    expect(rootCert.verify(rootCert.publicKey)).toBe(true);
    expect(rootCert.ca).toBe(true);
    expect(cert.ca).toBe(false);
    expect(cert.checkIssued(rootCert)).toBe(true);
    expect(Buffer.from(certificateSpki(clinic.trusted.certificate)).equals(clinic.publicKey.export({ type: 'spki', format: 'der' }))).toBe(true);
    expect(cert.subject).toContain('Clinic One');
  });
});

describe('Base45', () => {
  test('round-trips any bytes and refuses characters outside the alphabet', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expect(decodeBase45(encodeBase45(bytes))).toEqual(bytes);
      }),
    );
    expect(decodeBase45('abc')).toBeUndefined();
    expect(decodeBase45('GGW')).toBeUndefined(); // 65535 < value
    expect(encodeBase45(new TextEncoder().encode('ietf!'))).toBe('QED8WEX0');
  });
});

describe('verifyCredential', () => {
  test('answers valid with the disclosed claims for a credential it trusts', async () => {
    const b = body();
    const result = await verifyCredential(encodeWith(clinic, b), trust, noRevocations, now);
    expect(result).toMatchObject({
      status: 'valid',
      credential: { id: b.id, type: 'medical_certificate', version: 1, issuer: { name: 'Clinic One', country: 'TJ' } },
    });
    if (result.status === 'valid') expect(result.credential.claims).toEqual(b.claims);
  });

  test('a flipped byte anywhere in the code yields a precise reason, never valid', async () => {
    const code = encodeWith(clinic, body());
    const compressed = decodeBase45(code.slice(4)) as Uint8Array;
    for (let i = 0; i < compressed.length; i += 1) {
      const copy = compressed.slice();
      copy[i] = (copy[i] as number) ^ 0x01;
      const result = await verifyCredential(`HC1:${encodeBase45(copy)}`, trust, noRevocations, now);
      expect(result.status, `byte ${i}`).not.toBe('valid');
      expect(VERIFICATION_REASONS).toContain(result.status);
    }
  });

  test('a flipped bit in the signed content is a bad signature', async () => {
    const b = body();
    // Re-sign nothing: tamper the payload inside a correctly framed message.
    const code = encodeWith({ signer: { kid: clinic.signer.kid, sign: (data) => clinic.signer.sign(data) } }, b);
    const { inflateSync } = await import('node:zlib');
    const cose = inflateSync(decodeBase45(code.slice(4)) as Uint8Array);
    const at = cose.indexOf(Buffer.from('RAHMONOV'));
    cose[at] = 'X'.charCodeAt(0);
    const result = await verifyCredential(`HC1:${encodeBase45(deflateSync(cose))}`, trust, noRevocations, now);
    expect(result.status).toBe('bad_signature');
  });

  test('a payload re-signed with an unknown key is unknown_issuer; a swapped kid is bad_signature', async () => {
    const stranger = createMemoryIssuer(createMemoryRoot());
    expect((await verifyCredential(encodeWith(stranger, body()), trust, noRevocations, now)).status).toBe('unknown_issuer');
    const swapped = encodeWith({ signer: { kid: clinic.signer.kid, sign: stranger.signer.sign } }, body());
    expect((await verifyCredential(swapped, trust, noRevocations, now)).status).toBe('bad_signature');
  });

  test('expired, not yet valid and revoked credentials each answer their reason', async () => {
    expect(
      (
        await verifyCredential(
          encodeWith(clinic, body({ issuedAt: t - 400 * 86_400, validFrom: t - 400 * 86_400, validUntil: t - 10 })),
          trust,
          noRevocations,
          now,
        )
      ).status,
    ).toBe('expired');
    expect((await verifyCredential(encodeWith(clinic, body({ validFrom: t + 3600 })), trust, noRevocations, now)).status).toBe('not_yet_valid');
    const b = body();
    const { createHash } = await import('node:crypto');
    const revoked = { hashes: new Set([createHash('sha256').update(b.id).digest().subarray(0, 16).toString('hex')]) };
    expect((await verifyCredential(encodeWith(clinic, b), trust, revoked, now)).status).toBe('revoked');
  });

  test('a credential signed after its clinic was suspended is not trusted at signing time', async () => {
    const suspended = { ...clinic.trusted, suspendedAt: t - 3600 };
    const store = { issuers: new Map([[clinic.trusted.kid, suspended]]) };
    expect((await verifyCredential(encodeWith(clinic, body({ issuedAt: t - 60 })), store, noRevocations, now)).status).toBe(
      'issuer_not_trusted_at_signing_time',
    );
    // One signed before the suspension stays valid.
    expect((await verifyCredential(encodeWith(clinic, body({ issuedAt: t - 7200, validFrom: t - 7200 })), store, noRevocations, now)).status).toBe('valid');
  });

  test('random and mutated strings never crash the decoder and always give a reason', async () => {
    const good = encodeWith(clinic, body());
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ maxLength: 400 }),
          fc.string({ unit: fc.constantFrom(...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:'), maxLength: 600 }).map((s) => `HC1:${s}`),
          fc
            .tuple(fc.nat(good.length - 1), fc.constantFrom(...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:'))
            .map(([i, c]) => good.slice(0, i) + c + good.slice(i + 1)),
          fc.nat(good.length).map((n) => good.slice(0, n)),
          fc.uint8Array({ maxLength: 300 }).map((bytes) => `HC1:${encodeBase45(deflateSync(bytes))}`),
        ),
        async (text) => {
          const result = await verifyCredential(text, trust, noRevocations, now);
          expect(['valid', ...VERIFICATION_REASONS]).toContain(result.status);
          if (result.status === 'valid') expect(text).toBe(good);
        },
      ),
      { numRuns: 400, seed: 3 },
    );
  });
});

describe('renderQrPng', () => {
  test('renders a QR code that reads back to the exact credential text', async () => {
    const code = encodeWith(clinic, body());
    const png = PNG.sync.read(await renderQrPng(code));
    const read = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
    expect(read?.data).toBe(code);
  });
});

describe('readQrFromPng', () => {
  test('random and mutated images never crash the reader; a broken image gives malformed, not a crash', async () => {
    const { readQrFromPng } = await import('./qr-image');
    const good = await renderQrPng(encodeWith(clinic, body()), 240);
    fc.assert(
      fc.property(
        fc.oneof(
          fc.uint8Array({ maxLength: 2000 }),
          fc.tuple(fc.nat(good.length - 1), fc.integer({ min: 0, max: 255 })).map(([i, b]) => {
            const copy = Buffer.from(good);
            copy[i] = b;
            return copy;
          }),
          fc.nat(good.length).map((n) => good.subarray(0, n)),
        ),
        (bytes) => {
          const text = readQrFromPng(bytes);
          expect(text === undefined || typeof text === 'string').toBe(true);
        },
      ),
      { numRuns: 150, seed: 7 },
    );
    const text = readQrFromPng(good);
    expect(text?.startsWith('HC1:')).toBe(true);
    expect((await verifyCredential(readQrFromPng(Buffer.from('not a png')) ?? '', trust, noRevocations, now)).status).toBe('malformed');
  });
});

describe('sealPrivateKey', () => {
  test('opens only with the same key-encryption key and the same key id', async () => {
    const { sealPrivateKey, openPrivateKey } = await import('./key-vault');
    const kek = Buffer.alloc(32, 9).toString('base64');
    const sealed = sealPrivateKey(clinic.privateKey, kek, 'key-1');
    expect(openPrivateKey(sealed, kek, 'key-1').export({ format: 'jwk' })).toEqual(clinic.privateKey.export({ format: 'jwk' }));
    expect(() => openPrivateKey(sealed, Buffer.alloc(32, 8).toString('base64'), 'key-1')).toThrow();
    expect(() => openPrivateKey(sealed, kek, 'key-2')).toThrow();
    expect(sealed.includes(clinic.privateKey.export({ type: 'pkcs8', format: 'der' }).subarray(-32))).toBe(false);
  });
});
