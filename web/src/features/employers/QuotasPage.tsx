import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { useMe } from '../../app/session';
import { Loading } from '../../components/Loading';
import { ProblemMessage } from '../../components/ProblemMessage';
import { useReferenceNames } from './reference';
import type { QuotaView, SectorBan } from './types';

/** Quotas with their usage as a bar chart, the form to set one, and the regional sector bans. */
export function QuotasPage() {
  const { t } = useTranslation();
  const me = useMe();
  const quotas = useQuery({ queryKey: ['quotas'], queryFn: () => api<{ items: QuotaView[] }>('GET', '/api/quotas') });
  return (
    <section>
      <h1>{t('employers.quotas.title')}</h1>
      {quotas.isLoading ? <Loading /> : <ProblemMessage error={quotas.error} />}
      {quotas.data ? <QuotaChart items={quotas.data.items} /> : null}
      {me.role === 'destination_agency' ? <QuotaForm /> : null}
      <SectorBans editable={me.role === 'destination_agency'} />
    </section>
  );
}

function QuotaChart({ items }: { items: QuotaView[] }) {
  const { t } = useTranslation();
  const names = useReferenceNames();
  if (items.length === 0) return <p className="card muted">{t('employers.quotas.none')}</p>;
  const rowHeight = 34;
  const labelWidth = 210;
  const width = 620;
  const max = Math.max(...items.map((q) => q.total), 1);
  const scale = (n: number) => (n / max) * (width - labelWidth - 50);
  return (
    <figure className="card chart" data-testid="quota-chart">
      <figcaption>{t('employers.quotas.chart_caption')}</figcaption>
      <svg viewBox={`0 0 ${width} ${items.length * rowHeight + 24}`} role="img" aria-label={t('employers.quotas.chart_caption')} className="quota-svg">
        {items.map((q, i) => {
          const y = i * rowHeight + 4;
          return (
            <g key={`${q.year}-${q.region}-${q.occupation}`} data-testid="quota-bar">
              <text x={0} y={y + 11} fontSize="10" fill="#1d2733">
                {`${q.year} · ${names.region(q.region).slice(0, 32)}`}
              </text>
              <text x={0} y={y + 23} fontSize="9" fill="#5b6675">
                {names.occupation(q.occupation).slice(0, 40)}
              </text>
              <rect x={labelWidth} y={y + 2} width={scale(q.total)} height={20} fill="#e8f1f8" stroke="#d8dee6" />
              <rect x={labelWidth} y={y + 2} width={scale(q.used)} height={20} fill="#0b4f6c" opacity={0.55} />
              <rect x={labelWidth} y={y + 2} width={scale(q.contracted)} height={20} fill="#1f7a4d" />
              <text x={Math.min(labelWidth + scale(q.total) + 4, width - 44)} y={y + 16} fontSize="10" fill="#1d2733">
                {`${q.used}/${q.total}`}
              </text>
            </g>
          );
        })}
      </svg>
      <p className="legend small">
        <span className="swatch contracted" /> {t('employers.quotas.legend_contracted')} <span className="swatch used" /> {t('employers.quotas.legend_used')}{' '}
        <span className="swatch total" /> {t('employers.quotas.legend_total')}
      </p>
    </figure>
  );
}

function QuotaForm() {
  const { t } = useTranslation();
  const names = useReferenceNames();
  const client = useQueryClient();
  const [form, setForm] = useState({ year: String(new Date().getFullYear() + 1), region: 'RU-SVE', occupation: '7112', total: '50' });
  const save = useMutation({
    mutationFn: () => api('PUT', '/api/quotas', { year: Number(form.year), region: form.region, occupation: form.occupation, total: Number(form.total) }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['quotas'] }),
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <form className="card" onSubmit={onSubmit} data-testid="quota-form">
      <h2>{t('employers.quotas.set')}</h2>
      <div className="form-grid">
        <label>
          {t('employers.quotas.year')}
          <input type="number" min={2000} max={2100} value={form.year} onChange={(e) => setForm({ ...form, year: e.target.value })} />
        </label>
        <label>
          {t('employers.request.region')}
          <select value={form.region} onChange={(e) => setForm({ ...form, region: e.target.value })}>
            {names.data?.regions.map((r) => (
              <option key={r.code} value={r.code}>
                {names.region(r.code)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('employers.request.occupation')}
          <input
            name="occupation"
            value={form.occupation}
            onChange={(e) => setForm({ ...form, occupation: e.target.value })}
            inputMode="numeric"
            maxLength={4}
          />
          <small className="muted">{names.occupation(form.occupation)}</small>
        </label>
        <label>
          {t('employers.quotas.total')}
          <input name="total" type="number" min={0} value={form.total} onChange={(e) => setForm({ ...form, total: e.target.value })} />
        </label>
      </div>
      <ProblemMessage error={save.error} />
      <button type="submit" className="primary" disabled={save.isPending}>
        {t('employers.quotas.save')}
      </button>
    </form>
  );
}

function SectorBans({ editable }: { editable: boolean }) {
  const { t } = useTranslation();
  const names = useReferenceNames();
  const client = useQueryClient();
  const bans = useQuery({ queryKey: ['sector-bans'], queryFn: () => api<{ items: SectorBan[] }>('GET', '/api/sector-bans') });
  const [form, setForm] = useState({ region: 'RU-SVE', sector: '47', reason: '' });
  const edit = useMutation({
    mutationFn: (input: { region: string; sector: string; banned: boolean; reason?: string }) => api('PUT', '/api/sector-bans', input),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['sector-bans'] }),
  });
  return (
    <section className="card" data-testid="sector-bans">
      <h2>{t('employers.bans.title')}</h2>
      <p className="muted small">{t('employers.bans.intro')}</p>
      <ul className="bans">
        {bans.data?.items.map((b) => (
          <li key={`${b.region}-${b.sector}`}>
            <span>
              {names.region(b.region)} — {names.sector(b.sector)} <span className="muted small">({t(`employers.bans.source.${b.source}`)})</span>
            </span>
            {editable ? (
              <button type="button" className="link" onClick={() => edit.mutate({ region: b.region, sector: b.sector, banned: false })}>
                {t('employers.bans.lift')}
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      {editable ? (
        <form
          className="form-grid"
          onSubmit={(e) => {
            e.preventDefault();
            edit.mutate({ region: form.region, sector: form.sector, banned: true, ...(form.reason ? { reason: form.reason } : {}) });
          }}
        >
          <label>
            {t('employers.request.region')}
            <select value={form.region} onChange={(e) => setForm({ ...form, region: e.target.value })}>
              {names.data?.regions.map((r) => (
                <option key={r.code} value={r.code}>
                  {names.region(r.code)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('employers.request.sector')}
            <select value={form.sector} onChange={(e) => setForm({ ...form, sector: e.target.value })}>
              {names.data?.sectors.map((s) => (
                <option key={s.code} value={s.code}>
                  {names.sector(s.code)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('employers.bans.reason')}
            <input value={form.reason} onChange={(e) => setForm({ ...form, reason: e.target.value })} maxLength={500} />
          </label>
          <button type="submit" className="primary" disabled={edit.isPending}>
            {t('employers.bans.add')}
          </button>
        </form>
      ) : null}
      <ProblemMessage error={edit.error} />
    </section>
  );
}
