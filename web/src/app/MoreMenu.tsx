import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { matchPath, useLocation } from 'react-router';
import { NavGroups } from './NavGroups';
import type { NavGroup } from './navigation';

const MOVES = ['ArrowDown', 'ArrowUp', 'Home', 'End'];

/**
 * The entries that do not fit in the navigation bar, behind a disclosure button. Escape or a click elsewhere
 * closes it; Escape returns the focus to the button. Arrow keys move between the links.
 */
export function MoreMenu({ groups }: { groups: readonly NavGroup[] }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const [open, setOpen] = useState(false);
  const wrapRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  const holdsCurrentPage = groups.some((group) => group.entries.some((entry) => matchPath({ path: entry.path, end: entry.path === '/' }, pathname)));

  useEffect(() => {
    if (!open) return;
    const closeOutside = (event: PointerEvent) => {
      if (!wrapRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', closeOutside);
    return () => document.removeEventListener('pointerdown', closeOutside);
  }, [open]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && open) {
      event.preventDefault();
      setOpen(false);
      buttonRef.current?.focus();
      return;
    }
    if (!MOVES.includes(event.key)) return;
    if (!open) flushSync(() => setOpen(true));
    const links = [...(wrapRef.current?.querySelectorAll<HTMLAnchorElement>('.nav-more-panel a') ?? [])];
    if (links.length === 0) return;
    event.preventDefault();
    const at = links.indexOf(document.activeElement as HTMLAnchorElement);
    const next = { ArrowDown: at + 1, ArrowUp: at < 0 ? links.length - 1 : at - 1, Home: 0, End: links.length - 1 }[event.key] ?? 0;
    links[(next + links.length) % links.length]?.focus();
  };

  return (
    <div
      className="nav-more-wrap"
      ref={wrapRef}
      onKeyDown={onKeyDown}
      onBlur={(event) => {
        if (!wrapRef.current?.contains(event.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      <button
        ref={buttonRef}
        type="button"
        className={holdsCurrentPage ? 'nav-more-toggle active' : 'nav-more-toggle'}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((isOpen) => !isOpen)}
      >
        {t('nav.more')}
        <span className="caret" aria-hidden="true" />
      </button>
      <div id={panelId} className="nav-more-panel" hidden={!open} tabIndex={-1}>
        <NavGroups groups={groups} onNavigate={() => setOpen(false)} />
      </div>
    </div>
  );
}
