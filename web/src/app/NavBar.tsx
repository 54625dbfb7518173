import { useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { MoreMenu } from './MoreMenu';
import { groupNavigation, type NavEntry } from './navigation';

/**
 * How many entries to show in the bar: all when they fit, otherwise as many as leave room for "More".
 * `rights` are the right edges of the entries laid out in one row, from the row's left edge.
 */
export function countThatFit(rights: readonly number[], moreWidth: number, available: number): number {
  const last = rights.at(-1);
  if (last === undefined || last <= available) return rights.length;
  let count = rights.length - 1;
  while (count > 0 && (rights[count - 1] ?? 0) + moreWidth > available) count -= 1;
  return count;
}

/**
 * The navigation bar under the header on wider screens, one row, in section order. The entries are laid out
 * once more, invisibly, to measure them; those that do not fit go under "More", grouped by section.
 */
export function NavBar({ entries }: { entries: readonly NavEntry[] }) {
  const { t, i18n } = useTranslation();
  const groups = groupNavigation(entries);
  const items = groups.flatMap((group, g) => group.entries.map((entry, i) => ({ entry, startsSection: g > 0 && i === 0 })));
  const listRef = useRef<HTMLUListElement>(null);
  const measureRef = useRef<HTMLUListElement>(null);
  const [shown, setShown] = useState(items.length);

  useLayoutEffect(() => {
    const list = listRef.current;
    const measure = measureRef.current;
    if (!list || !measure) return;
    const fit = () => {
      const left = measure.getBoundingClientRect().left;
      const rights = [...measure.querySelectorAll('[data-entry]')].map((item) => item.getBoundingClientRect().right - left);
      const more = measure.querySelector('[data-more]')?.getBoundingClientRect().width ?? 0;
      const gap = parseFloat(getComputedStyle(measure).columnGap) || 0;
      setShown(countThatFit(rights, more + 2 * gap, list.clientWidth));
    };
    fit();
    const observer = new ResizeObserver(fit);
    observer.observe(list);
    observer.observe(measure);
    return () => observer.disconnect();
  }, [items.length, i18n.language]);

  const overflow = items.slice(shown).map((item) => item.entry);
  return (
    <nav className="topbar-nav" aria-label={t('common.navigation')}>
      <ul className="nav-bar" ref={listRef}>
        {items.slice(0, shown).map(({ entry, startsSection }) => (
          <li key={entry.path} className={startsSection ? 'section-start' : undefined}>
            <NavLink to={entry.path} end={entry.path === '/'}>
              {t(entry.labelKey)}
            </NavLink>
          </li>
        ))}
        {overflow.length > 0 ? (
          <li className="nav-more">
            <MoreMenu groups={groupNavigation(overflow)} />
          </li>
        ) : null}
      </ul>
      <div className="nav-measure" aria-hidden="true">
        <ul className="nav-bar" ref={measureRef}>
          {items.map(({ entry, startsSection }) => (
            <li key={entry.path} data-entry="" className={startsSection ? 'section-start' : undefined}>
              <span className="nav-link active">{t(entry.labelKey)}</span>
            </li>
          ))}
          <li data-more="" className="nav-more">
            <span className="nav-more-toggle active">
              {t('nav.more')}
              <span className="caret" />
            </span>
          </li>
        </ul>
      </div>
    </nav>
  );
}
