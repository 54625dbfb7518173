import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import type { Me } from './contracts';
import { NavGroups } from './NavGroups';
import { groupNavigation, type NavEntry } from './navigation';

/** Tab and Shift+Tab go round the drawer instead of leaving it for the browser's own controls. */
function keepFocusInside(event: KeyboardEvent<HTMLDialogElement>) {
  if (event.key !== 'Tab') return;
  const focusable = [...event.currentTarget.querySelectorAll<HTMLElement>('a[href], button:not([disabled])')];
  const [first, last] = [focusable[0], focusable.at(-1)];
  if (event.shiftKey && document.activeElement === first) {
    event.preventDefault();
    last?.focus();
  } else if (!event.shiftKey && document.activeElement === last) {
    event.preventDefault();
    first?.focus();
  }
}

/**
 * On a phone: a menu button that opens the navigation as a full-height modal drawer, with the user and
 * sign-out. Escape, the close button, a tap beside the drawer or a page change close it; the focus returns
 * to the menu button.
 */
export function NavDrawer({ me, entries, onSignOut }: { me: Me; entries: readonly NavEntry[]; onSignOut: () => void }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const [open, setOpen] = useState(false);
  const [openedOn, setOpenedOn] = useState(pathname);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const drawerId = useId();

  if (open && pathname !== openedOn) {
    setOpen(false);
    setOpenedOn(pathname);
  }

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      (dialog.querySelector<HTMLElement>('nav a[aria-current="page"]') ?? dialog.querySelector<HTMLElement>('nav a'))?.focus();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);

  return (
    <>
      <button
        ref={toggleRef}
        type="button"
        className="menu-toggle"
        aria-expanded={open}
        aria-controls={drawerId}
        aria-haspopup="dialog"
        onClick={() => {
          setOpenedOn(pathname);
          setOpen(true);
        }}
      >
        <span className="menu-icon" aria-hidden="true" />
        {t('common.menu')}
      </button>
      <dialog
        id={drawerId}
        ref={dialogRef}
        className="nav-drawer"
        aria-label={t('common.menu')}
        onClose={() => {
          setOpen(false);
          toggleRef.current?.focus();
        }}
        onClick={(event) => {
          if (event.target === dialogRef.current) setOpen(false);
        }}
        onKeyDown={keepFocusInside}
      >
        <div className="nav-drawer-panel">
          <div className="nav-drawer-head">
            <div className="nav-drawer-user">
              <span>{me.displayName}</span>
              <small>{t(`nav.role.${me.role}`)}</small>
            </div>
            <button type="button" className="nav-drawer-close" aria-label={t('nav.close_menu')} onClick={() => setOpen(false)}>
              <span aria-hidden="true">×</span>
            </button>
          </div>
          <nav aria-label={t('common.navigation')}>
            <NavGroups groups={groupNavigation(entries)} onNavigate={() => setOpen(false)} />
          </nav>
          <div className="nav-drawer-foot">
            <button type="button" className="link" onClick={onSignOut}>
              {t('auth.sign_out')}
            </button>
          </div>
        </div>
      </dialog>
    </>
  );
}
