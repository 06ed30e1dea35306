/**
 * container.* and k8s.* fields. Offline, Kubernetes metadata only exists as container labels
 * (io.kubernetes.*) carried by container events, which is exactly what sysdig falls back to
 * without an API server; the other k8s.* fields have no source in a capture.
 */
import { CONTAINER_TYPE_NAMES, isDockerCompatible, mountToString, type ContainerInfo, type ContainerMount } from '../containers.js';
import type { ThreadInfo } from '../threadinfo.js';
import { defineFields, type FieldArg, type FieldContext, type FieldDef, type FieldValue } from './types.js';

function thread(c: FieldContext): ThreadInfo | null {
  return c.evt.tinfo ?? c.state.threads.getRef(c.evt.tid, false);
}

/** The thread's container entry; undefined outside containers or when unknown. */
function containerField(fn: (ci: ContainerInfo, t: ThreadInfo, c: FieldContext, a: FieldArg | undefined) => FieldValue) {
  return (c: FieldContext, a: FieldArg | undefined): FieldValue => {
    const t = thread(c);
    if (t === null || t.containerId === '') return null;
    const ci = c.state.containers.get(t.containerId);
    return ci ? fn(ci, t, c, a) : null;
  };
}

function nonEmpty(s: string): string | null {
  return s === '' ? null : s;
}

function mountFor(ci: ContainerInfo, a: FieldArg | undefined, byDest: boolean): ContainerMount | null {
  if (a === undefined) return null;
  if (a.index !== undefined) return ci.mountByIdx(a.index);
  return byDest ? ci.mountByDest(a.text) : ci.mountBySource(a.text);
}

function probeText(ci: ContainerInfo, type: 'healthcheck' | 'liveness_probe' | 'readiness_probe'): string {
  const p = ci.probes.find((x) => x.type === type);
  if (!p) return 'NONE';
  return [p.exe, ...p.args].join(' ');
}

export const CONTAINER_FIELDS: FieldDef[] = defineFields('container', [
  { name: 'container.id', type: 'CHARBUF', display: 'Container ID', desc: 'the container id.', get: (c) => { const t = thread(c); return t === null ? null : t.containerId === '' ? 'host' : t.containerId; } },
  {
    name: 'container.name', type: 'CHARBUF', display: 'Container Name', desc: 'the container name.',
    get: (c) => {
      const t = thread(c);
      if (t === null) return null;
      if (t.containerId === '') return 'host';
      const ci = c.state.containers.get(t.containerId);
      return ci ? nonEmpty(ci.name) : null;
    },
  },
  { name: 'container.image', type: 'CHARBUF', display: 'Image Name', desc: 'the container image name (e.g. falcosecurity/falco:latest for docker).', get: containerField((ci) => nonEmpty(ci.image)) },
  { name: 'container.image.id', type: 'CHARBUF', display: 'Image ID', desc: 'the container image id (e.g. 6f7e2741b66b).', get: containerField((ci) => nonEmpty(ci.imageId)) },
  {
    name: 'container.type', type: 'CHARBUF', display: 'Type', desc: 'the container type, eg: docker or rkt',
    bind: () => {
      // A type libsinsp's switch does not name (podman) leaves the check's string as the last
      // value this field printed.
      let last = '';
      return (c) => {
        const t = thread(c);
        if (t === null) return null;
        if (t.containerId === '') return (last = 'host');
        const ci = c.state.containers.get(t.containerId);
        if (!ci) return null;
        return (last = CONTAINER_TYPE_NAMES[ci.type] ?? last);
      };
    },
  },
  { name: 'container.privileged', type: 'BOOL', display: 'Privileged', desc: 'true for containers running as privileged, false otherwise', get: containerField((ci) => (isDockerCompatible(ci.type) ? ci.privileged : null)) },
  { name: 'container.mounts', type: 'CHARBUF', display: 'Mounts', desc: 'A space-separated list of mount information. Each item in the list has the format <source>:<dest>:<mode>:<rdrw>:<propagation>', get: containerField((ci) => ci.mounts.map(mountToString).join(',')) },
  {
    name: 'container.mount', type: 'CHARBUF', display: 'Mount', desc: 'Information about a single mount, specified by number (e.g. container.mount[0]) or mount source (container.mount[/usr/local]). The pathname can be a glob (container.mount[/usr/local/*]), in which case the first matching mount will be returned. The information has the format <source>:<dest>:<mode>:<rdrw>:<propagation>. If there is no mount with the specified index or matching the provided source, returns the string "none" instead of a NULL value.', flags: { requiresArg: true }, arg: 'bracket',
    get: containerField((ci, _t, _c, a) => { const m = mountFor(ci, a, false); return m ? mountToString(m) : null; }),
  },
  {
    name: 'container.mount.source', type: 'CHARBUF', display: 'Mount Source', desc: 'the mount source, specified by number (e.g. container.mount.source[0]) or mount destination (container.mount.source[/host/lib/modules]). The pathname can be a glob.', flags: { requiresArg: true }, arg: 'bracket',
    get: containerField((ci, _t, _c, a) => mountFor(ci, a, true)?.source ?? null),
  },
  { name: 'container.mount.dest', type: 'CHARBUF', display: 'Mount Destination', desc: 'the mount destination, specified by number (e.g. container.mount.dest[0]) or mount source (container.mount.dest[/lib/modules]). The pathname can be a glob.', flags: { requiresArg: true }, arg: 'bracket', get: containerField((ci, _t, _c, a) => mountFor(ci, a, false)?.dest ?? null) },
  { name: 'container.mount.mode', type: 'CHARBUF', display: 'Mount Mode', desc: 'the mount mode, specified by number (e.g. container.mount.mode[0]) or mount source (container.mount.mode[/usr/local]). The pathname can be a glob.', flags: { requiresArg: true }, arg: 'bracket', get: containerField((ci, _t, _c, a) => mountFor(ci, a, false)?.mode ?? null) },
  { name: 'container.mount.rdwr', type: 'CHARBUF', display: 'Mount Read/Write', desc: 'the mount rdwr value, specified by number (e.g. container.mount.rdwr[0]) or mount source (container.mount.rdwr[/usr/local]). The pathname can be a glob.', flags: { requiresArg: true }, arg: 'bracket', get: containerField((ci, _t, _c, a) => { const m = mountFor(ci, a, false); return m ? (m.rdwr ? 'true' : 'false') : null; }) },
  { name: 'container.mount.propagation', type: 'CHARBUF', display: 'Mount Propagation', desc: 'the mount propagation value, specified by number (e.g. container.mount.propagation[0]) or mount source (container.mount.propagation[/usr/local]). The pathname can be a glob.', flags: { requiresArg: true }, arg: 'bracket', get: containerField((ci, _t, _c, a) => mountFor(ci, a, false)?.propagation ?? null) },
  { name: 'container.image.repository', type: 'CHARBUF', display: 'Repository', desc: 'the container image repository (e.g. falcosecurity/falco).', get: containerField((ci) => nonEmpty(ci.imageRepo)) },
  { name: 'container.image.tag', type: 'CHARBUF', display: 'Image Tag', desc: 'the container image tag (e.g. stable, latest).', get: containerField((ci) => nonEmpty(ci.imageTag)) },
  { name: 'container.image.digest', type: 'CHARBUF', display: 'Registry Digest', desc: 'the container image registry digest (e.g. sha256:d977378f890d445c15e51795296e4e5062f109ce6da83e0a355fc4ad8699d27).', get: containerField((ci) => nonEmpty(ci.imageDigest)) },
  { name: 'container.healthcheck', type: 'CHARBUF', display: 'Health Check', desc: 'The container\'s health check. Will be the null value ("N/A") if no healthcheck configured, "NONE" if configured but explicitly not created, and the healthcheck command line otherwise', get: containerField((ci) => probeText(ci, 'healthcheck')) },
  { name: 'container.liveness_probe', type: 'CHARBUF', display: 'Liveness', desc: 'The container\'s liveness probe. Will be the null value ("N/A") if no liveness probe configured, the liveness probe command line otherwise', get: containerField((ci) => probeText(ci, 'liveness_probe')) },
  { name: 'container.readiness_probe', type: 'CHARBUF', display: 'Readiness', desc: 'The container\'s readiness probe. Will be the null value ("N/A") if no readiness probe configured, the readiness probe command line otherwise', get: containerField((ci) => probeText(ci, 'readiness_probe')) },
  // Fields of the current container plugin that the capture's metadata can answer.
  { name: 'container.full_id', type: 'CHARBUF', display: 'Container Full ID', desc: 'the full container id, as opposed to container.id which is truncated to 12 characters.', origin: 'libs', get: (c) => { const t = thread(c); if (t === null) return null; if (t.containerId === '') return 'host'; const ci = c.state.containers.get(t.containerId); return ci ? nonEmpty(ci.fullId) : null; } },
  { name: 'container.ip', type: 'CHARBUF', display: 'Container ip address', desc: 'The container\'s / pod\'s primary ip address as retrieved from the container engine.', origin: 'libs', get: containerField((ci) => (ci.ip === 0 ? null : `${ci.ip >>> 24}.${(ci.ip >>> 16) & 255}.${(ci.ip >>> 8) & 255}.${ci.ip & 255}`)) },
  { name: 'container.label', type: 'CHARBUF', display: 'Container Label', desc: 'A specific container label, e.g. container.label[maintainer].', flags: { requiresArg: true }, arg: 'bracket', origin: 'libs', get: containerField((ci, _t, _c, a) => (a === undefined ? null : (ci.labels.get(a.text) ?? null))) },
  { name: 'container.labels', type: 'CHARBUF', display: 'Container Labels', desc: "The container's labels, as comma-separated key:value pairs.", origin: 'libs', get: containerField((ci) => [...ci.labels].map(([k, v]) => (v === '' ? k : `${k}:${v}`)).join(', ')) },
  // The plugin reads these from the thread (its pid namespace's start), not from the container
  // engine, so host threads answer too (with the host's namespace start).
  { name: 'container.start_ts', type: 'ABSTIME', format: 'DEC', display: 'Container Start', desc: 'Container start as epoch timestamp in nanoseconds based on proc.pidns_init_start_ts and extracted in the kernel and not from the container runtime socket / container engine.', origin: 'libs', get: (c) => { const t = thread(c); return t === null || t.pidnsInitStartTs === 0n ? null : t.pidnsInitStartTs; } },
  { name: 'container.duration', type: 'RELTIME', format: 'DEC', display: 'Number of nanoseconds since container.start_ts', desc: 'Number of nanoseconds since container.start_ts.', origin: 'libs', get: (c) => { const t = thread(c); return t === null || t.pidnsInitStartTs === 0n ? null : BigInt.asUintN(64, c.evt.ts - t.pidnsInitStartTs); } },
]);

/** k8s labels of the pod's sandbox container, excluding annotations and internal labels. */
function sandboxOf(c: FieldContext, ci: ContainerInfo): ContainerInfo | null {
  let sid = ci.labels.get('io.kubernetes.sandbox.id');
  if (sid === undefined) return null;
  if (sid.length > 12) sid = sid.slice(0, 12);
  const s = c.state.containers.get(sid);
  return s && s.labels.size > 0 ? s : null;
}

function k8sLabelField(key: string) {
  return (c: FieldContext): FieldValue => {
    const t = thread(c);
    if (t === null || t.containerId === '') return null;
    const ci = c.state.containers.get(t.containerId);
    if (!ci || ci.labels.size === 0) return null;
    return ci.labels.get(key) ?? null;
  };
}

function podLabels(c: FieldContext, a: FieldArg | undefined, all: boolean): FieldValue {
  const t = thread(c);
  if (t === null || t.containerId === '') return null;
  const ci = c.state.containers.get(t.containerId);
  if (!ci || ci.labels.size === 0) return null;
  const sb = sandboxOf(c, ci);
  if (!sb) return null;
  if (!all) return a === undefined ? null : (sb.labels.get(a.text) ?? null);
  const parts: string[] = [];
  for (const [k, v] of sb.labels) {
    if (k.startsWith('annotation.') || k.startsWith('io.kubernetes.')) continue;
    parts.push(v === '' ? k : `${k}:${v}`);
  }
  return parts.join(', ');
}

const NO_API = (): FieldValue => null;

export const K8S_FIELDS: FieldDef[] = defineFields('k8s', [
  { name: 'k8s.pod.name', type: 'CHARBUF', display: 'Pod Name', desc: 'Kubernetes pod name.', get: k8sLabelField('io.kubernetes.pod.name') },
  { name: 'k8s.pod.id', type: 'CHARBUF', display: 'Pod ID', desc: 'Kubernetes pod id.', get: k8sLabelField('io.kubernetes.pod.uid') },
  { name: 'k8s.pod.label', type: 'CHARBUF', display: 'Pod Label', desc: "Kubernetes pod label. E.g. 'k8s.pod.label.foo'.", flags: { requiresArg: true }, arg: 'dotted', get: (c, a) => podLabels(c, a, false) },
  { name: 'k8s.pod.labels', type: 'CHARBUF', display: 'Pod Labels', desc: "Kubernetes pod comma-separated key/value labels. E.g. 'foo1:bar1,foo2:bar2'.", get: (c) => podLabels(c, undefined, true) },
  { name: 'k8s.rc.name', type: 'CHARBUF', display: 'Replication Controller Name', desc: 'Kubernetes replication controller name.', get: NO_API },
  { name: 'k8s.rc.id', type: 'CHARBUF', display: 'Replication Controller ID', desc: 'Kubernetes replication controller id.', get: NO_API },
  { name: 'k8s.rc.label', type: 'CHARBUF', display: 'Replication Controller Label', desc: "Kubernetes replication controller label. E.g. 'k8s.rc.label.foo'.", flags: { requiresArg: true }, arg: 'dotted', get: NO_API },
  { name: 'k8s.rc.labels', type: 'CHARBUF', display: 'Replication Controller Labels', desc: "Kubernetes replication controller comma-separated key/value labels. E.g. 'foo1:bar1,foo2:bar2'.", get: NO_API },
  { name: 'k8s.svc.name', type: 'CHARBUF', display: 'Service Name', desc: 'Kubernetes service name (can return more than one value, concatenated).', get: NO_API },
  { name: 'k8s.svc.id', type: 'CHARBUF', display: 'Service ID', desc: 'Kubernetes service id (can return more than one value, concatenated).', get: NO_API },
  { name: 'k8s.svc.label', type: 'CHARBUF', display: 'Service Label', desc: "Kubernetes service label. E.g. 'k8s.svc.label.foo' (can return more than one value, concatenated).", flags: { requiresArg: true }, arg: 'dotted', get: NO_API },
  { name: 'k8s.svc.labels', type: 'CHARBUF', display: 'Service Labels', desc: "Kubernetes service comma-separated key/value labels. E.g. 'foo1:bar1,foo2:bar2'.", get: NO_API },
  { name: 'k8s.ns.name', type: 'CHARBUF', display: 'Namespace Name', desc: 'Kubernetes namespace name.', get: k8sLabelField('io.kubernetes.pod.namespace') },
  { name: 'k8s.ns.id', type: 'CHARBUF', display: 'Namespace ID', desc: 'Kubernetes namespace id.', get: NO_API },
  { name: 'k8s.ns.label', type: 'CHARBUF', display: 'Namespace Label', desc: "Kubernetes namespace label. E.g. 'k8s.ns.label.foo'.", flags: { requiresArg: true }, arg: 'dotted', get: NO_API },
  { name: 'k8s.ns.labels', type: 'CHARBUF', display: 'Namespace Labels', desc: "Kubernetes namespace comma-separated key/value labels. E.g. 'foo1:bar1,foo2:bar2'.", get: NO_API },
  { name: 'k8s.rs.name', type: 'CHARBUF', display: 'Replica Set Name', desc: 'Kubernetes replica set name.', get: NO_API },
  { name: 'k8s.rs.id', type: 'CHARBUF', display: 'Replica Set ID', desc: 'Kubernetes replica set id.', get: NO_API },
  { name: 'k8s.rs.label', type: 'CHARBUF', display: 'Replica Set Label', desc: "Kubernetes replica set label. E.g. 'k8s.rs.label.foo'.", flags: { requiresArg: true }, arg: 'dotted', get: NO_API },
  { name: 'k8s.rs.labels', type: 'CHARBUF', display: 'Replica Set Labels', desc: "Kubernetes replica set comma-separated key/value labels. E.g. 'foo1:bar1,foo2:bar2'.", get: NO_API },
  { name: 'k8s.deployment.name', type: 'CHARBUF', display: 'Deployment Name', desc: 'Kubernetes deployment name.', get: NO_API },
  { name: 'k8s.deployment.id', type: 'CHARBUF', display: 'Deployment ID', desc: 'Kubernetes deployment id.', get: NO_API },
  { name: 'k8s.deployment.label', type: 'CHARBUF', display: 'Deployment Label', desc: "Kubernetes deployment label. E.g. 'k8s.rs.label.foo'.", flags: { requiresArg: true }, arg: 'dotted', get: NO_API },
  { name: 'k8s.deployment.labels', type: 'CHARBUF', display: 'Deployment Labels', desc: "Kubernetes deployment comma-separated key/value labels. E.g. 'foo1:bar1,foo2:bar2'.", get: NO_API },
  { name: 'k8s.pod.uid', type: 'CHARBUF', display: 'Pod UID', desc: 'Kubernetes pod UID (same as k8s.pod.id).', origin: 'libs', get: k8sLabelField('io.kubernetes.pod.uid') },
  { name: 'k8s.pod.sandbox_id', type: 'CHARBUF', display: 'Pod / Sandbox ID', desc: 'The truncated Kubernetes pod sandbox id (first 12 characters).', origin: 'libs', get: (c) => { const v = k8sLabelField('io.kubernetes.sandbox.id')(c); return typeof v === 'string' ? v.slice(0, 12) : v; } },
  { name: 'k8s.pod.full_sandbox_id', type: 'CHARBUF', display: 'Pod / Sandbox ID', desc: 'The full Kubernetes pod / sandbox id.', origin: 'libs', get: k8sLabelField('io.kubernetes.sandbox.id') },
]);
