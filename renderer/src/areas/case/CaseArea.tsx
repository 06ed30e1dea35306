import { useEffect, useMemo, useState } from 'react';
import type { CaseArtifact, CaseAuditEntry, CaseVerifyReport } from '../../../../core/api/contract';
import { clockTime, formatCount, isoDate } from '../../explorer/model';
import { useExplorer } from '../../explorer/store';
import { baseName, formatByteCount, formatBytes, formatPercent } from '../../format';
import { CaseIcon } from '../../shell/icons';
import { useApp } from '../../state/store';
import { AreaHeader } from '../AreaHeader';
import { EvidenceCard } from '../EvidenceCard';
import { openFromCase } from './open';
import {
  AUDIT_SHOWN, addCaseNote, addOpenCapture, closeCase, createCase, exportCase, openCase, recentCases, refresh, saveCaseFilter,
  useCase, verifyCase,
} from './state';
import { installCaseSync } from './sync';
import './case.css';

installCaseSync();

export function CaseArea() {
  const info = useCase((s) => s.info);
  const hashed = useApp((s) => s.hashed);
  useEffect(() => { if (info) void refresh(); }, [info?.id]);
  return (
    <section className="area" data-testid="area-case" aria-labelledby="area-case-title">
      <AreaHeader id="area-case-title" title="Case" subtitle="Evidence, findings, notes and the audit log"
        actions={info ? <button type="button" className="btn btn--small" data-testid="case-close" onClick={() => void closeCase()}>Close case</button> : undefined} />
      <div className="area__body">
        {info ? <CasePanel /> : <CaseStart />}
        {hashed.length > 0 && (
          <section className="session-evidence" aria-label="Evidence fingerprinted this session">
            <h2 className="section-title">Evidence fingerprinted this session <span className="muted">(not saved)</span></h2>
            <div className="evidence-list">
              {hashed.map((h) => <EvidenceCard key={h.path} item={h} compact />)}
            </div>
          </section>
        )}
      </div>
    </section>
  );
}

function CaseStart() {
  const [newPath, setNewPath] = useState('');
  const [name, setName] = useState('');
  const [openPath, setOpenPath] = useState('');
  const recent = recentCases();
  return (
    <div className="case-start" data-testid="case-panel" data-state="closed">
      <div className="case-start__intro">
        <CaseIcon width={30} height={30} />
        <div>
          <h2 className="case-start__title" data-testid="empty-case">No case open</h2>
          <p>
            A case is one file (<code>.thcase</code>, SQLite) on the engine’s machine. It references evidence by path
            and SHA-256 without copying or changing it, keeps each capture’s index and views so it reopens without
            re-reading the capture, and records findings, bookmarks, notes and every action in a hash-chained audit log.
          </p>
        </div>
      </div>
      <form className="case-form" onSubmit={(e) => { e.preventDefault(); void createCase(newPath.trim(), name); }}>
        <h2 className="case-form__title">New case</h2>
        <label className="field">
          <span className="field__label">Case file</span>
          <input className="input input--mono" data-testid="case-new-path" value={newPath} spellCheck={false} autoComplete="off"
            placeholder="/cases/inc-42.thcase" onChange={(e) => setNewPath(e.target.value)} />
        </label>
        <label className="field">
          <span className="field__label">Name</span>
          <input className="input" data-testid="case-new-name" value={name} placeholder="INC-42: 502s on the edge proxy"
            onChange={(e) => setName(e.target.value)} />
        </label>
        <button type="submit" className="btn btn--primary" data-testid="case-create" disabled={!newPath.trim()}>Create case</button>
      </form>
      <form className="case-form" onSubmit={(e) => { e.preventDefault(); void openCase(openPath.trim()); }}>
        <h2 className="case-form__title">Open a case</h2>
        <label className="field">
          <span className="field__label">Case file</span>
          <input className="input input--mono" data-testid="case-open-path" value={openPath} spellCheck={false} autoComplete="off"
            placeholder="/cases/inc-42.thcase" onChange={(e) => setOpenPath(e.target.value)} />
        </label>
        <button type="submit" className="btn" data-testid="case-open" disabled={!openPath.trim()}>Open case</button>
        {recent.length > 0 && (
          <ul className="case-recent" aria-label="Recent cases">
            {recent.map((r) => (
              <li key={r.path}>
                <button type="button" className="btn btn--link" onClick={() => void openCase(r.path)} title={r.path}>{r.name}</button>
                <span className="muted mono">{r.path}</span>
              </li>
            ))}
          </ul>
        )}
      </form>
    </div>
  );
}

function CasePanel() {
  const info = useCase((s) => s.info)!;
  return (
    <div className="case-panel" data-testid="case-panel" data-state="open" data-case-id={info.id}>
      <div className="case-summary">
        <div>
          <h2 className="case-summary__name" data-testid="case-name">{info.name}</h2>
          <div className="case-summary__path mono" title={info.path}>{info.path}</div>
        </div>
        <dl className="case-summary__facts">
          <div><dt>Artifacts</dt><dd>{info.artifacts.length}</dd></div>
          <div><dt>Findings</dt><dd>{formatCount(info.counts.findings)}</dd></div>
          <div><dt>Notes</dt><dd>{formatCount(info.counts.notes)}</dd></div>
          <div><dt>Bookmarks</dt><dd>{formatCount(info.counts.bookmarks)}</dd></div>
          <div><dt>Audit head</dt><dd className="mono" data-testid="case-audit-head" title={info.auditHead?.hash}>
            {info.auditHead ? `${info.auditHead.seq}:${info.auditHead.hash.slice(0, 12)}…` : '—'}
          </dd></div>
          <div><dt>Created</dt><dd>{info.createdAt.slice(0, 19).replace('T', ' ')}</dd></div>
        </dl>
      </div>
      <Artifacts />
      <Verify />
      <Findings />
      <Notes />
      <Filters />
      <Export />
      <Audit />
    </div>
  );
}

function Artifacts() {
  const info = useCase((s) => s.info)!;
  const link = useCase((s) => s.link);
  const cap = useExplorer((s) => s.capture);
  const [adding, setAdding] = useState(false);
  const inCase = cap ? info.artifacts.find((a) => a.sha256 === cap.sha256 && a.path === cap.path) : undefined;
  const canAdd = !!cap && !inCase?.indexed;
  const add = async () => {
    setAdding(true);
    await addOpenCapture();
    setAdding(false);
  };
  return (
    <section className="case-section" data-testid="case-artifacts" aria-labelledby="case-artifacts-title">
      <header className="case-section__head">
        <h3 id="case-artifacts-title" className="case-section__title">Evidence</h3>
        {cap && (
          <button type="button" className="btn btn--primary btn--small" data-testid="case-add-capture" disabled={!canAdd || adding}
            title={canAdd ? `Hash ${cap.path}, store its index and views in the case` : 'The open capture is already in the case'}
            onClick={() => void add()}>
            {adding ? 'Adding…' : canAdd ? `Add ${baseName(cap.path)} to case` : `${baseName(cap.path)} is in the case`}
          </button>
        )}
      </header>
      {info.artifacts.length === 0 && (
        <div className="pane-empty">
          No evidence yet. Open a capture in Captures, then add it here: it is hashed and indexed, never copied or changed.
        </div>
      )}
      {info.artifacts.length > 0 && (
        <table className="case-table">
          <thead><tr><th>#</th><th>File</th><th>SHA-256</th><th>Size</th><th>Index</th><th /></tr></thead>
          <tbody>
            {info.artifacts.map((a) => (
              <ArtifactRow key={a.id} a={a} linked={link?.artifactId === a.id && cap?.id === link.captureId} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function ArtifactRow({ a, linked }: { a: CaseArtifact; linked: boolean }) {
  const setArea = useApp((s) => s.setArea);
  return (
    <tr data-testid="artifact-row" data-artifact-id={a.id} data-indexed={a.indexed}>
      <td className="mono">{a.id}</td>
      <td className="case-table__file">
        <strong>{baseName(a.path)}</strong> <span className="tag">{a.kind}</span>
        <div className="muted mono case-table__path" title={a.path}>{a.path}</div>
      </td>
      <td><code className="hash case-hash" data-testid="artifact-sha256">{a.sha256}</code></td>
      <td title={formatByteCount(a.size)}>{formatBytes(a.size)}</td>
      <td data-testid="artifact-index">
        {a.indexed ? <>{formatCount(a.events)} events · {a.views} views</> : <span className="muted">not indexed</span>}
      </td>
      <td className="case-table__actions">
        {linked
          ? <button type="button" className="btn btn--small" onClick={() => setArea('captures')}>Show in explorer</button>
          : <button type="button" className="btn btn--small" data-testid="artifact-open" disabled={!a.indexed}
              title={a.indexed ? 'Open from the stored index; the capture is not re-read' : 'Add the capture to index it'}
              onClick={() => void openFromCase(a.id)}>Open</button>}
      </td>
    </tr>
  );
}

function Verify() {
  const v = useCase((s) => s.verify);
  const pct = v.progress ? Math.round(v.progress.fraction * 100) : null;
  return (
    <section className="case-section" data-testid="case-verify" aria-labelledby="case-verify-title"
      data-state={v.running ? 'running' : v.report ? (v.report.ok ? 'ok' : 'failed') : v.error ? 'error' : 'idle'}>
      <header className="case-section__head">
        <h3 id="case-verify-title" className="case-section__title">Verification</h3>
        <button type="button" className="btn btn--small" data-testid="case-verify-run" disabled={v.running} onClick={() => void verifyCase()}>
          {v.running ? 'Verifying…' : 'Verify'}
        </button>
      </header>
      {!v.running && !v.report && !v.error && (
        <div className="pane-empty">Re-hashes the audit log end to end and every evidence file, and checks each record against the entry that added it.</div>
      )}
      {v.running && (
        <div className="case-verify__progress">
          <span className="muted">{v.progress?.phase ?? 'starting'}</span>
          <div className={`progress${pct === null ? ' progress--indeterminate' : ''}`} role="progressbar" aria-label="Verification progress"
            aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct ?? undefined} data-testid="case-verify-progress">
            <div className="progress__fill" style={{ width: pct === null ? undefined : `${pct}%` }} />
          </div>
          <span className="mono">{v.progress ? formatPercent(v.progress.fraction) : ''}</span>
        </div>
      )}
      {v.error && <div className="case-verify__error" role="alert">{v.error}</div>}
      {v.report && <VerifyReport r={v.report} />}
    </section>
  );
}

function VerifyReport({ r }: { r: CaseVerifyReport }) {
  const errors = r.issues.filter((i) => i.severity === 'error');
  const warnings = r.issues.filter((i) => i.severity === 'warning');
  return (
    <div className={`case-verify__result case-verify__result--${r.ok ? 'ok' : 'failed'}`} data-testid="case-verify-result" data-ok={r.ok}>
      <div className="case-verify__verdict">{r.ok ? '✓ Verified' : '✗ Verification failed'}</div>
      <ul className="case-verify__facts">
        <li data-testid="verify-audit">
          Audit log: {formatCount(r.audit.entries)} entries,{' '}
          {r.audit.ok ? 'chain intact' : <strong>broken at entry {r.audit.firstBroken?.seq}: {r.audit.firstBroken?.reason}</strong>}
          {r.audit.head && <span className="mono muted"> head {r.audit.head.seq}:{r.audit.head.hash.slice(0, 16)}…</span>}
        </li>
        {r.artifacts.map((a) => (
          <li key={a.id} data-testid="verify-artifact" data-status={a.status}>
            Evidence {a.id} <span className="mono">{baseName(a.path)}</span>: <span className={`case-status case-status--${a.status}`}>{a.status}</span>
            {a.status === 'changed' && a.actualSha256 && <span className="mono muted"> now {a.actualSha256.slice(0, 16)}…, recorded {a.sha256.slice(0, 16)}…</span>}
          </li>
        ))}
        {r.interruptedImports.map((i) => (
          <li key={i.importId} className="muted">Interrupted import of evidence {i.artifactId} (entry {i.seq}, {i.startedAt}); nothing of it was kept.</li>
        ))}
      </ul>
      {(errors.length > 0 || warnings.filter((w) => w.kind !== 'import').length > 0) && (
        <ul className="case-verify__issues">
          {[...errors, ...warnings.filter((w) => w.kind !== 'import')].slice(0, 50).map((i, k) => (
            <li key={k} data-testid="verify-issue" className={`case-verify__issue--${i.severity}`}>{i.severity}: {i.message}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Jumps the explorer to an event of an artifact, opening it from the case first when needed. */
async function showEvent(artifactId: number | null, num: number | null): Promise<void> {
  if (artifactId === null || num === null) return;
  const { link } = useCase.getState();
  const ex = useExplorer.getState();
  if (!(link?.artifactId === artifactId && ex.capture?.id === link.captureId)) {
    if (!(await openFromCase(artifactId))) return;
  }
  useApp.getState().setArea('captures');
  useExplorer.getState().jumpTo(num);
  useExplorer.getState().setTab('events');
}

function Findings() {
  const findings = useCase((s) => s.findings);
  const artifacts = useCase((s) => s.info?.artifacts);
  const indexed = useMemo(() => new Set((artifacts ?? []).filter((a) => a.indexed).map((a) => a.id)), [artifacts]);
  return (
    <section className="case-section" data-testid="case-findings" aria-labelledby="case-findings-title">
      <header className="case-section__head">
        <h3 id="case-findings-title" className="case-section__title">Findings <span className="muted">({formatCount(findings.length)})</span></h3>
      </header>
      {findings.length === 0 && (
        <div className="pane-empty">No findings yet. Run Falco rules in the explorer on a capture of this case: its alerts are kept here.</div>
      )}
      {findings.length > 0 && (
        <div className="case-scroll">
          <table className="case-table">
            <thead><tr><th>Time (UTC)</th><th>Priority</th><th>Rule</th><th>Output</th><th>Event</th></tr></thead>
            <tbody>
              {findings.slice(0, 1000).map((f) => (
                <tr key={f.id} data-testid="finding-row" data-evt={f.evtNum ?? ''}>
                  <td className="mono">{f.ts ? `${isoDate(f.ts)} ${clockTime(f.ts)}` : '—'}</td>
                  <td><span className={`prio prio--${f.priority}`}>{f.priority.toUpperCase()}</span></td>
                  <td>{f.rule}</td>
                  <td className="case-table__output">{f.output}</td>
                  <td className="mono">
                    {f.evtNum !== null && f.artifactId !== null && indexed.has(f.artifactId)
                      ? <button type="button" className="btn btn--link" onClick={() => void showEvent(f.artifactId, f.evtNum)}>{f.evtNum}</button>
                      : f.evtNum ?? '—'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {findings.length > 1000 && <div className="pane-empty">Showing the first 1,000 of {formatCount(findings.length)}.</div>}
        </div>
      )}
    </section>
  );
}

function Notes() {
  const notes = useCase((s) => s.notes);
  const bookmarks = useCase((s) => s.bookmarks);
  const [text, setText] = useState('');
  const add = async () => {
    if (await addCaseNote(text)) setText('');
  };
  return (
    <section className="case-section" data-testid="case-notes" aria-labelledby="case-notes-title">
      <header className="case-section__head">
        <h3 id="case-notes-title" className="case-section__title">Bookmarks and notes</h3>
      </header>
      {bookmarks.length > 0 && (
        <ul className="case-list" aria-label="Bookmarked events">
          {bookmarks.map((b) => (
            <li key={b.id} data-testid="case-bookmark" data-evt={b.evtNum}>
              <button type="button" className="btn btn--link mono" onClick={() => void showEvent(b.artifactId, b.evtNum)}>★ {b.evtNum}</button>
              <code className="case-list__line">{b.event ? `${clockTime(b.event.ts)} ${b.event.proc} (${b.event.tid}) ${b.event.dir} ${b.event.type} ${b.event.info}` : b.label}</code>
            </li>
          ))}
        </ul>
      )}
      {notes.length === 0 && bookmarks.length === 0 && (
        <div className="pane-empty">No notes yet. Notes are append-only: each one is signed into the audit log with its author and time.</div>
      )}
      {notes.length > 0 && (
        <ul className="case-list" aria-label="Notes">
          {notes.map((n) => (
            <li key={n.id} data-testid="note-row" data-evt={n.evtNum ?? ''}>
              <span className="case-list__meta muted">
                {n.createdAt.slice(0, 19).replace('T', ' ')} · {n.author}
                {n.evtNum !== null && <> · <button type="button" className="btn btn--link mono" onClick={() => void showEvent(n.artifactId, n.evtNum)}>event {n.evtNum}</button></>}
              </span>
              <span className="case-list__text">{n.text}</span>
            </li>
          ))}
        </ul>
      )}
      <form className="case-inline" onSubmit={(e) => { e.preventDefault(); void add(); }}>
        <input className="input" data-testid="case-note-input" value={text} placeholder="Add a note to the case…" onChange={(e) => setText(e.target.value)} />
        <button type="submit" className="btn btn--small" data-testid="case-note-add" disabled={!text.trim()}>Add note</button>
      </form>
    </section>
  );
}

function Filters() {
  const filters = useCase((s) => s.filters);
  const current = useExplorer((s) => s.filter);
  const hasCapture = useExplorer((s) => s.capture !== null);
  const [name, setName] = useState('');
  const apply = (f: string) => {
    useExplorer.getState().applyFilter(f);
    useApp.getState().setArea('captures');
  };
  return (
    <section className="case-section" data-testid="case-filters" aria-labelledby="case-filters-title">
      <header className="case-section__head">
        <h3 id="case-filters-title" className="case-section__title">Saved filters</h3>
      </header>
      {filters.length === 0 && <div className="pane-empty">No saved filters. Apply a filter in the explorer, then save it here under a name.</div>}
      {filters.length > 0 && (
        <ul className="case-list">
          {filters.map((f) => (
            <li key={f.id} data-testid="case-filter">
              <strong>{f.name}</strong> <code className="case-list__line">{f.filter}</code>
              <button type="button" className="btn btn--small" disabled={!hasCapture} onClick={() => apply(f.filter)}>Apply</button>
            </li>
          ))}
        </ul>
      )}
      {current && (
        <form className="case-inline" onSubmit={(e) => { e.preventDefault(); void saveCaseFilter(name, current).then((ok) => { if (ok) setName(''); }); }}>
          <input className="input" value={name} placeholder="Name for the explorer’s filter" onChange={(e) => setName(e.target.value)} />
          <code className="case-list__line" title={current}>{current}</code>
          <button type="submit" className="btn btn--small" disabled={!name.trim()}>Save filter</button>
        </form>
      )}
    </section>
  );
}

function Export() {
  const [dir, setDir] = useState('');
  const [bookmarked, setBookmarked] = useState(true);
  return (
    <section className="case-section" data-testid="case-export" aria-labelledby="case-export-title">
      <header className="case-section__head">
        <h3 id="case-export-title" className="case-section__title">Report bundle</h3>
      </header>
      <form className="case-inline" onSubmit={(e) => { e.preventDefault(); void exportCase(dir, bookmarked); }}>
        <input className="input input--mono" data-testid="case-export-dir" value={dir} spellCheck={false} placeholder="/reports/inc-42 (a new folder)"
          onChange={(e) => setDir(e.target.value)} />
        <label className="check">
          <input type="checkbox" checked={bookmarked} onChange={(e) => setBookmarked(e.target.checked)} /> bookmarked events as .scap
        </label>
        <button type="submit" className="btn btn--small" data-testid="case-export-run" disabled={!dir.trim()}>Export</button>
      </form>
    </section>
  );
}

function detailsText(e: CaseAuditEntry): string {
  const t = JSON.stringify(e.details);
  return t.length > 180 ? `${t.slice(0, 180)}…` : t;
}

function Audit() {
  const audit = useCase((s) => s.audit);
  const entries = audit ? [...audit.entries].reverse() : [];
  return (
    <section className="case-section" data-testid="case-audit" aria-labelledby="case-audit-title">
      <header className="case-section__head">
        <h3 id="case-audit-title" className="case-section__title">
          Audit log <span className="muted">({formatCount(audit?.total ?? 0)} entries{audit && audit.total > AUDIT_SHOWN ? `, newest ${AUDIT_SHOWN}` : ''})</span>
        </h3>
      </header>
      <div className="case-scroll">
        <table className="case-table case-table--audit">
          <thead><tr><th>#</th><th>Time (UTC)</th><th>Actor</th><th>Action</th><th>Details</th><th>Hash</th></tr></thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.seq} data-testid="audit-row" data-seq={e.seq} data-action={e.action}>
                <td className="mono">{e.seq}</td>
                <td className="mono">{e.time.slice(0, 19).replace('T', ' ')}</td>
                <td>{e.actor}</td>
                <td><span className="tag">{e.action}</span></td>
                <td className="mono case-table__details" title={JSON.stringify(e.details, null, 2)}>{detailsText(e)}</td>
                <td className="mono muted" title={`${e.hash}\nprevious ${e.prevHash}`}>{e.hash.slice(0, 12)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
