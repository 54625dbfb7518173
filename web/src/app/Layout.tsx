import { type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { PHONE_QUERY, useMediaQuery } from './media-query';
import { NavBar } from './NavBar';
import { NavDrawer } from './NavDrawer';
import { navigationFor } from './navigation';
import { useSession } from './session';

export function Layout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { me, signOut } = useSession();
  const navigate = useNavigate();
  const isPhone = useMediaQuery(PHONE_QUERY);
  const entries = me ? navigationFor(me.role) : [];
  const signOutAndLeave = () => {
    void signOut().then(() => navigate('/'));
  };
  return (
    <div className="shell">
      <header className={me ? 'topbar signed-in' : 'topbar'}>
        <div className="topbar-row">
          <a className="brand" href="/" aria-label={t('common.app_name')}>
            <img src="/favicon.svg" alt="" width={28} height={28} />
            <span>{t('common.app_name')}</span>
          </a>
          {me && isPhone ? <NavDrawer me={me} entries={entries} onSignOut={signOutAndLeave} /> : null}
          <div className="topbar-end">
            <LanguageSwitch />
            {me ? (
              <div className="user">
                <span className="user-name" data-testid="user-name">
                  <span>{me.displayName}</span>
                  <small>{t(`nav.role.${me.role}`)}</small>
                </span>
                {isPhone ? null : (
                  <button type="button" className="link" onClick={signOutAndLeave}>
                    {t('auth.sign_out')}
                  </button>
                )}
              </div>
            ) : null}
          </div>
        </div>
        {me && !isPhone ? <NavBar entries={entries} /> : null}
      </header>
      <main className="content">{children}</main>
      <footer className="footer">
        <span>{t('common.footer')}</span>
      </footer>
    </div>
  );
}
