/**
 * Container metadata (libsinsp sinsp_container_manager) for offline captures.
 *
 * A capture carries container metadata as container JSON events; threads are assigned to
 * containers by matching their cgroups against each runtime's layout, exactly in libsinsp's engine
 * order. No runtime is ever queried: like sysdig reading a file, an id found only in cgroups gets
 * a bare entry (type + id) until a JSON event describes it.
 */
import type { ThreadInfo } from './threadinfo.js';
import { ThreadCategory } from './threadinfo.js';

export const CT = {
  DOCKER: 0,
  LXC: 1,
  LIBVIRT_LXC: 2,
  MESOS: 3,
  RKT: 4,
  CUSTOM: 5,
  CRI: 6,
  CONTAINERD: 7,
  CRIO: 8,
  BPM: 9,
  STATIC: 10,
  PODMAN: 11,
} as const;

export const CONTAINER_TYPE_NAMES: Record<number, string> = {
  [CT.DOCKER]: 'docker',
  [CT.LXC]: 'lxc',
  [CT.LIBVIRT_LXC]: 'libvirt-lxc',
  [CT.MESOS]: 'mesos',
  [CT.CRI]: 'cri',
  [CT.CONTAINERD]: 'containerd',
  [CT.CRIO]: 'cri-o',
  [CT.RKT]: 'rkt',
  [CT.BPM]: 'bpm',
};

export const LOOKUP = { STARTED: 0, SUCCESSFUL: 1, FAILED: 2 } as const;

export function isDockerCompatible(t: number): boolean {
  return t === CT.DOCKER || t === CT.CRI || t === CT.CONTAINERD || t === CT.CRIO || t === CT.PODMAN;
}

export interface ContainerMount {
  source: string;
  dest: string;
  mode: string;
  rdwr: boolean;
  propagation: string;
}

export function mountToString(m: ContainerMount): string {
  return `${m.source}:${m.dest}:${m.mode}:${m.rdwr ? 'true' : 'false'}:${m.propagation}`;
}

/** 'none' exists because libsinsp also parses a "None" probe, which then hides later matches. */
export type ProbeType = 'none' | 'healthcheck' | 'liveness_probe' | 'readiness_probe';

export interface HealthProbe {
  type: ProbeType;
  exe: string;
  args: string[];
}

export class ContainerInfo {
  id = '';
  fullId = '';
  type: number = CT.DOCKER;
  name = '';
  image = '';
  imageId = '';
  imageRepo = '';
  imageTag = '';
  imageDigest = '';
  privileged = false;
  isPodSandbox = false;
  lookupState: number = LOOKUP.SUCCESSFUL;
  createdTime = 0n;
  mounts: ContainerMount[] = [];
  probes: HealthProbe[] = [];
  /** Host-order IPv4 address, 0 when unknown. */
  ip = 0;
  labels = new Map<string, string>();
  env: string[] = [];
  memoryLimit = 0n;
  swapLimit = 0n;
  cpuShares = 1024n;
  cpuQuota = 0n;
  cpuPeriod = 100000n;
  cpusetCpuCount = 0;
  mesosTaskId = '';
  metadataDeadline = 0n;

  isSuccessful(): boolean {
    return this.lookupState === LOOKUP.SUCCESSFUL;
  }

  mountByIdx(i: number): ContainerMount | null {
    return i >= 0 && i < this.mounts.length ? this.mounts[i]! : null;
  }
  mountBySource(pattern: string): ContainerMount | null {
    return this.mounts.find((m) => globMatch(pattern, m.source)) ?? null;
  }
  mountByDest(pattern: string): ContainerMount | null {
    return this.mounts.find((m) => globMatch(pattern, m.dest)) ?? null;
  }
}

/** fnmatch(3) without flags, enough for mount globs. */
export function globMatch(pattern: string, s: string): boolean {
  let re = '^';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '*') re += '.*';
    else if (c === '?') re += '.';
    else if (c === '[') {
      const close = pattern.indexOf(']', i + 1);
      if (close < 0) re += '\\[';
      else {
        let body = pattern.slice(i + 1, close);
        if (body.startsWith('!')) body = '^' + body.slice(1);
        re += `[${body.replace(/\\/g, '\\\\')}]`;
        i = close;
      }
    } else re += c.replace(/[.+^${}()|\\/]/g, '\\$&');
  }
  return new RegExp(re + '$', 's').test(s);
}

// --- cgroup matching (libsinsp runc.cpp and the container engines) ---------------------------------

const CONTAINER_ID_LENGTH = 64;
const REPORTED_ID_LENGTH = 12;
const HEX = /^[0-9a-fA-F]$/;

/** match_one_container_id, including its use of an absolute index in the hex check. */
function matchOne(cgroup: string, prefix: string, suffix: string): string | null {
  let start = cgroup.lastIndexOf(prefix);
  if (start < 0) return null;
  start += prefix.length;
  const end = suffix === '' ? cgroup.length : cgroup.lastIndexOf(suffix);
  if (end < 0) return null;
  if (end - start !== CONTAINER_ID_LENGTH) return null;
  let invalid = -1;
  for (let i = start; i < cgroup.length; i++) {
    if (!HEX.test(cgroup[i]!)) {
      invalid = i;
      break;
    }
  }
  if (invalid >= 0 && invalid < CONTAINER_ID_LENGTH) return null;
  return cgroup.slice(start, start + REPORTED_ID_LENGTH);
}

type Layout = ReadonlyArray<readonly [string, string]>;

function matchRunc(cgroups: ReadonlyArray<readonly [string, string]>, layout: Layout): string | null {
  for (const [, cg] of cgroups) {
    for (const [p, s] of layout) {
      const id = matchOne(cg, p, s);
      if (id !== null) return id;
    }
  }
  return null;
}

/** What the runc-style layouts find in a cgroups list. */
interface RuncIds {
  podman: string | null;
  docker: string | null;
  cri: string | null;
}

/**
 * The layouts' matches depend on the list alone, and threads share lists (see
 * ThreadInfo.setCgroups), so they are kept per list.
 */
const runcIdsByList = new WeakMap<ReadonlyArray<readonly [string, string]>, RuncIds>();

function runcIds(cgroups: ReadonlyArray<readonly [string, string]>): RuncIds {
  let ids = runcIdsByList.get(cgroups);
  if (ids === undefined) {
    ids = { podman: matchRunc(cgroups, PODMAN_LAYOUT), docker: matchRunc(cgroups, DOCKER_LAYOUT), cri: matchRunc(cgroups, CRI_LAYOUT) };
    runcIdsByList.set(cgroups, ids);
  }
  return ids;
}

const DOCKER_LAYOUT: Layout = [
  ['/', ''],
  ['/docker-', '.scope'],
];
const PODMAN_LAYOUT: Layout = [['/libpod-', '.scope']];
const CRI_LAYOUT: Layout = [
  ['/', ''],
  ['/crio-', ''],
  ['/cri-containerd-', '.scope'],
  ['/crio-', '.scope'],
  [':cri-containerd:', ''],
];

export class ContainerManager {
  readonly containers = new Map<string, ContainerInfo>();
  private readonly lookups = new Map<string, Set<number>>();

  get(id: string): ContainerInfo | undefined {
    return this.containers.get(id);
  }

  shouldLookup(id: string, type: number): boolean {
    return !this.lookups.get(id)?.has(type);
  }

  add(info: ContainerInfo): void {
    let s = this.lookups.get(info.id);
    if (!s) this.lookups.set(info.id, (s = new Set()));
    s.add(info.type);
    this.containers.set(info.id, info);
  }

  private notifyNew(type: number, id: string, name = ''): void {
    const c = new ContainerInfo();
    c.type = type;
    c.id = id;
    c.name = name;
    this.add(c);
  }

  /** docker_base::resolve_impl in capture mode. */
  private resolveDockerLike(t: ThreadInfo, id: string, type: number): boolean {
    t.containerId = id;
    const c = this.containers.get(id);
    if (!c) {
      this.notifyNew(type, id);
      return true;
    }
    return c.isSuccessful();
  }

  /**
   * sinsp_container_manager::resolve_container(tinfo, query_os=false). Engines run in libsinsp's
   * order and the first that claims the thread wins; an engine may set the id and still decline.
   */
  resolve(t: ThreadInfo): boolean {
    t.containerId = '';
    const ids = runcIds(t.cgroups);
    // Each engine in turn until one claims the thread (a short-circuit chain, no closures: this
    // runs for every clone and exec).
    let matches =
      // podman: only the cgroup layout; rootless detection reads the live host's /proc.
      (ids.podman !== null && this.resolveDockerLike(t, ids.podman, CT.PODMAN)) ||
      (ids.docker !== null && this.resolveDockerLike(t, ids.docker, CT.DOCKER));
    if (!matches) {
      // cri: records the id, then declines because no runtime socket is reachable offline.
      if (ids.cri !== null) t.containerId = ids.cri;
      matches = this.resolveLxc(t) || this.resolveLibvirtLxc(t) || this.resolveMesos(t) || this.resolveRkt(t) || this.resolveBpm(t);
    }
    this.identifyCategory(t);
    return matches;
  }

  private resolveLxc(t: ThreadInfo): boolean {
    for (const [, cg] of t.cgroups) {
      for (const marker of ['/lxc/', '/lxc.payload/']) {
        const pos = cg.indexOf(marker);
        if (pos >= 0) {
          const s = pos + marker.length;
          const e = cg.indexOf('/', s);
          const id = cg.slice(s, e < 0 ? undefined : e);
          t.containerId = id;
          if (this.shouldLookup(id, CT.LXC)) this.notifyNew(CT.LXC, id, id);
          return true;
        }
      }
    }
    return false;
  }

  private resolveLibvirtLxc(t: ThreadInfo): boolean {
    let id: string | null = null;
    for (const [, cg] of t.cgroups) {
      let pos = cg.indexOf('.libvirt-lxc');
      if (pos >= 0 && pos === cg.length - '.libvirt-lxc'.length) {
        const p2 = cg.lastIndexOf('/');
        if (p2 >= 0) {
          id = cg.slice(p2 + 1, pos);
          break;
        }
      }
      pos = cg.indexOf('-lxc\\x2');
      if (pos >= 0) {
        const p2 = cg.indexOf('.scope');
        if (p2 >= 0 && p2 === cg.length - '.scope'.length) {
          // sizeof("-lxc\\x2") counts the NUL, so libsinsp skips one byte more than the marker.
          id = cg.slice(pos + 8, p2);
          break;
        }
      }
      pos = cg.indexOf('/libvirt/lxc/');
      if (pos >= 0) {
        id = cg.slice(pos + '/libvirt/lxc/'.length);
        break;
      }
    }
    if (id === null) return false;
    t.containerId = id;
    if (this.shouldLookup(id, CT.LIBVIRT_LXC)) this.notifyNew(CT.LIBVIRT_LXC, id, id);
    return true;
  }

  private resolveMesos(t: ThreadInfo): boolean {
    for (const [, cg] of t.cgroups) {
      const pos = cg.indexOf('/mesos/');
      if (pos < 0) continue;
      const id = cg.slice(pos + '/mesos/'.length);
      if (id.length === 36 && /^[0-9a-fA-F-]+$/.test(id)) {
        const mtid = mesosTaskId(t);
        if (!(mtid.length >= 3 && /[._]/.test(mtid))) return false;
        t.containerId = id;
        if (this.shouldLookup(id, CT.MESOS)) this.notifyNew(CT.MESOS, id, id);
        return true;
      }
    }
    return false;
  }

  private resolveRkt(t: ThreadInfo): boolean {
    // Only the paths that need no host lookups: stage2 root dirs and fly roots.
    const COREOS_PREFIX = '/opt/stage2/';
    const FLY_PREFIX = '/var/lib/rkt/pods/run/';
    const FLY_PODID_SUFFIX = '/stage1/rootfs/opt/stage2/';
    let id: string | null = null;
    let name = '';
    // The pod id comes from the thread's ancestors, whatever the cgroup: look it up once, at the
    // first service cgroup (threads of systemd services have a dozen of them).
    let podid: string | null = null;
    for (const [, cg] of t.cgroups) {
      if (!cg.endsWith('.service')) continue;
      if (podid === null) {
        let found = '';
        const visitor = (p: ThreadInfo): boolean => {
          for (const e of p.getEnv()) {
            if (e.startsWith('container_uuid=')) {
              found = e.slice('container_uuid='.length);
              return false;
            }
          }
          for (const a of p.args) {
            if (a.includes('--uuid=')) {
              found = a.slice('--uuid='.length);
              return false;
            }
          }
          return true;
        };
        t.traverseParents(visitor);
        podid = found;
      }
      if (podid !== '') {
        const last = cg.lastIndexOf('/');
        const app = cg.slice(last + 1, cg.length - '.service'.length);
        const cid = `${podid}:${app}`;
        if (this.containers.has(cid)) {
          id = cid;
          name = app;
          break;
        }
      }
    }
    if (id === null && t.root.startsWith(COREOS_PREFIX)) {
      const suffix = t.root.indexOf('/rootfs');
      if (suffix >= 0) {
        const app = t.root.slice(COREOS_PREFIX.length, suffix);
        const visitor = (p: ThreadInfo): boolean => {
          for (const e of p.getEnv()) {
            if (e.startsWith('container_uuid=')) {
              id = `${e.slice('container_uuid='.length)}:${app}`;
              name = app;
              return false;
            }
          }
          return true;
        };
        if (visitor(t)) t.traverseParents(visitor);
        if (id === null) return false;
      }
    } else if (id === null && t.root.startsWith(FLY_PREFIX)) {
      const ps = t.root.indexOf(FLY_PODID_SUFFIX, FLY_PREFIX.length);
      if (ps >= 0) {
        const podid = t.root.slice(FLY_PREFIX.length, ps);
        const as = t.root.indexOf('/rootfs', ps + FLY_PODID_SUFFIX.length);
        if (as >= 0) {
          name = t.root.slice(ps + FLY_PODID_SUFFIX.length, as);
          id = `${podid}:${name}`;
        }
      }
    }
    if (id === null) return false;
    t.containerId = id;
    void name;
    return true;
  }

  private resolveBpm(t: ThreadInfo): boolean {
    for (const [, cg] of t.cgroups) {
      const pos = cg.indexOf('bpm-');
      if (pos < 0) continue;
      const s = pos + 4;
      const e = cg.indexOf('.scope', s);
      const id = cg.slice(s, e < 0 ? undefined : e);
      if (id !== '' && /^[A-Za-z0-9._-]+$/.test(id)) {
        t.containerId = id;
        if (this.shouldLookup(id, CT.BPM)) this.notifyNew(CT.BPM, id, id);
        return true;
      }
    }
    return false;
  }

  /** identify_category(): container init, inherited category, or health probe. */
  private identifyCategory(t: ThreadInfo): void {
    if (t.containerId === '') return;
    if (t.vpid === 1) {
      t.category = ThreadCategory.CONTAINER;
      return;
    }
    const p = t.parentThread();
    if (p && p.category !== ThreadCategory.NONE) {
      t.category = p.category;
      return;
    }
    const c = this.containers.get(t.containerId);
    if (!c || !c.isSuccessful()) return;
    const probe = matchHealthProbe(c, t);
    if (probe === null || probe === 'none') return;
    let foundInit = false;
    t.traverseParents((pt) => {
      if (pt.vpid === 1 && pt.containerId !== '') {
        foundInit = true;
        return false;
      }
      return true;
    });
    if (!foundInit) {
      t.category =
        probe === 'healthcheck'
          ? ThreadCategory.HEALTHCHECK
          : probe === 'liveness_probe'
            ? ThreadCategory.LIVENESS_PROBE
            : ThreadCategory.READINESS_PROBE;
    }
  }
}

/** The container JSON keys of health probes, in libsinsp's probe-type order. */
const PROBE_KEYS: ReadonlyArray<readonly [string, ProbeType]> = [
  ['None', 'none'],
  ['Healthcheck', 'healthcheck'],
  ['LivenessProbe', 'liveness_probe'],
  ['ReadinessProbe', 'readiness_probe'],
];

function matchHealthProbe(c: ContainerInfo, t: ThreadInfo): ProbeType | null {
  for (const p of c.probes) {
    if (p.exe === t.exe && p.args.length === t.args.length && p.args.every((a, i) => a === t.args[i])) {
      return p.type;
    }
  }
  return null;
}

function mesosTaskId(t: ThreadInfo): string {
  let mtid = '';
  const visitor = (p: ThreadInfo): boolean => {
    for (const k of ['MESOS_TASK_ID', 'mesos_task_id', 'MESOS_EXECUTOR_ID']) {
      mtid = p.getEnvVar(k);
      if (mtid !== '') return false;
    }
    return true;
  };
  if (visitor(t)) t.traverseParents(visitor);
  return mtid;
}

/**
 * Parses a container JSON event payload (parse_container_json_evt). Returns null when the JSON is
 * invalid, which libsinsp treats as a fatal error; callers decide what to do.
 */
export function parseContainerJson(text: string): ContainerInfo | null {
  let root: unknown;
  try {
    root = JSON.parse(text.replace(/\0+$/, ''));
  } catch {
    return null;
  }
  const c = new ContainerInfo();
  const o = (root as { container?: Record<string, unknown> } | null)?.container;
  if (!o || typeof o !== 'object') return c;
  const str = (k: string): string | undefined => {
    const v = o[k];
    if (typeof v === 'string') return v;
    if (typeof v === 'number' || typeof v === 'boolean') return String(v);
    return undefined;
  };
  const num = (k: string): number | undefined => {
    const v = o[k];
    if (typeof v === 'number') return v;
    if (typeof v === 'boolean') return v ? 1 : 0;
    return undefined;
  };
  const big = (k: string): bigint | undefined => {
    const v = o[k];
    return typeof v === 'number' && Number.isInteger(v) ? BigInt(v) : undefined;
  };
  c.id = str('id') ?? '';
  c.fullId = str('full_id') ?? '';
  const type = num('type');
  if (type !== undefined && type >= 0) c.type = type;
  c.name = str('name') ?? '';
  if (typeof o.is_pod_sandbox === 'boolean') c.isPodSandbox = o.is_pod_sandbox;
  c.image = str('image') ?? '';
  c.imageId = str('imageid') ?? '';
  c.imageRepo = str('imagerepo') ?? '';
  c.imageTag = str('imagetag') ?? '';
  c.imageDigest = str('imagedigest') ?? '';
  if (typeof o.privileged === 'boolean') c.privileged = o.privileged;
  const ls = num('lookup_state');
  if (ls !== undefined) {
    c.lookupState = ls === LOOKUP.STARTED || ls === LOOKUP.SUCCESSFUL || ls === LOOKUP.FAILED ? ls : LOOKUP.SUCCESSFUL;
    // A lookup "in progress" inside a file can never finish.
    if (c.lookupState === LOOKUP.STARTED) c.lookupState = LOOKUP.FAILED;
  }
  c.createdTime = big('created_time') ?? 0n;
  if (Array.isArray(o.Mounts)) {
    for (const m of o.Mounts as Array<Record<string, unknown>>) {
      const s = (v: unknown): string => (typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v));
      c.mounts.push({
        source: s(m?.Source),
        dest: s(m?.Destination),
        mode: s(m?.Mode),
        rdwr: m?.RW === true,
        propagation: s(m?.Propagation),
      });
    }
  }
  for (const [key, type] of PROBE_KEYS) {
    const p = o[key] as { exe?: unknown; args?: unknown } | undefined;
    if (p && typeof p === 'object' && typeof p.exe === 'string') {
      const args = Array.isArray(p.args) ? p.args.filter((a): a is string => typeof a === 'string') : [];
      c.probes.push({ type, exe: p.exe, args });
    }
  }
  const ip = str('ip');
  if (ip !== undefined) {
    const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(ip);
    if (m) c.ip = ((+m[1]! << 24) | (+m[2]! << 16) | (+m[3]! << 8) | +m[4]!) >>> 0;
  }
  const labels = o.labels;
  if (labels && typeof labels === 'object' && !Array.isArray(labels)) {
    for (const k of Object.keys(labels).sort()) {
      const v = (labels as Record<string, unknown>)[k];
      c.labels.set(k, typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v));
    }
  }
  if (Array.isArray(o.env)) for (const e of o.env) if (typeof e === 'string') c.env.push(e);
  c.memoryLimit = big('memory_limit') ?? 0n;
  c.swapLimit = big('swap_limit') ?? 0n;
  c.cpuShares = big('cpu_shares') ?? 1024n;
  c.cpuQuota = big('cpu_quota') ?? 0n;
  c.cpuPeriod = big('cpu_period') ?? 100000n;
  c.cpusetCpuCount = num('cpuset_cpu_count') ?? 0;
  c.mesosTaskId = str('mesos_task_id') ?? '';
  c.metadataDeadline = big('metadata_deadline') ?? 0n;
  return c;
}
