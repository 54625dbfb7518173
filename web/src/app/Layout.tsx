import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, useNavigate } from 'react-router';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { navigationFor } from './navigation';
import { useSession } from './session';

export function Layout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { me, signOut } = useSession();
  const navigate = useNavigate();
  const [menuOpen, setMenuOpen] = useState(false);
  const entries = me ? navigationFor(me.role) : [];
  return (
    <div className="shell">
      <header className="topbar">
        <a className="brand" href="/" aria-label={t('common.app_name')}>
          <img src="/favicon.svg" alt="" width={28} height={28} />
          <span>{t('common.app_name')}</span>
        </a>
        {me ? (
          <button type="button" className="menu-toggle" aria-expanded={menuOpen} aria-controls="main-nav" onClick={() => setMenuOpen((o) => !o)}>
            {t('common.menu')}
          </button>
        ) : null}
        <nav id="main-nav" className={menuOpen ? 'open' : ''} aria-label={t('common.navigation')}>
          {entries.map((entry) => (
            <NavLink key={entry.path} to={entry.path} end={entry.path === '/'} onClick={() => setMenuOpen(false)}>
              {t(entry.labelKey)}
            </NavLink>
          ))}
        </nav>
        <div className="topbar-end">
          <LanguageSwitch />
          {me ? (
            <div className="user">
              <span className="user-name" data-testid="user-name">
                {me.displayName}
                <small>{t(`nav.role.${me.role}`)}</small>
              </span>
              <button
                type="button"
                className="link"
                onClick={() => {
                  void signOut().then(() => navigate('/'));
                }}
              >
                {t('auth.sign_out')}
              </button>
            </div>
          ) : null}
        </div>
      </header>
      <main className="content">{children}</main>
      <footer className="footer">
        <span>{t('common.footer')}</span>
      </footer>
    </div>
  );
}
