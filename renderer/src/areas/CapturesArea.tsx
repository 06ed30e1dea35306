import { baseName } from '../format';
import { CapturesIcon } from '../shell/icons';
import { runOperation } from '../state/operations';
import { useApp } from '../state/store';
import { AreaHeader } from './AreaHeader';
import { EmptyState } from './EmptyState';
import { EvidenceCard } from './EvidenceCard';
import { OpenCaptureDialog } from './OpenCaptureDialog';

/** Until capture decoding lands, opening a capture fingerprints it: the first step of any intake. */
export async function openCapture(path: string): Promise<void> {
  const result = await runOperation(`Hashing ${baseName(path)}`, 'evidence.hash', { path });
  if (result) useApp.getState().addHashed(result);
}

export function CapturesArea() {
  const hashed = useApp((s) => s.hashed);
  const dialogOpen = useApp((s) => s.openDialog === 'capture');
  const setOpenDialog = useApp((s) => s.setOpenDialog);
  const hashing = useApp((s) => s.operations.some((op) => op.method === 'evidence.hash' && op.status === 'running'));

  const openButton = (
    <button type="button" className="btn btn--primary" data-testid="open-capture-button" onClick={() => setOpenDialog('capture')}>
      Open capture…
    </button>
  );

  return (
    <section className="area" data-testid="area-captures" aria-labelledby="area-captures-title">
      <AreaHeader id="area-captures-title" title="Captures" subtitle="sysdig and Falco syscall captures (.scap)"
        actions={hashed.length > 0 ? openButton : undefined} />
      <div className="area__body">
        {hashed.length === 0 ? (
          <EmptyState
            testId="empty-captures"
            icon={<CapturesIcon width={34} height={34} />}
            title="No capture open"
            lead={'Captures holds syscall recordings made by sysdig or Falco (.scap files, raw or gzip). Open one to '
              + 'fingerprint it now; browsing its events, processes and connections is on the way.'}
            actions={openButton}
            available={[
              'Browse folders on the engine’s machine; files that start like a scap capture are marked',
              'Fingerprint a file: SHA-256 and exact size, with progress and cancel',
            ]}
            coming={[
              'Decoding events, with sysdig/Falco filters',
              'Processes, files, connections and other views',
              'Timeline, process tree and Falco rules over the capture',
            ]}
            footnote={hashing ? 'Hashing… progress is shown in the status bar below.' : 'Evidence is only read, never modified.'}
          />
        ) : (
          <>
            <p className="area__note">
              Fingerprinted this session. Event decoding is not in this build yet; the SHA-256 identifies the exact
              file you reviewed.
            </p>
            <div className="evidence-list">
              {hashed.map((h) => <EvidenceCard key={h.path} item={h} />)}
            </div>
          </>
        )}
      </div>
      {dialogOpen && (
        <OpenCaptureDialog
          onClose={() => setOpenDialog(null)}
          onOpen={(path) => { setOpenDialog(null); void openCapture(path); }}
        />
      )}
    </section>
  );
}
