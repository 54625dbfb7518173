import { useTranslation } from 'react-i18next';
import { api } from '../app/api';
import { changeLanguage, LANGUAGES, type Language } from '../app/i18n';
import { useSession } from '../app/session';

const NATIVE_NAMES: Record<Language, string> = { tg: 'Тоҷикӣ', ru: 'Русский', en: 'English' };

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const { me } = useSession();
  const choose = async (language: Language) => {
    await changeLanguage(language);
    if (me) await api('PATCH', '/api/auth/me', { locale: language }).catch(() => undefined);
  };
  return (
    <div className="language-switch" role="group" aria-label={t('common.language.label')}>
      {LANGUAGES.map((language) => (
        <button
          key={language}
          type="button"
          lang={language}
          className={i18n.language === language ? 'active' : ''}
          aria-pressed={i18n.language === language}
          onClick={() => void choose(language)}
          data-testid={`lang-${language}`}
        >
          {NATIVE_NAMES[language]}
        </button>
      ))}
    </div>
  );
}
