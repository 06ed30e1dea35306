import { useApp } from '../state/store';
import { EvidenceCard } from './EvidenceCard';
import { PlannedAreaView } from './planned';

export function CaseArea() {
  const hashed = useApp((s) => s.hashed);
  return (
    <PlannedAreaView id="case">
      {hashed.length > 0 && (
        <section className="session-evidence" aria-label="Evidence fingerprinted this session">
          <h2 className="section-title">Evidence fingerprinted this session <span className="muted">(not saved)</span></h2>
          <div className="evidence-list">
            {hashed.map((h) => <EvidenceCard key={h.path} item={h} compact />)}
          </div>
        </section>
      )}
    </PlannedAreaView>
  );
}
