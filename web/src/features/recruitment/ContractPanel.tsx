import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { formatDate } from '../../app/i18n';
import { useMe } from '../../app/session';
import { ProblemMessage } from '../../components/ProblemMessage';
import type { OfferView } from './types';
import { readFileAsBase64 } from '../welfare/files';
import { FilePicker } from '../../components/FilePicker';

type Contract = NonNullable<OfferView['contract']>;

/** SHA-256 of the PDF this browser downloaded, so the signature covers the document the signer received. */
async function hashOfPdf(contract: Contract): Promise<string> {
  if (!globalThis.crypto?.subtle) return contract.sha256;
  const response = await fetch(`/api/contracts/${contract.id}/pdf`, { credentials: 'same-origin' });
  const digest = await crypto.subtle.digest('SHA-256', await response.arrayBuffer());
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The contract of an accepted offer: download, hash, who signed when, and the caller's signature. */
/**
 * A contract with its signatures, seal and actions. `folded` (lists of many contracts) puts the hash, the seal's
 * QR code and the arrival check of a signed contract behind one disclosure, so the list stays readable.
 */
export function ContractPanel({ contract, folded = false }: { contract: Contract; folded?: boolean }) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const client = useQueryClient();
  const party = me.role === 'employer' ? 'employer' : me.role === 'applicant' ? 'worker' : null;
  const signed = (p: 'employer' | 'worker') => contract.signatures.find((s) => s.party === p);
  const sign = useMutation({
    mutationFn: async () => api('POST', `/api/contracts/${contract.id}/sign`, { sha256: await hashOfPdf(contract) }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['offers'] });
      void client.invalidateQueries({ queryKey: ['case'] });
      void client.invalidateQueries({ queryKey: ['cases'] });
    },
  });
  const sealBlock = (
    <>
      <p className="muted small hash">
        {t('recruitment.contract.hash')}: <code>{contract.sha256}</code>
      </p>
      {contract.sealedCredentialId ? (
        <figure className="qr-card" data-testid="contract-seal">
          <img src={`/api/contracts/${contract.id}/seal.png`} alt={t('recruitment.contract.seal_alt')} width={260} height={260} />
          <figcaption className="muted small">{t('recruitment.contract.seal_caption')}</figcaption>
        </figure>
      ) : contract.status === 'signed' ? (
        <p className="muted small">{t('recruitment.contract.seal_pending')}</p>
      ) : null}
    </>
  );
  const arrivalCheck = me.role === 'employer' && contract.status === 'signed' ? <ArrivalCheck contractId={contract.id} /> : null;
  return (
    <section className="contract" data-testid="contract" data-contract-status={contract.status}>
      <h3>{t('recruitment.contract.title')}</h3>
      <p>
        <span className={`badge ${contract.status === 'signed' ? 'good' : 'warn'}`}>{t(`recruitment.contract_status.${contract.status}`)}</span>
      </p>
      <ul className="signatures">
        {(['worker', 'employer'] as const).map((p) => {
          const s = signed(p);
          return (
            <li key={p} data-testid={`signature-${p}`} data-signed={s ? 'yes' : 'no'}>
              {t(`recruitment.contract.party.${p}`)}:{' '}
              {s ? t('recruitment.contract.signed_on', { date: formatDate(s.signedAt, i18n.language) }) : t('recruitment.contract.not_signed')}
            </li>
          );
        })}
      </ul>
      {folded && contract.status === 'signed' ? null : sealBlock}
      <div className="button-row">
        <a className="button secondary" href={`/api/contracts/${contract.id}/pdf`} download data-testid="contract-pdf">
          {t('recruitment.contract.download')}
        </a>
        {party && contract.status === 'awaiting_signatures' && !signed(party) ? (
          <button type="button" className="primary" onClick={() => sign.mutate()} disabled={sign.isPending} data-testid="sign-contract">
            {t('recruitment.contract.sign')}
          </button>
        ) : null}
      </div>
      {party && contract.status === 'awaiting_signatures' && !signed(party) ? <p className="muted small">{t('recruitment.contract.sign_note')}</p> : null}
      <ProblemMessage error={sign.error} />
      {folded && contract.status === 'signed' ? (
        <details className="contract-details">
          <summary>{t('recruitment.contract.seal_and_check')}</summary>
          {sealBlock}
          {arrivalCheck}
        </details>
      ) : (
        arrivalCheck
      )}
    </section>
  );
}

/** The employer registers the contract used in the destination; Corridor compares it with the sealed one. */
function ArrivalCheck({ contractId }: { contractId: string }) {
  const { t } = useTranslation();
  const [requestId] = useState(() => crypto.randomUUID());
  const check = useMutation({
    mutationFn: async (file: File) => {
      const { dataBase64 } = await readFileAsBase64(file);
      return api<{ matches: boolean; welfareCaseRaised: boolean }>('POST', `/api/contracts/${contractId}/arrival-check`, { fileBase64: dataBase64, requestId });
    },
  });
  return (
    <div className="action-form" data-testid="arrival-check">
      <FilePicker
        label={t('recruitment.arrival_check.label')}
        accept="application/pdf,image/jpeg,image/png"
        onFiles={([file]) => {
          if (file) check.mutate(file);
        }}
      />
      <p className="muted small">{t('recruitment.arrival_check.note')}</p>
      {check.data ? (
        <p className={check.data.matches ? 'ok-note' : 'problem'} data-testid="arrival-check-outcome" data-matches={String(check.data.matches)}>
          {t(check.data.matches ? 'recruitment.arrival_check.same' : 'recruitment.arrival_check.different')}
        </p>
      ) : null}
      <ProblemMessage error={check.error} />
    </div>
  );
}
