import type { ReactNode } from 'react';

export function AreaHeader({ id, title, subtitle, actions }: {
  id: string; title: string; subtitle: string; actions?: ReactNode;
}) {
  return (
    <header className="area__header">
      <div>
        <h1 className="area__title" id={id}>{title}</h1>
        <p className="area__subtitle">{subtitle}</p>
      </div>
      {actions && <div className="area__actions">{actions}</div>}
    </header>
  );
}
