import { useTranslation } from 'react-i18next';
import { MAIN_PATH_STATUSES } from '../../../../src/modules/journey/case.workflow';
import type { CaseDetail } from '../../app/contracts';
import { formatDate } from '../../app/i18n';

/**
 * The journey as a vertical timeline: the main path with the steps done (and when), the current step, and
 * those ahead. A case that left the main path (not cleared, withdrawn...) shows where it stopped.
 */
export function JourneyTimeline({ kase }: { kase: CaseDetail }) {
  const { t, i18n } = useTranslation();
  const reachedAt = new Map<string, string>();
  for (const entry of kase.timeline) reachedAt.set(entry.toStatus, entry.at);
  reachedAt.set('registered', reachedAt.get('registered') ?? kase.timeline[0]?.at ?? kase.statusChangedAt);
  const onMainPath = MAIN_PATH_STATUSES.includes(kase.status);
  const lastMainIndex = onMainPath
    ? MAIN_PATH_STATUSES.indexOf(kase.status)
    : Math.max(...MAIN_PATH_STATUSES.map((s, i) => (reachedAt.has(s) && s !== 'registered' ? i : 0)));
  return (
    <ol className="timeline" aria-label={t('journey.timeline.title')}>
      {MAIN_PATH_STATUSES.map((status, index) => {
        const state = index < lastMainIndex || (!onMainPath && index === lastMainIndex) ? 'done' : index === lastMainIndex ? 'current' : 'ahead';
        const at = reachedAt.get(status);
        return (
          <li key={status} className={`step ${state}`} data-testid={`step-${status}`} aria-current={state === 'current' ? 'step' : undefined}>
            <span className="dot" aria-hidden="true" />
            <span className="label">{t(`journey.status.${status}`)}</span>
            {state !== 'ahead' && at ? <span className="when">{formatDate(at, i18n.language)}</span> : null}
            {!onMainPath && index === lastMainIndex ? (
              <span className="branch" data-testid={`step-${kase.status}`}>
                → {t(`journey.status.${kase.status}`)} · {formatDate(kase.statusChangedAt, i18n.language)}
              </span>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
