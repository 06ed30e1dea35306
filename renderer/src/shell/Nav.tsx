import { AREAS } from '../areas/areas';
import { useApp } from '../state/store';

export function Nav() {
  const area = useApp((s) => s.area);
  const setArea = useApp((s) => s.setArea);
  return (
    <nav className="nav" aria-label="Areas">
      <ul className="nav__list">
        {AREAS.map((a, i) => (
          <li key={a.id}>
            <button type="button" className={`nav__item${area === a.id ? ' is-active' : ''}`}
              data-testid={`nav-${a.id}`} aria-current={area === a.id ? 'page' : undefined}
              title={`${a.blurb} (Alt+${i + 1})`} onClick={() => setArea(a.id)}>
              <a.Icon className="nav__icon" />
              <span className="nav__label">{a.label}</span>
              <kbd className="nav__key">{i + 1}</kbd>
            </button>
          </li>
        ))}
      </ul>
      <div className="nav__foot">
        Press <kbd>?</kbd> for shortcuts
      </div>
    </nav>
  );
}
