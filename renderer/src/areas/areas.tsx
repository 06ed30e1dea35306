import type { ComponentType, SVGProps } from 'react';
import type { AreaId } from '../state/store';
import { CaseIcon, CapturesIcon, CloudIcon, ClusterIcon, ComplianceIcon, ScansIcon } from '../shell/icons';
import { CapturesArea } from './CapturesArea';
import { CaseArea } from './case/CaseArea';
import { PlannedAreaView } from './planned';

export interface AreaDef {
  id: AreaId;
  label: string;
  /** One line for the nav tooltip. */
  blurb: string;
  Icon: ComponentType<SVGProps<SVGSVGElement>>;
  View: ComponentType;
}

/** Order is the Alt+1..6 order. */
export const AREAS: readonly AreaDef[] = [
  { id: 'captures', label: 'Captures', blurb: 'Syscall captures (.scap)', Icon: CapturesIcon, View: CapturesArea },
  { id: 'cluster', label: 'Cluster', blurb: 'Kubernetes clusters', Icon: ClusterIcon, View: () => <PlannedAreaView id="cluster" /> },
  { id: 'cloud', label: 'Cloud', blurb: 'CloudTrail and audit logs', Icon: CloudIcon, View: () => <PlannedAreaView id="cloud" /> },
  { id: 'scans', label: 'Scans', blurb: 'Images, hosts, Dockerfiles', Icon: ScansIcon, View: () => <PlannedAreaView id="scans" /> },
  { id: 'compliance', label: 'Compliance', blurb: 'CIS, NIST, PCI, SOC 2', Icon: ComplianceIcon, View: () => <PlannedAreaView id="compliance" /> },
  { id: 'case', label: 'Case', blurb: 'Evidence, findings, notes', Icon: CaseIcon, View: CaseArea },
];
