import { useMemo, useState } from 'react';
import type { StreamChunk } from '../../../core/api/contract';
import { asciiText, base64ToBytes, clockTime, formatBytesShort, formatCount, hex2, printable } from './model';
import { useEngineQuery } from './query';
import { TableSkeleton } from './ViewsPane';
import { scopeParams, useExplorer } from './store';

type Mode = 'ascii' | 'hex';
const CHUNK_LIMIT = 5000;

function HexBlock({ bytes }: { bytes: Uint8Array }) {
  const lines: string[] = [];
  for (let off = 0; off < bytes.length; off += 16) {
    const row = bytes.subarray(off, off + 16);
    const hex = Array.from(row, hex2).join(' ').padEnd(47, ' ');
    lines.push(`${off.toString(16).padStart(6, '0')}  ${hex}  ${Array.from(row, printable).join('')}`);
  }
  return <pre className="stream__data stream__data--hex">{lines.join('\n')}</pre>;
}

export function FollowStream() {
  const id = useExplorer((s) => s.capture?.id);
  const stream = useExplorer((s) => s.stream);
  const range = useExplorer((s) => s.range);
  const followStream = useExplorer((s) => s.followStream);
  const jumpTo = useExplorer((s) => s.jumpTo);
  const setTab = useExplorer((s) => s.setTab);
  const [mode, setMode] = useState<Mode>('ascii');
  const [only, setOnly] = useState<string | null>(null);
  const params = id && stream ? { id, follow: { fdFilter: stream.filter, limit: CHUNK_LIMIT }, ...scopeParams(null, range) } : null;
  const q = useEngineQuery('capture.analyze', params, 'Follow stream');
  const chunks = useMemo(() => q.data?.follow?.chunks ?? [], [q.data]);
  const summary = q.data?.follow?.summary ?? null;
  const shown = only ? chunks.filter((c) => c.fd === only) : chunks;

  if (!stream) {
    return (
      <div className="stream" data-testid="follow-stream" data-chunks="">
        <div className="pane-empty pane-empty--big">
          Pick something to follow: <strong>Follow</strong> on a row of Connections, Files or Processes, or
          <strong> Follow stream</strong> in an event’s details. The data read and written on that file descriptor is
          shown in order, with direction and time, like Wireshark’s Follow Stream.
        </div>
      </div>
    );
  }

  return (
    <div className="stream" data-testid="follow-stream" data-chunks={q.data ? chunks.length : ''} data-filter={stream.filter}>
      <div className="stream__bar">
        <span className="stream__title" title={stream.filter}>Following <strong>{stream.label || stream.filter}</strong></span>
        {summary && (
          <span className="stream__meta" data-testid="stream-summary">
            {formatCount(summary.chunks)} chunks · <span className="stream__in">◀ {formatBytesShort(summary.bytesRead)} read</span> ·{' '}
            <span className="stream__out">▶ {formatBytesShort(summary.bytesWritten)} written</span>
            {summary.bytesMissing > 0 && <> · {formatBytesShort(summary.bytesMissing)} not captured (snaplen)</>}
            {(q.data?.follow?.dropped ?? 0) > 0 && <> · {formatCount(q.data!.follow!.dropped)} more chunks not shown</>}
          </span>
        )}
        <span className="stream__spacer" />
        <div className="seg" role="group" aria-label="Display">
          <button type="button" className={`seg__btn${mode === 'ascii' ? ' is-on' : ''}`} data-testid="stream-ascii" onClick={() => setMode('ascii')}>ASCII</button>
          <button type="button" className={`seg__btn${mode === 'hex' ? ' is-on' : ''}`} data-testid="stream-hex" onClick={() => setMode('hex')}>Hex</button>
        </div>
        <button type="button" className="btn btn--small btn--ghost" onClick={() => followStream(null)}>Close</button>
      </div>
      <code className="stream__filter">{stream.filter}</code>
      {summary && summary.streams.length > 1 && (
        <div className="stream__streams">
          <span className="muted">{summary.streams.length} fds match:</span>
          <button type="button" className={`chip${only === null ? ' is-on' : ''}`} onClick={() => setOnly(null)}>all</button>
          {summary.streams.slice(0, 30).map((s) => (
            <button key={s} type="button" className={`chip mono${only === s ? ' is-on' : ''}`} onClick={() => setOnly(s)}>{s}</button>
          ))}
        </div>
      )}
      {q.loading && <TableSkeleton progress={q.progress?.fraction ?? null} />}
      {q.error && <div className="pane-error"><span className="code-chip">{q.error.code}</span> {q.error.message}</div>}
      <div className="stream__body">
        {q.data && shown.length === 0 && <div className="pane-empty">No data was read or written on this selection.</div>}
        {shown.map((c, i) => <ChunkView key={`${c.num}-${i}`} c={c} mode={mode} onJump={() => { jumpTo(Number(c.num)); setTab('events'); }} />)}
      </div>
    </div>
  );
}

function ChunkView({ c, mode, onJump }: { c: StreamChunk; mode: Mode; onJump(): void }) {
  const bytes = useMemo(() => base64ToBytes(c.data), [c.data]);
  const write = c.dir === 'write';
  return (
    <div className={`chunk chunk--${c.dir}`} data-testid="stream-chunk" data-dir={c.dir}>
      <div className="chunk__head">
        <span className="chunk__dir">{write ? '▶ write' : '◀ read'}</span>
        <span className="chunk__len">{formatCount(c.len)} B{bytes.length < c.len ? ` (${formatCount(bytes.length)} captured)` : ''}</span>
        <span className="chunk__time">{clockTime(c.ts)}</span>
        <span className="chunk__proc">{c.proc}{c.pid !== null ? ` (${c.pid})` : ''}</span>
        <span className="chunk__fd" title={c.fd}>{c.fd}</span>
        <button type="button" className="btn btn--link chunk__evt" onClick={onJump} title="Show this event in the list">evt {c.num}</button>
      </div>
      {mode === 'ascii' ? <pre className="stream__data">{asciiText(bytes)}</pre> : <HexBlock bytes={bytes} />}
    </div>
  );
}
