import { useCallback, useEffect, useRef, useState } from 'react';
import type { CompletionResult, FilterCheck } from '../../../core/api/contract';
import { getApi, toApiError } from '../api';
import { ClockIcon, CloseIcon } from '../shell/icons';
import { deleteSavedFilter, filterHistory, saveFilter, savedFilters, type SavedFilter } from './storage';
import { useExplorer } from './store';

type Check = { state: 'empty' } | { state: 'pending' } | { state: 'done'; text: string; result: FilterCheck } | { state: 'failed'; message: string };

/** Validates the draft as the user types; only the answer for the latest text lands. */
function useValidation(text: string): Check {
  const [check, setCheck] = useState<Check>({ state: 'empty' });
  const seq = useRef(0);
  useEffect(() => {
    const mine = ++seq.current;
    if (!text.trim()) { setCheck({ state: 'empty' }); return; }
    setCheck((c) => (c.state === 'done' ? c : { state: 'pending' }));
    const t = setTimeout(() => {
      getApi().call('filter.validate', { filter: text }).then(
        (result) => { if (mine === seq.current) setCheck({ state: 'done', text, result }); },
        (err: unknown) => { if (mine === seq.current) setCheck({ state: 'failed', message: toApiError(err).message }); },
      );
    }, 90);
    return () => clearTimeout(t);
  }, [text]);
  return check;
}

interface Completion extends CompletionResult {
  active: number;
}

const KIND_LABEL: Record<string, string> = { field: 'fld', operator: 'op', value: 'val', keyword: 'kw', transformer: 'fn', macro: 'mac' };

/** Focuses the filter input from anywhere (the `/` shortcut). */
export function focusFilterBar(): void {
  document.querySelector<HTMLInputElement>('[data-testid="filter-input"]')?.focus();
}

export function FilterBar() {
  const draft = useExplorer((s) => s.draft);
  const applied = useExplorer((s) => s.filter);
  const captureId = useExplorer((s) => s.capture?.id);
  const setDraft = useExplorer((s) => s.setDraft);
  const applyFilter = useExplorer((s) => s.applyFilter);
  const check = useValidation(draft);
  const inputRef = useRef<HTMLInputElement>(null);
  const mirrorRef = useRef<HTMLDivElement>(null);
  const [completion, setCompletion] = useState<Completion | null>(null);
  const [menu, setMenu] = useState<'history' | null>(null);
  const [saving, setSaving] = useState<string | null>(null);
  const [saved, setSaved] = useState<SavedFilter[]>(() => savedFilters());
  const completeSeq = useRef(0);

  const current = check.state === 'done' && check.text === draft ? check.result : null;
  const problem = current && !current.ok ? current.problem : null;
  const status = !draft.trim() ? 'empty' : current ? (current.ok ? 'valid' : 'invalid') : check.state === 'failed' ? 'invalid' : 'pending';

  const syncScroll = () => {
    if (mirrorRef.current && inputRef.current) mirrorRef.current.scrollLeft = inputRef.current.scrollLeft;
  };
  useEffect(syncScroll);

  const requestCompletion = useCallback((text: string, cursor: number) => {
    const mine = ++completeSeq.current;
    const params = captureId ? { filter: text, cursor, id: captureId } : { filter: text, cursor };
    getApi().call('filter.complete', params).then((r) => {
      if (mine !== completeSeq.current) return;
      setCompletion(r.items.length ? { ...r, active: 0 } : null);
    }, () => { if (mine === completeSeq.current) setCompletion(null); });
  }, [captureId]);

  const closeCompletion = () => { completeSeq.current++; setCompletion(null); };

  const accept = (c: Completion, index: number) => {
    const item = c.items[index];
    if (!item) return;
    const insert = item.insert ?? item.label;
    const needsSpace = item.kind === 'field' || item.kind === 'operator' || item.kind === 'keyword';
    const after = draft.slice(c.to);
    const tail = needsSpace && !after.startsWith(' ') ? ' ' : '';
    const next = draft.slice(0, c.from) + insert + tail + after;
    const caret = c.from + insert.length + tail.length;
    setDraft(next);
    closeCompletion();
    requestAnimationFrame(() => {
      const el = inputRef.current;
      if (!el) return;
      el.focus();
      el.setSelectionRange(caret, caret);
      syncScroll();
      requestCompletion(next, caret);
    });
  };

  const apply = () => {
    closeCompletion();
    if (!draft.trim()) { applyFilter(''); return; }
    if (status === 'invalid') {
      inputRef.current?.focus();
      if (problem) inputRef.current?.setSelectionRange(problem.start, problem.end);
      return;
    }
    // A check in flight is awaited: applying an unchecked filter would fail in every pane at once.
    void getApi().call('filter.validate', { filter: draft }).then((r) => {
      if (r.ok) applyFilter(draft);
    }, () => {});
  };

  // The engine's one-click fix: its replacement for the underlined span, caret left after it.
  const fix = (start: number, end: number, replacement: string) => {
    const next = draft.slice(0, start) + replacement + draft.slice(end);
    const caret = start + replacement.length;
    setDraft(next);
    closeCompletion();
    requestAnimationFrame(() => {
      const el = inputRef.current;
      if (!el) return;
      el.focus();
      el.setSelectionRange(caret, caret);
      syncScroll();
    });
  };

  const dirty = draft.trim() !== applied;
  const underline = problem && draft ? {
    before: draft.slice(0, problem.start),
    bad: draft.slice(problem.start, Math.max(problem.end, problem.start + 1)) || ' ',
    after: draft.slice(Math.max(problem.end, problem.start + 1)),
  } : null;

  return (
    <div className={`filterbar filterbar--${status}`} data-testid="filter-bar" data-status={status} data-applied={applied}>
      <div className="filterbar__row">
        <span className="filterbar__label" title="sysdig / Falco filter syntax">Filter</span>
        <div className="filterbar__field">
          <div className="filterbar__mirror" ref={mirrorRef} aria-hidden="true">
            {underline
              ? <>{underline.before}<mark className="filterbar__bad" data-testid="filter-underline" data-start={problem!.start}
                data-end={problem!.end}>{underline.bad}</mark>{underline.after}</>
              : draft}
          </div>
          <input ref={inputRef} className="filterbar__input" data-testid="filter-input" value={draft} spellCheck={false}
            autoComplete="off" aria-label="Filter (sysdig/Falco syntax)" aria-invalid={status === 'invalid'}
            aria-describedby={problem ? 'filter-error' : undefined}
            placeholder="e.g. proc.name=nginx and evt.type in (read, write) and fd.sport=80"
            role="combobox" aria-expanded={!!completion} aria-controls="filter-completions"
            onChange={(e) => {
              setDraft(e.target.value);
              requestCompletion(e.target.value, e.target.selectionStart ?? e.target.value.length);
            }}
            onScroll={syncScroll}
            onBlur={() => setTimeout(closeCompletion, 150)}
            onKeyDown={(e) => {
              if (completion) {
                if (e.key === 'ArrowDown') { e.preventDefault(); setCompletion({ ...completion, active: (completion.active + 1) % completion.items.length }); return; }
                if (e.key === 'ArrowUp') { e.preventDefault(); setCompletion({ ...completion, active: (completion.active - 1 + completion.items.length) % completion.items.length }); return; }
                if (e.key === 'Tab') { e.preventDefault(); accept(completion, completion.active); return; }
                if (e.key === 'Escape') { e.preventDefault(); e.stopPropagation(); closeCompletion(); return; }
              }
              if (e.key === ' ' && e.ctrlKey) {
                e.preventDefault();
                requestCompletion(draft, e.currentTarget.selectionStart ?? draft.length);
                return;
              }
              if (e.key === 'Enter') { e.preventDefault(); apply(); return; }
              if (e.key === 'Escape') { e.stopPropagation(); e.currentTarget.blur(); }
            }} />
          {completion && (
            <ul className="completions" id="filter-completions" role="listbox" data-testid="filter-completions">
              {completion.items.map((it, i) => (
                <li key={`${it.kind}:${it.label}`} role="option" aria-selected={i === completion.active}
                  className={`completions__item${i === completion.active ? ' is-active' : ''}`}
                  data-testid="filter-completion"
                  onMouseDown={(e) => { e.preventDefault(); accept(completion, i); }}>
                  <span className={`completions__kind completions__kind--${it.kind}`}>{KIND_LABEL[it.kind] ?? it.kind}</span>
                  <span className="completions__label">{it.label}</span>
                  {it.detail && <span className="completions__detail">{it.detail}</span>}
                </li>
              ))}
              <li className="completions__foot">Tab or click to insert · ↑↓ to choose · Esc to close</li>
            </ul>
          )}
        </div>
        <span className={`filterbar__state filterbar__state--${status}`} data-testid="filter-state"
          title={status === 'invalid' ? 'Not a valid filter' : status === 'valid' ? 'Valid filter' : status === 'pending' ? 'Checking…' : ''}>
          {status === 'valid' ? '✓' : status === 'invalid' ? '!' : status === 'pending' ? '…' : ''}
        </span>
        {draft && (
          <button type="button" className="btn btn--icon btn--ghost" aria-label="Clear the filter" title="Clear"
            data-testid="filter-clear" onClick={() => { setDraft(''); applyFilter(''); closeCompletion(); }}>
            <CloseIcon width={14} height={14} />
          </button>
        )}
        <button type="button" className={`btn btn--small${dirty ? ' btn--primary' : ''}`} data-testid="filter-apply"
          disabled={status === 'invalid' || (!dirty && !!applied)} onClick={apply}>
          Apply
        </button>
        <div className="filterbar__menu">
          <button type="button" className="btn btn--icon btn--ghost" aria-label="History and saved filters"
            title="History and saved filters" data-testid="filter-history-button" aria-expanded={menu === 'history'}
            onClick={() => setMenu(menu ? null : 'history')}>
            <ClockIcon width={15} height={15} />
          </button>
          {menu === 'history' && (
            <FilterMenu saved={saved} onPick={(f) => { setDraft(f); applyFilter(f); setMenu(null); }}
              onDelete={(name) => setSaved(deleteSavedFilter(name))} onClose={() => setMenu(null)} />
          )}
        </div>
        {saving === null ? (
          <button type="button" className="btn btn--small btn--ghost" data-testid="filter-save" disabled={!applied}
            title="Save the applied filter under a name" onClick={() => setSaving('')}>
            ☆ Save
          </button>
        ) : (
          <form className="filterbar__save" onSubmit={(e) => {
            e.preventDefault();
            if (saving.trim()) setSaved(saveFilter({ name: saving.trim(), filter: applied }));
            setSaving(null);
          }}>
            <input className="input input--small" autoFocus placeholder="Name" value={saving} data-testid="filter-save-name"
              onChange={(e) => setSaving(e.target.value)} onKeyDown={(e) => { if (e.key === 'Escape') { e.stopPropagation(); setSaving(null); } }} />
            <button type="submit" className="btn btn--small">Save</button>
          </form>
        )}
      </div>
      {(problem || check.state === 'failed' || (dirty && status === 'valid')) && (
        <div className="filterbar__msg">
          {problem && (
            <div className="filterbar__error" id="filter-error" data-testid="filter-error" role="alert"
              data-code={problem.code} data-start={problem.start} data-end={problem.end}>
              <span className="code-chip">{problem.code}</span>
              <span className="filterbar__pos">col {problem.start + 1}</span>
              {problem.message}
              {problem.suggestion && <span className="filterbar__suggest" data-testid="filter-suggestion">{problem.suggestion}</span>}
              {problem.replacement !== undefined && (
                <button type="button" className="btn btn--small filterbar__fix" data-testid="filter-fix"
                  title="Replace the underlined text" onMouseDown={(e) => e.preventDefault()}
                  onClick={() => fix(problem.start, problem.end, problem.replacement!)}>
                  Fix: <code>{draft.slice(problem.start, problem.end) || '∅'}</code> → <code>{problem.replacement}</code>
                </button>
              )}
            </div>
          )}
          {check.state === 'failed' && <div className="filterbar__error" data-testid="filter-error">{check.message}</div>}
          {!problem && dirty && status === 'valid' && (
            <div className="filterbar__note" data-testid="filter-dirty">Valid. Press Enter to apply to every pane.</div>
          )}
        </div>
      )}
    </div>
  );
}

function FilterMenu({ saved, onPick, onDelete, onClose }: {
  saved: SavedFilter[]; onPick(f: string): void; onDelete(name: string): void; onClose(): void;
}) {
  const history = filterHistory();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const onDown = (e: MouseEvent) => { if (ref.current && !ref.current.contains(e.target as Node)) onClose(); };
    window.addEventListener('mousedown', onDown);
    return () => window.removeEventListener('mousedown', onDown);
  }, [onClose]);
  return (
    <div className="popover filtermenu" ref={ref} data-testid="filter-menu"
      onKeyDown={(e) => { if (e.key === 'Escape') { e.stopPropagation(); onClose(); } }}>
      <div className="popover__title">Saved filters</div>
      {saved.length === 0 && <div className="popover__empty">None yet: apply a filter, then ☆ Save.</div>}
      {saved.map((s) => (
        <div key={s.name} className="filtermenu__row">
          <button type="button" className="filtermenu__item" onClick={() => onPick(s.filter)} title={s.filter}>
            <span className="filtermenu__name">{s.name}</span>
            <span className="filtermenu__filter">{s.filter}</span>
          </button>
          <button type="button" className="btn btn--icon btn--ghost" aria-label={`Delete ${s.name}`} onClick={() => onDelete(s.name)}>
            <CloseIcon width={12} height={12} />
          </button>
        </div>
      ))}
      <div className="popover__title">History</div>
      {history.length === 0 && <div className="popover__empty">Filters you apply appear here.</div>}
      {history.slice(0, 15).map((h) => (
        <button key={h} type="button" className="filtermenu__item" data-testid="filter-history-item" onClick={() => onPick(h)} title={h}>
          <span className="filtermenu__filter">{h}</span>
        </button>
      ))}
      <div className="popover__foot">Kept in this browser profile.</div>
    </div>
  );
}
