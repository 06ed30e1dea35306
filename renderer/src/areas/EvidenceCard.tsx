import { useState } from 'react';
import type { EvidenceHash } from '../../../core/api/contract';
import { baseName, formatByteCount, formatBytes } from '../format';
import { FileIcon } from '../shell/icons';

export function EvidenceCard({ item, compact = false }: { item: EvidenceHash; compact?: boolean }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(item.sha256);
      setCopied(true);
      setTimeout(() => setCopied(false), 1500);
    } catch {
      // Clipboard access can be refused; the hash stays selectable.
    }
  };
  return (
    <article className={`evidence${compact ? ' evidence--compact' : ''}`} data-testid="hash-result" data-path={item.path}>
      <div className="evidence__head">
        <FileIcon className="evidence__icon" />
        <div className="evidence__title">
          <h3 className="evidence__name">{baseName(item.path)}</h3>
          <div className="evidence__path" title={item.path}>{item.path}</div>
        </div>
        <span className="evidence__size" title={formatByteCount(item.size)}>{formatBytes(item.size)}</span>
      </div>
      <dl className="evidence__facts">
        <dt>SHA-256</dt>
        <dd>
          <code className="hash" data-testid="hash-sha256">{item.sha256}</code>
          <button type="button" className="btn btn--small" onClick={() => void copy()}>{copied ? 'Copied' : 'Copy'}</button>
        </dd>
        <dt>Size</dt>
        <dd data-testid="hash-size">{formatByteCount(item.size)}</dd>
      </dl>
    </article>
  );
}
