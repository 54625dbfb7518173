import { useTranslation } from 'react-i18next';

/** Why two records match, one line per reason, in the reader's language. */
/** Reason codes as the matching engine gives them (screening/matching/reasons.ts). */
export interface Reason {
  readonly code: string;
  readonly part?: string;
  readonly distance?: number;
  readonly from?: string;
  readonly to?: string;
}

export function ReasonList({ reasons }: { reasons: readonly Reason[] }) {
  const { t } = useTranslation();
  const ending = (text: string | undefined) => (!text || text === '∅' ? '∅' : `-${text}`);
  return (
    <ul className="reasons" data-testid="reasons">
      {reasons.map((r, i) => (
        <li key={`${r.code}-${i}`} data-reason={r.code}>
          {t(`screening.reason.${r.code}`, {
            part: t(`screening.part.${r.part ?? 'any'}`),
            distance: r.distance ?? 1,
            from: ending(r.from),
            to: ending(r.to),
          })}
        </li>
      ))}
    </ul>
  );
}
