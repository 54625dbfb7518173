import { useTranslation } from 'react-i18next';
import type { ClinicStats } from './contracts';

/**
 * Per-clinic pass rate (bar length) and volume (bar thickness and label), with the overall rate as a line.
 * A clinic far above the line with real volume — one that passes (nearly) everyone — is drawn in the warning colour.
 */
export function PassRateChart({ stats }: { stats: ClinicStats }) {
  const { t } = useTranslation();
  const rows = stats.clinics.filter((c) => c.cleared + c.notCleared > 0);
  if (rows.length === 0) return <p className="muted">{t('medical.stats.no_data')}</p>;
  const maxVolume = Math.max(...rows.map((r) => r.cleared + r.notCleared));
  const width = 720;
  const left = 270;
  const barArea = width - left - 80;
  const rowHeight = 44;
  const height = rows.length * rowHeight + 40;
  const overall = stats.overallPassRate ?? 0;
  // Well above the others with real volume: the pattern of a clinic that sells "fit" results.
  const othersRate = (r: (typeof rows)[number]) => {
    const others = rows.filter((o) => o.clinicId !== r.clinicId);
    const signed = others.reduce((sum, o) => sum + o.cleared + o.notCleared, 0);
    return signed > 0 ? others.reduce((sum, o) => sum + o.cleared, 0) / signed : 1;
  };
  const outlier = (r: (typeof rows)[number]) => r.passRate !== null && r.passRate >= 0.95 && r.passRate - othersRate(r) >= 0.1 && r.cleared + r.notCleared >= 5;
  return (
    <figure className="chart" data-testid="pass-rate-chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={t('medical.stats.chart_label')}>
        {rows.map((r, i) => {
          const volume = r.cleared + r.notCleared;
          const thickness = 10 + (volume / maxVolume) * 20;
          const y = 20 + i * rowHeight + (rowHeight - thickness) / 2;
          const rate = r.passRate ?? 0;
          return (
            <g key={r.clinicId} data-testid={`chart-${r.clinicId}`} data-outlier={outlier(r)}>
              <text x={left - 8} y={20 + i * rowHeight + rowHeight / 2 + 4} textAnchor="end" className="chart-label">
                {r.name.length > 40 ? `${r.name.slice(0, 39)}…` : r.name}
              </text>
              <rect x={left} y={y} width={barArea} height={thickness} className="chart-track" />
              <rect x={left} y={y} width={barArea * rate} height={thickness} className={outlier(r) ? 'chart-bar outlier' : 'chart-bar'} />
              <text x={left + barArea + 6} y={20 + i * rowHeight + rowHeight / 2 + 4} className="chart-value">
                {`${Math.round(rate * 100)}% · ${volume}`}
              </text>
            </g>
          );
        })}
        <line x1={left + barArea * overall} x2={left + barArea * overall} y1={10} y2={height - 18} className="chart-mean" />
        <text x={left + barArea * overall} y={height - 4} textAnchor="middle" className="chart-value">
          {t('medical.stats.overall', { rate: Math.round(overall * 100) })}
        </text>
      </svg>
      <figcaption className="muted small">{t('medical.stats.caption')}</figcaption>
    </figure>
  );
}
