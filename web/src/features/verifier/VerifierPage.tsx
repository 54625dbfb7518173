import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VerificationResult } from '../../../../src/modules/credentials/core/model';
import { verifyCredentialText } from '../../../../src/modules/credentials/core/verify';
import { formatDate } from '../../app/i18n';
import { browserCryptoPort } from './browser-crypto-port';
import { readQrFromCanvas, readQrFromFile } from './qr-reader';
import { loadCachedTrust, refreshTrust, type TrustState } from './trust-cache';
import { FilePicker } from '../../components/FilePicker';

/**
 * The public verifier: paste a code, upload a photo of the QR code or scan it with the camera. Verification
 * runs in the browser against the cached, signed trust list, so it works with the network off once loaded.
 */
export function VerifierPage() {
  const { t, i18n } = useTranslation();
  const [trust, setTrust] = useState<TrustState | undefined>();
  const [trustProblem, setTrustProblem] = useState(false);
  const [code, setCode] = useState('');
  const [result, setResult] = useState<VerificationResult | undefined>();
  const [unreadable, setUnreadable] = useState(false);

  useEffect(() => {
    if ('serviceWorker' in navigator) void navigator.serviceWorker.register('/sw.js').catch(() => undefined);
    let cancelled = false;
    void (async () => {
      const cached = await loadCachedTrust();
      if (!cancelled && cached) setTrust(cached);
      try {
        const fresh = await refreshTrust();
        if (!cancelled) setTrust(fresh);
      } catch {
        if (!cancelled && !cached) setTrustProblem(true);
      }
    })();
    return () => {
      cancelled = true;
    };
  }, []);

  const verify = useCallback(
    async (text: string) => {
      setUnreadable(false);
      if (!trust) return;
      setResult(await verifyCredentialText(text, trust.trust, trust.revocations, new Date(), browserCryptoPort));
    },
    [trust],
  );

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    const text = await readQrFromFile(file);
    if (!text) {
      setResult(undefined);
      setUnreadable(true);
      return;
    }
    setCode(text);
    await verify(text);
  };

  return (
    <section className="verifier" data-testid="verifier-page">
      <h1>{t('verifier.title')}</h1>
      <p className="muted">{t('verifier.intro')}</p>
      <div className="card small" data-testid="trust-status" data-trust-sequence={trust?.trustSequence ?? 0}>
        {trust ? (
          <span>
            {t('verifier.trust.loaded', {
              sequence: trust.trustSequence,
              revocations: trust.revocationSequence,
              date: formatDate(trust.fetchedAt, i18n.language),
            })}
          </span>
        ) : trustProblem ? (
          <span className="problem">{t('verifier.trust.missing')}</span>
        ) : (
          <span>{t('verifier.trust.loading')}</span>
        )}
      </div>
      <form
        className="card action-form"
        onSubmit={(e) => {
          e.preventDefault();
          void verify(code);
        }}
      >
        <label>
          {t('verifier.paste')}
          <textarea value={code} onChange={(e) => setCode(e.target.value)} rows={4} className="code" data-testid="verifier-code" />
        </label>
        <div className="button-row">
          <button type="submit" className="primary" disabled={!trust || !code.trim()} data-testid="verifier-submit">
            {t('verifier.verify')}
          </button>
          <label className="button secondary file-button">
            {t('verifier.upload')}
            <input type="file" accept="image/*" onChange={(e) => void onFile(e.target.files?.[0])} data-testid="verifier-upload" />
          </label>
          <CameraScanner
            onCode={(text) => {
              setCode(text);
              void verify(text);
            }}
          />
        </div>
      </form>
      {unreadable ? <p className="problem">{t('verifier.unreadable')}</p> : null}
      {result ? <ResultCard result={result} /> : null}
    </section>
  );
}

function CameraScanner({ onCode }: { onCode: (text: string) => void }) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const [active, setActive] = useState(false);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (!active) return;
    let stream: MediaStream | undefined;
    let frame = 0;
    const canvas = document.createElement('canvas');
    const context = canvas.getContext('2d', { willReadFrequently: true });
    const tick = () => {
      const v = video.current;
      if (v && context && v.readyState >= 2) {
        canvas.width = v.videoWidth;
        canvas.height = v.videoHeight;
        context.drawImage(v, 0, 0);
        const text = readQrFromCanvas(context, canvas.width, canvas.height);
        if (text) {
          setActive(false);
          onCode(text);
          return;
        }
      }
      frame = requestAnimationFrame(tick);
    };
    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: 'environment' } })
      .then((s) => {
        stream = s;
        if (video.current) {
          video.current.srcObject = s;
          void video.current.play();
        }
        frame = requestAnimationFrame(tick);
      })
      .catch(() => {
        setFailed(true);
        setActive(false);
      });
    return () => {
      cancelAnimationFrame(frame);
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, [active, onCode]);
  if (!navigator.mediaDevices?.getUserMedia) return null;
  return (
    <>
      <button type="button" className="secondary" onClick={() => setActive((a) => !a)}>
        {active ? t('verifier.camera_stop') : t('verifier.camera')}
      </button>
      {active ? <video ref={video} className="camera" muted playsInline /> : null}
      {failed ? <p className="problem">{t('verifier.camera_failed')}</p> : null}
    </>
  );
}

interface CredentialClaims {
  name?: { latin?: string; ru?: string; tg?: string };
  dob?: string;
  passport?: string | null;
  procedure?: { code?: string; version?: number };
  employer?: { name?: string; inn?: string };
  job?: { occupation?: string; region?: string };
  contract?: { sha256?: string; signedOn?: string; startOn?: string; months?: number };
  region?: string;
  contractSha256?: string;
  medicalValidUntil?: string;
  checks?: string[];
}

const HEADLINE: Record<string, string> = {
  medical_certificate: 'verifier.medical.meets',
  employment_contract: 'verifier.contract.headline',
  pre_departure_clearance: 'verifier.clearance.headline',
};

function ResultCard({ result }: { result: VerificationResult }) {
  const { t, i18n } = useTranslation();
  if (result.status !== 'valid') {
    return (
      <div className="card verdict invalid" data-testid="verifier-result" data-status={result.status}>
        <h2>{t('verifier.invalid')}</h2>
        <p>{t(`verifier.reason.${result.status}`)}</p>
      </div>
    );
  }
  const { credential } = result;
  const claims = credential.claims as CredentialClaims;
  const headline = HEADLINE[credential.type];
  return (
    <div className="card verdict valid" data-testid="verifier-result" data-status="valid" data-type={credential.type}>
      <h2>{t('verifier.valid')}</h2>
      <p>{headline ? t(headline) : t('verifier.other_type', { type: credential.type })}</p>
      <dl className="facts">
        <dt>{t('verifier.field.name')}</dt>
        <dd>
          <div lang="tg">{claims.name?.tg}</div>
          <div lang="ru">{claims.name?.ru}</div>
          <div>{claims.name?.latin}</div>
        </dd>
        <dt>{t('verifier.field.birth_date')}</dt>
        <dd>{claims.dob ? formatDate(claims.dob, i18n.language) : '—'}</dd>
        <dt>{t('verifier.field.passport')}</dt>
        <dd>{claims.passport ?? '—'}</dd>
        {claims.procedure ? (
          <>
            <dt>{t('verifier.field.procedure')}</dt>
            <dd>{`${claims.procedure.code} v${claims.procedure.version}`}</dd>
          </>
        ) : null}
        {claims.employer ? (
          <>
            <dt>{t('verifier.field.employer')}</dt>
            <dd>
              {claims.employer.name} · {t('verifier.field.inn')} {claims.employer.inn}
            </dd>
          </>
        ) : null}
        {claims.job || claims.region ? (
          <>
            <dt>{t('verifier.field.region')}</dt>
            <dd>{claims.job?.region ?? claims.region}</dd>
          </>
        ) : null}
        {claims.contract ? (
          <>
            <dt>{t('verifier.field.contract_term')}</dt>
            <dd>
              {t('verifier.contract.term', {
                months: claims.contract.months ?? 0,
                start: claims.contract.startOn ? formatDate(claims.contract.startOn, i18n.language) : '—',
              })}
            </dd>
          </>
        ) : null}
        {claims.medicalValidUntil ? (
          <>
            <dt>{t('verifier.field.medical_valid_until')}</dt>
            <dd>{formatDate(claims.medicalValidUntil, i18n.language)}</dd>
          </>
        ) : null}
        {claims.checks ? (
          <>
            <dt>{t('verifier.field.checks')}</dt>
            <dd>{claims.checks.map((c) => t(`verifier.check.${c}`)).join(' · ')}</dd>
          </>
        ) : null}
        <dt>{t('verifier.field.issued')}</dt>
        <dd>{formatDate(credential.issuedAt, i18n.language)}</dd>
        <dt>{t('verifier.field.valid_until')}</dt>
        <dd>{formatDate(credential.validUntil, i18n.language)}</dd>
        <dt>{t('verifier.field.issuer')}</dt>
        <dd>
          {credential.issuer.name} ({credential.issuer.country})
        </dd>
      </dl>
      {claims.contract?.sha256 || claims.contractSha256 ? <ContractCompare sha256={(claims.contract?.sha256 ?? claims.contractSha256) as string} /> : null}
    </div>
  );
}

/** Hash a contract file here, in the browser, and compare it with the sealed hash: substitution shows. */
function ContractCompare({ sha256 }: { sha256: string }) {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState<'same' | 'different' | null>(null);
  const compare = async (file: File | undefined) => {
    if (!file) return;
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', await file.arrayBuffer()));
    const hex = [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
    setOutcome(hex === sha256 ? 'same' : 'different');
  };
  return (
    <div className="compare">
      <FilePicker label={t('verifier.contract.compare')} accept="application/pdf" onFiles={([file]) => void compare(file)} testId="compare-contract" />
      {outcome ? (
        <p className={outcome === 'same' ? 'ok-note' : 'problem'} data-testid="compare-outcome" data-outcome={outcome}>
          {t(outcome === 'same' ? 'verifier.contract.same' : 'verifier.contract.different')}
        </p>
      ) : null}
      <p className="muted small">
        SHA-256 <code>{sha256}</code>
      </p>
    </div>
  );
}
