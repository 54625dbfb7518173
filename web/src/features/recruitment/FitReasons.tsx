import { useTranslation } from 'react-i18next';
import type { EntryView } from './types';

/** Why a candidate fits a seat: each requirement against its minimum, the region preference, the wait. */
export function FitReasons({ reasons }: { reasons: EntryView['reasons'] }) {
  const { t } = useTranslation();
  return (
    <ul className="reasons">
      <li>{t('recruitment.reasons.skill', { level: reasons.skillLevel, min: reasons.minSkillLevel })}</li>
      <li>
        {t('recruitment.reasons.russian', {
          level: t(`employers.russian_level.${reasons.russianLevel}`),
          min: t(`employers.russian_level.${reasons.minRussianLevel}`),
        })}
      </li>
      <li>{t('recruitment.reasons.experience', { years: reasons.experienceYears, min: reasons.minExperienceYears })}</li>
      <li>{reasons.preferenceRank > 0 ? t('recruitment.reasons.preference', { rank: reasons.preferenceRank }) : t('recruitment.reasons.any_region')}</li>
      <li>{t('recruitment.reasons.waiting', { days: reasons.waitingDays })}</li>
    </ul>
  );
}
