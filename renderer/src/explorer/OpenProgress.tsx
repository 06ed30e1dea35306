import { baseName, formatDuration, formatPercent } from '../format';
import { useApp } from '../state/store';
import { useExplorer } from './store';

const PHASES: Record<string, string> = {
  starting: 'Starting',
  hashing: 'Fingerprinting (SHA-256)',
  indexing: 'Indexing events',
};

/** The first pass of capture.open, where the user is looking: phase, fraction, ETA and Cancel. */
export function OpenProgress() {
  const opening = useExplorer((s) => s.opening);
  const op = useApp((s) => s.operations.find((o) => o.id === opening?.opId));
  const cancel = useApp((s) => s.cancelOperation);
  if (!opening) return null;
  const fraction = op?.fraction ?? null;
  const pct = fraction === null ? null : Math.round(fraction * 100);
  const phase = op?.phase ?? 'starting';
  // The engine numbers its phases ("hashing (1/2)"); the label is looked up without the step.
  const step = /\s*\((\d+\/\d+)\)$/.exec(phase);
  const phaseName = step ? phase.slice(0, step.index) : phase;
  return (
    <div className="open-progress" data-testid="progress" data-phase={phase} data-fraction={fraction ?? ''}>
      <div className="open-progress__head">
        <span className="open-progress__file" title={opening.path}>Opening {baseName(opening.path)}</span>
        <span className="open-progress__phase" data-testid="progress-phase">
          {PHASES[phaseName] ?? phaseName}{step ? ` · step ${step[1]}` : ''}
        </span>
        <span className="open-progress__pct" data-testid="progress-percent">{fraction === null ? '' : formatPercent(fraction)}</span>
        <span className="open-progress__eta">{op?.etaMs !== undefined ? `ETA ${formatDuration(op.etaMs)}` : ''}</span>
        <button type="button" className="btn btn--small btn--danger" data-testid="progress-cancel"
          onClick={() => cancel(opening.opId)}>
          Cancel
        </button>
      </div>
      <div className={`progress progress--large${pct === null ? ' progress--indeterminate' : ''}`} role="progressbar"
        aria-label="Opening progress" aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct ?? undefined}>
        <div className="progress__fill" style={{ width: pct === null ? undefined : `${pct}%` }} />
      </div>
    </div>
  );
}
