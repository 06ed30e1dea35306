import { Explorer } from '../explorer/Explorer';
import { openCapture } from '../explorer/open';
import { StartPage } from '../explorer/StartPage';
import { useExplorer } from '../explorer/store';
import { useApp } from '../state/store';
import { OpenCaptureDialog } from './OpenCaptureDialog';

export { openCapture };

export function CapturesArea() {
  const capture = useExplorer((s) => s.capture);
  const dialogOpen = useApp((s) => s.openDialog === 'capture');
  const setOpenDialog = useApp((s) => s.setOpenDialog);

  return (
    <section className={`area${capture ? ' area--explorer' : ''}`} data-testid="area-captures" aria-label="Captures">
      {capture ? <Explorer /> : <StartPage />}
      {dialogOpen && (
        <OpenCaptureDialog
          onClose={() => setOpenDialog(null)}
          onOpen={(path) => { setOpenDialog(null); void openCapture(path); }}
        />
      )}
    </section>
  );
}
