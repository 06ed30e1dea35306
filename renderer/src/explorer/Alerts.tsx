import { useMemo, useState } from 'react';
import { clockTime, formatCount } from './model';
import { runRules } from './rules';
import { useExplorer } from './store';

const PRIORITIES = ['EMERGENCY', 'ALERT', 'CRITICAL', 'ERROR', 'WARNING', 'NOTICE', 'INFORMATIONAL', 'INFO', 'DEBUG'];

function rank(p: string): number {
  const i = PRIORITIES.indexOf(p.toUpperCase());
  return i < 0 ? PRIORITIES.length : i;
}

export function Alerts() {
  const rules = useExplorer((s) => s.rules);
  const ranWith = useExplorer((s) => s.rulesRanWith);
  const running = useExplorer((s) => s.rulesRunning);
  const jumpTo = useExplorer((s) => s.jumpTo);
  const setTab = useExplorer((s) => s.setTab);
  const [defaults, setDefaults] = useState(true);
  const [files, setFiles] = useState('');
  const [ruleFilter, setRuleFilter] = useState<string | null>(null);
  const [minPriority, setMinPriority] = useState<string>('');

  const run = () => runRules(defaults, files.split(/[\n,]+/).map((f) => f.trim()).filter(Boolean));

  const findings = useMemo(() => {
    if (!rules) return [];
    const limit = minPriority ? rank(minPriority) : Infinity;
    return rules.findings.filter((f) => (!ruleFilter || f.rule === ruleFilter) && rank(f.priority) <= limit);
  }, [rules, ruleFilter, minPriority]);

  const errors = rules?.problems.filter((p) => p.severity === 'error') ?? [];
  const warnings = rules?.problems.filter((p) => p.severity === 'warning') ?? [];

  return (
    <div className="alerts" data-testid="alerts">
      <form className="alerts__run" onSubmit={(e) => { e.preventDefault(); void run(); }}>
        <label className="check" title="Tracehound's default ruleset (assets/rules/tracehound_rules.yaml), in Falco's rules format">
          <input type="checkbox" checked={defaults} data-testid="rules-defaults" onChange={(e) => setDefaults(e.target.checked)} />
          Default ruleset
        </label>
        <input className="input input--mono input--small alerts__files" data-testid="rules-files" value={files}
          placeholder="Extra rules files on the engine’s machine, comma separated (/etc/falco/rules.d/my_rules.yaml)"
          spellCheck={false} onChange={(e) => setFiles(e.target.value)} />
        <button type="submit" className="btn btn--primary btn--small" data-testid="run-rules" disabled={running || (!defaults && !files.trim())}>
          {running ? 'Running…' : rules ? 'Run again' : 'Run rules'}
        </button>
      </form>

      {!rules && !running && (
        <div className="pane-empty pane-empty--big">
          Replay this capture through rules in Falco’s format: each event is matched as Falco would see it live. Findings
          appear here and as red markers on the timeline; click one to jump to the event that triggered it.
        </div>
      )}

      {rules && (
        <div className="alerts__summary" data-testid="rules-summary">
          <span><strong>{formatCount(rules.findings.length)}</strong> findings</span>
          <span>{formatCount(rules.rulesLoaded)} rules loaded</span>
          {ranWith && <span className="muted">{ranWith}</span>}
          {errors.length > 0 && <span className="alerts__bad">{errors.length} rule errors</span>}
          {warnings.length > 0 && <span className="alerts__warn">{warnings.length} warnings</span>}
          <span className="alerts__spacer" />
          <select className="input input--small" value={minPriority} aria-label="Minimum priority" onChange={(e) => setMinPriority(e.target.value)}>
            <option value="">All priorities</option>
            {PRIORITIES.slice(0, 7).map((p) => <option key={p} value={p}>{p} and above</option>)}
          </select>
        </div>
      )}

      {rules && (
        <div className="alerts__body">
          <aside className="alerts__rules" aria-label="Findings by rule">
            <button type="button" className={`alerts__rule${ruleFilter === null ? ' is-active' : ''}`} onClick={() => setRuleFilter(null)}>
              <span>All rules</span><span className="alerts__n">{formatCount(rules.findings.length)}</span>
            </button>
            {rules.counts.filter((c) => c.count > 0).map((c) => (
              <button key={c.rule} type="button" className={`alerts__rule${ruleFilter === c.rule ? ' is-active' : ''}`}
                onClick={() => setRuleFilter(c.rule)} title={c.rule}>
                <span className="alerts__rule-name">{c.rule}</span><span className="alerts__n">{formatCount(c.count)}</span>
              </button>
            ))}
            {(errors.length > 0 || warnings.length > 0) && (
              <details className="alerts__problems">
                <summary>Rule file problems ({errors.length + warnings.length})</summary>
                {[...errors, ...warnings].slice(0, 100).map((p, i) => (
                  <div key={i} className={`alerts__problem alerts__problem--${p.severity}`}>
                    <span className="mono">{p.file ? `${p.file.split('/').pop()}${p.line ? `:${p.line}` : ''}` : ''}</span> {p.item ? `${p.item}: ` : ''}{p.message}
                  </div>
                ))}
              </details>
            )}
          </aside>
          <div className="alerts__tablewrap">
            <table className="alerts__table" data-testid="alerts-table">
              <thead>
                <tr><th>Time (UTC)</th><th>Priority</th><th>Rule</th><th>Output</th><th>Tags</th><th>Event</th></tr>
              </thead>
              <tbody>
                {findings.length === 0 && (
                  <tr><td colSpan={6} className="pane-empty">No findings{ruleFilter || minPriority ? ' with this selection' : ' — no rule matched this capture'}.</td></tr>
                )}
                {findings.slice(0, 2000).map((f, i) => (
                  <tr key={`${f.evtNum}-${f.rule}-${i}`} data-testid="alert-row" data-evt={f.evtNum} tabIndex={0}
                    className={`alerts__row alerts__row--${f.priority.toLowerCase()}`}
                    onClick={() => { jumpTo(f.evtNum); setTab('events'); }}
                    onKeyDown={(e) => { if (e.key === 'Enter') { jumpTo(f.evtNum); setTab('events'); } }}
                    title="Jump to the event that triggered this finding">
                    <td className="mono">{clockTime(f.ts)}</td>
                    <td><span className={`prio prio--${f.priority.toLowerCase()}`}>{f.priority}</span></td>
                    <td className="alerts__rule-cell">{f.rule}</td>
                    <td className="alerts__output">{f.output}</td>
                    <td className="alerts__tags">{f.tags.map((t) => <span key={t} className="tag">{t}</span>)}</td>
                    <td className="mono alerts__evt">{f.evtNum}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {findings.length > 2000 && <div className="pane-empty">Showing the first 2,000 of {formatCount(findings.length)}; narrow by rule or priority.</div>}
          </div>
        </div>
      )}
    </div>
  );
}
