import type { ReactNode } from 'react';
import { CheckIcon, ClockIcon } from '../shell/icons';

export interface EmptyStateProps {
  testId: string;
  icon: ReactNode;
  title: string;
  lead: string;
  /** What works in this build. An empty list is said out loud rather than hidden. */
  available: string[];
  coming: string[];
  actions?: ReactNode;
  footnote?: ReactNode;
}

export function EmptyState({ testId, icon, title, lead, available, coming, actions, footnote }: EmptyStateProps) {
  return (
    <div className="empty" data-testid={testId}>
      <div className="empty__icon">{icon}</div>
      <h2 className="empty__title">{title}</h2>
      <p className="empty__lead">{lead}</p>
      {actions && <div className="empty__actions">{actions}</div>}
      <div className="empty__columns">
        <div className="empty__col" data-testid={`${testId}-available`}>
          <h3 className="empty__col-title empty__col-title--now">Available now</h3>
          {available.length === 0
            ? <p className="empty__none">Nothing in this area works yet.</p>
            : (
              <ul className="empty__list">
                {available.map((a) => <li key={a}><CheckIcon className="empty__bullet empty__bullet--now" />{a}</li>)}
              </ul>
            )}
        </div>
        <div className="empty__col" data-testid={`${testId}-coming`}>
          <h3 className="empty__col-title">Coming</h3>
          <ul className="empty__list">
            {coming.map((c) => <li key={c}><ClockIcon className="empty__bullet" />{c}</li>)}
          </ul>
        </div>
      </div>
      {footnote && <p className="empty__footnote">{footnote}</p>}
    </div>
  );
}
