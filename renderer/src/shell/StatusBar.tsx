import type { ConnectionState } from '../api';
import { formatDuration, formatPercent } from '../format';
import { useApp, type Operation } from '../state/store';

const CONNECTION_TEXT: Record<ConnectionState, string> = {
  connecting: 'Connecting…',
  connected: 'Engine connected',
  reconnecting: 'Reconnecting…',
  offline: 'Engine unreachable',
};

const STATUS_TEXT: Record<Exclude<Operation['status'], 'running'>, string> = {
  done: 'done',
  failed: 'failed',
  cancelled: 'cancelled',
};

function OperationItem({ op }: { op: Operation }) {
  const cancel = useApp((s) => s.cancelOperation);
  const running = op.status === 'running';
  const pct = op.fraction === null ? null : Math.round(op.fraction * 100);
  return (
    <div className={`op op--${op.status}`} data-testid="operation" data-status={op.status} data-method={op.method}>
      <span className="op__label" title={op.label}>{op.label}</span>
      <span className="op__phase" data-testid="op-phase">{op.status === 'running' ? op.phase : STATUS_TEXT[op.status]}</span>
      {op.status !== 'failed' && (
        <div className={`progress${pct === null ? ' progress--indeterminate' : ''}`} role="progressbar"
          aria-label={`${op.label} progress`} aria-valuemin={0} aria-valuemax={100}
          aria-valuenow={pct ?? undefined} data-testid="op-progress">
          <div className="progress__fill" style={{ width: pct === null ? undefined : `${pct}%` }} />
        </div>
      )}
      {op.status !== 'failed' && (
        <span className="op__pct" data-testid="op-percent">{op.fraction === null ? '' : formatPercent(op.fraction)}</span>
      )}
      {running && (
        <span className="op__eta" data-testid="op-eta">
          {op.etaMs !== undefined ? `ETA ${formatDuration(op.etaMs)}` : 'estimating…'}
        </span>
      )}
      {running && (
        <button type="button" className="btn btn--small btn--danger" data-testid="op-cancel" onClick={() => cancel(op.id)}>
          Cancel
        </button>
      )}
    </div>
  );
}

export function StatusBar() {
  const connection = useApp((s) => s.connection);
  const transport = useApp((s) => s.transport);
  const operations = useApp((s) => s.operations);
  // Running work first, then what just finished, newest first: the edge fades out the oldest.
  const shown = [...operations.filter((op) => op.status === 'running'), ...operations.filter((op) => op.status !== 'running').reverse()];
  const info = useApp((s) => s.appInfo);
  return (
    <footer className="statusbar" data-testid="status-bar">
      <div className={`statusbar__conn statusbar__conn--${connection}`} data-testid="connection" data-state={connection}
        data-transport={transport ?? ''}
        title={transport === 'ipc' ? 'Electron IPC' : 'WebSocket to the local server'}>
        <span className="dot" aria-hidden="true" />
        {CONNECTION_TEXT[connection]}
      </div>
      <div className="statusbar__ops" aria-live="polite">
        {operations.length === 0
          ? <span className="statusbar__idle">No operations running</span>
          : shown.map((op) => <OperationItem key={op.id} op={op} />)}
      </div>
      <div className="statusbar__meta">
        {info ? `${info.name} ${info.version} · ${info.mode}` : ''}
      </div>
    </footer>
  );
}
