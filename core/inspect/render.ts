/**
 * Bridges the event-table renderer (core/capture/events/render.ts) to the inspector's state:
 * fd names, cwd, thread names and users come from the tables, exactly where libsinsp's
 * sinsp_evt looks them up.
 *
 * libsinsp renders every param into one text buffer that its event object reuses, and a
 * zero-length path param "renders" by leaving that buffer as it was. The inspector keeps a copy
 * of what the buffer last held (`paramStorage`) so those params show the same stale text.
 */
import { renderArgs, renderParam, renderRawArg, type FdRef, type ParamResolver, type ParamText, type RenderOptions } from '../capture/events/render.js';
import type { BufferFormat } from '../capture/events/bytebuf.js';
import { eventInfo } from '../capture/events/table.js';
import { PT } from '../capture/events/types.js';
import { FD, L4 } from './constants.js';
import type { InspectedEvent, ParamReader } from './event.js';
import type { FdInfo } from './fdinfo.js';
import type { InspectorState } from './state.js';
import type { ThreadInfo } from './threadinfo.js';

const L4CHAR: Record<number, string> = { [L4.TCP]: 't', [L4.UDP]: 'u', [L4.ICMP]: 'i', [L4.RAW]: 'r' };

function fdRef(f: FdInfo): FdRef {
  let l4 = '';
  if (f.type === FD.IPV4_SOCK || f.type === FD.IPV6_SOCK || f.type === FD.IPV4_SERVSOCK || f.type === FD.IPV6_SERVSOCK) {
    l4 = L4CHAR[f.l4proto()] ?? '';
  }
  return { typeChar: f.typechar, l4, name: f.name };
}

/** sinsp_evt::get_thread_info(): the attached thread, else a plain lookup (never creates). */
export function eventThread(s: InspectorState, evt: InspectedEvent): ThreadInfo | null {
  if (evt.tinfo) return evt.tinfo;
  return s.threads.getRef(evt.tid, false);
}

export function resolverFor(s: InspectorState, evt: InspectedEvent): ParamResolver {
  const t = eventThread(s, evt);
  return {
    hasThread: t !== null,
    fd: (fd) => {
      const f = t?.getFd(fd);
      return f ? fdRef(f) : undefined;
    },
    cwd: () => (t ? t.getCwd() : undefined),
    dirfdPath: (dirfd) => {
      const f = t?.getFd(dirfd);
      return f && f.name !== '' ? f.name : undefined;
    },
    comm: (tid) => s.threads.lookup(tid)?.comm,
    user: (uid) => s.users.user(uid)?.name,
    group: (gid) => s.users.group(gid)?.name,
  };
}

export interface RenderSettings {
  bufferFormat: BufferFormat;
  /** Cut rendered data buffers to this many characters (sysdig: 80 unless -v); 0 = never. */
  maxBufferLen: number;
  /** sysdig -t: how %evt.outputtime prints ('h' wall clock, 'a' absolute, 'r' relative, 'd' latency, 'D' delta). */
  timeFormat?: 'h' | 'a' | 'r' | 'd' | 'D';
}

const DEFAULT_SETTINGS: RenderSettings = { bufferFormat: 'normal', maxBufferLen: 0 };

/** The dialect's table, or the current one for event types the dialect does not know. */
function dialectFor(s: InspectorState, type: number): 'current' | 'sysdig029' {
  return s.dialect === 'sysdig029' && eventInfo(type, 'sysdig029') === undefined ? 'current' : s.dialect;
}

function options(s: InspectorState, settings: RenderSettings, type: number, simpleFd = false): RenderOptions {
  return {
    dialect: dialectFor(s, type),
    bufferFormat: settings.bufferFormat,
    maxBufferLen: settings.maxBufferLen,
    simpleFd,
    text: 'latin1',
  };
}

/** A path param with no bytes: libsinsp shows whatever its param buffer still holds. */
function isEmptyPath(params: ParamReader, i: number): boolean {
  const p = params.info.params[i];
  return p !== undefined && (p.type === PT.FSPATH || p.type === PT.FSRELPATH) && params.len(i) === 0;
}

/** get_param_as_str(i) for `params` (the event itself or its stored enter event). */
export function renderParamText(
  s: InspectorState,
  params: ParamReader,
  evt: InspectedEvent,
  i: number,
  simple: boolean,
  settings: RenderSettings = DEFAULT_SETTINGS,
): { str: string; resolved: string } {
  if (i >= params.nparams) return { str: '', resolved: '' };
  if (isEmptyPath(params, i)) return { str: s.paramStorage, resolved: '' };
  const t: ParamText | undefined = renderParam(params.raw, i, resolverFor(s, evt), options(s, settings, params.type, simple));
  if (!t) return { str: '', resolved: '' };
  s.paramStorage = t.value;
  return { str: t.value, resolved: t.resolved };
}

/** %evt.args. Undefined when the event type is unknown to the dialect. */
export function renderEventArgs(s: InspectorState, evt: InspectedEvent, settings: RenderSettings = DEFAULT_SETTINGS): string | undefined {
  const r = renderArgs(evt.raw, resolverFor(s, evt), options(s, settings, evt.type));
  if (r !== undefined && evt.nparams > 0 && evt.type > 1) {
    // The buffer now holds the last param's text.
    const last = evt.nparams - 1;
    if (!isEmptyPath(evt, last)) {
      const t = renderParam(evt.raw, last, resolverFor(s, evt), options(s, settings, evt.type));
      if (t) s.paramStorage = t.value;
    }
  }
  return r;
}

/** get_param_as_str with the resolved part, for evt.arg/evt.res style fields. */
export function renderEventParam(
  s: InspectorState,
  evt: InspectedEvent,
  i: number,
  settings: RenderSettings = DEFAULT_SETTINGS,
): ParamText | undefined {
  if (i >= evt.nparams) return undefined;
  if (isEmptyPath(evt, i)) return { value: s.paramStorage, resolved: '' };
  const t = renderParam(evt.raw, i, resolverFor(s, evt), options(s, settings, evt.type));
  if (t) s.paramStorage = t.value;
  return t;
}

/** %evt.rawarg.NAME as sysdig prints it; undefined when absent. */
export function renderEventRawArg(evt: InspectedEvent, name: string): string | undefined {
  return renderRawArg(evt.raw, name, 'latin1');
}
