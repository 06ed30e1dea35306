import { useApp } from '../state/store';
import { CloseIcon } from './icons';

export function Toasts() {
  const toasts = useApp((s) => s.toasts);
  const dismiss = useApp((s) => s.dismissToast);
  return (
    <div className="toasts" data-testid="toasts" aria-live="assertive">
      {toasts.map((t) => (
        <div key={t.id} className={`toast toast--${t.tone}`} data-testid="toast" data-tone={t.tone}
          role={t.tone === 'error' ? 'alert' : 'status'}>
          <div className="toast__body">
            {t.code && <div className="toast__code"><span className="code-chip" data-testid="toast-code">{t.code}</span></div>}
            <div className="toast__title">{t.title}</div>
            <div className="toast__message" data-testid="toast-message">{t.message}</div>
            {t.hint && <div className="toast__hint" data-testid="toast-hint">{t.hint}</div>}
          </div>
          <button type="button" className="btn btn--icon btn--ghost toast__close" aria-label="Dismiss"
            data-testid="toast-dismiss" onClick={() => dismiss(t.id)}>
            <CloseIcon />
          </button>
        </div>
      ))}
    </div>
  );
}
