import { runOperation } from '../state/operations';
import { scopeParams, useExplorer } from './store';

/**
 * Replays the open capture through rules (the default ruleset and/or the user's files, over the
 * time selection when there is one) and puts the findings in the explorer: the Alerts pane, the
 * timeline's markers, and the open case when the capture is evidence in it.
 */
export async function runRules(defaults: boolean, files: string[]): Promise<boolean> {
  const ex = useExplorer.getState();
  const cap = ex.capture;
  if (!cap || ex.rulesRunning) return false;
  const range = ex.range;
  ex.setRulesRunning(true);
  const r = await runOperation('Running rules', 'rules.run', {
    id: cap.id, defaults, ...(files.length ? { files } : {}), ...scopeParams(null, range),
  });
  const now = useExplorer.getState();
  // The capture may have been closed or replaced meanwhile: those findings are not its.
  if (now.capture?.id !== cap.id) return false;
  now.setRulesRunning(false);
  if (!r) return false;
  const used = [defaults ? 'default ruleset' : '', ...files].filter(Boolean).join(' + ');
  now.setRules(r, used + (range ? ' · time selection' : ''));
  return true;
}
