import type { ReactNode } from 'react';
import type { AreaId } from '../state/store';
import { CaseIcon, CloudIcon, ClusterIcon, ComplianceIcon, ScansIcon } from '../shell/icons';
import { AreaHeader } from './AreaHeader';
import { EmptyState } from './EmptyState';

interface PlannedArea {
  title: string;
  subtitle: string;
  icon: ReactNode;
  emptyTitle: string;
  lead: string;
  available: string[];
  coming: string[];
  howToStart: string;
}

/** The areas whose engine has not landed yet: what each will hold, and what works today. */
export const PLANNED: Record<Exclude<AreaId, 'captures'>, PlannedArea> = {
  cluster: {
    title: 'Cluster',
    subtitle: 'Kubernetes clusters, workloads and topology',
    icon: <ClusterIcon width={34} height={34} />,
    emptyTitle: 'No cluster connected',
    lead: 'Cluster will show a Kubernetes cluster as evidence: nodes, namespaces, workloads, pods and how they '
      + 'connect, read from a kubeconfig context or from an offline snapshot, and linked to capture activity.',
    available: [],
    coming: [
      'Connect through a kubeconfig context, read-only',
      'Load an offline cluster snapshot into the case',
      'Topology map of workloads, services and network paths',
      'Jump from a pod to its processes in a capture',
    ],
    howToStart: 'Connecting via kubeconfig is coming; this build cannot reach a cluster yet.',
  },
  cloud: {
    title: 'Cloud',
    subtitle: 'CloudTrail and Kubernetes audit logs',
    icon: <CloudIcon width={34} height={34} />,
    emptyTitle: 'No cloud logs loaded',
    lead: 'Cloud will hold AWS CloudTrail and Kubernetes audit logs, searched with the same filter language as '
      + 'captures and checked with the Falco aws_cloudtrail and k8s_audit rules.',
    available: [],
    coming: [
      'Import CloudTrail JSON files or folders',
      'Import Kubernetes audit logs',
      'Falco rules over these events, with findings added to the case',
      'One timeline across cloud, cluster and syscall events',
    ],
    howToStart: 'Importing logs is coming; keep the exported files with your case evidence for now.',
  },
  scans: {
    title: 'Scans',
    subtitle: 'Container images, hosts and Dockerfiles',
    icon: <ScansIcon width={34} height={34} />,
    emptyTitle: 'No scans yet',
    lead: 'Scans will inspect container image tarballs, hosts and Dockerfiles for vulnerable packages and '
      + 'misconfigurations, entirely offline.',
    available: [],
    coming: [
      'Scan an image tarball (docker save / OCI layout)',
      'Dockerfile best-practice checks',
      'SBOMs as CycloneDX and SPDX',
      'SARIF and JUnit output, with CI exit codes like Trivy and Grype',
    ],
    howToStart: 'Scanning is coming; nothing can be scanned in this build.',
  },
  compliance: {
    title: 'Compliance',
    subtitle: 'CIS, NIST 800-53, PCI DSS and SOC 2 mappings',
    icon: <ComplianceIcon width={34} height={34} />,
    emptyTitle: 'No assessment yet',
    lead: 'Compliance will map findings and evidence to controls in the CIS Benchmarks, NIST 800-53, PCI DSS and '
      + 'SOC 2, so an auditor can see which controls the evidence supports or breaks.',
    available: [],
    coming: [
      'Control catalogs for CIS, NIST 800-53, PCI DSS and SOC 2',
      'Assessments built from findings in the case',
      'Reports as HTML, PDF and JSON',
    ],
    howToStart: 'Assessments are coming; they need findings from captures, scans or cloud logs first.',
  },
  case: {
    title: 'Case',
    subtitle: 'Evidence, findings, notes and the audit log',
    icon: <CaseIcon width={34} height={34} />,
    emptyTitle: 'No case open',
    lead: 'A case collects evidence with its SHA-256, findings, bookmarks and notes, and keeps a hash-chained '
      + 'audit log of every action, stored locally on this machine.',
    available: [
      'Fingerprint evidence files (SHA-256 and size) from Captures; kept for this session only',
    ],
    coming: [
      'Create, save and reopen cases (local SQLite)',
      'Findings, bookmarks and notes on events',
      'Tamper-evident, hash-chained audit log',
      'Case reports as HTML, PDF and JSON',
    ],
    howToStart: 'Saving cases is coming. Files you fingerprint in Captures appear here until this window closes.',
  },
};

export function PlannedAreaView({ id, children }: { id: Exclude<AreaId, 'captures'>; children?: ReactNode }) {
  const a = PLANNED[id];
  return (
    <section className="area" data-testid={`area-${id}`} aria-labelledby={`area-${id}-title`}>
      <AreaHeader id={`area-${id}-title`} title={a.title} subtitle={a.subtitle} />
      <div className="area__body">
        <EmptyState
          testId={`empty-${id}`}
          icon={a.icon}
          title={a.emptyTitle}
          lead={a.lead}
          available={a.available}
          coming={a.coming}
          footnote={a.howToStart}
        />
        {children}
      </div>
    </section>
  );
}
