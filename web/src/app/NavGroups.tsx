import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { isWorthLabelling, type NavGroup } from './navigation';

/** The entries as lists, one per section, labelled when the list is long enough to need it. */
export function NavGroups({ groups, onNavigate }: { groups: readonly NavGroup[]; onNavigate: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const labelled = isWorthLabelling(groups);
  return (
    <>
      {groups.map((group) => (
        <div key={group.section.id} className="nav-group">
          {labelled ? (
            <div className="nav-group-label" id={`${id}-${group.section.id}`}>
              {t(group.section.labelKey)}
            </div>
          ) : null}
          <ul aria-labelledby={labelled ? `${id}-${group.section.id}` : undefined}>
            {group.entries.map((entry) => (
              <li key={entry.path}>
                <NavLink to={entry.path} end={entry.path === '/'} onClick={onNavigate}>
                  {t(entry.labelKey)}
                </NavLink>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </>
  );
}
