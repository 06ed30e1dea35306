/**
 * The analysis source over a real capture: the inspector (core/inspect) walks the file, and
 * fields resolve through the inspector's registry, adapted for filters by the rules layer's
 * RegistryResolver. One FieldContext object is reused for every event (the event itself is the
 * inspector's flyweight), so nothing is allocated per event here.
 *
 * csysdig's views use a few "table only" fields libsinsp defines for them (evt.buflen.file.in and
 * friends). Until the registry carries them, this module adds them on top of it, with libsinsp's
 * semantics (sinsp_filter_check_event TYPE_BUFLEN_*): the exit's non-negative return value, for
 * I/O events on an fd of the right kind and direction.
 */
import type { FieldLookupFailure, FieldResolver, FieldValue as AnyValue, ResolvedField } from '../filter/fields.js';
import type { CompiledFilter, Predicate } from '../filter/compiler.js';
import { eventCodes, EvttypeError } from '../filter/evttypes.js';
import type { RawEvent } from '../capture/event.js';
import { PPME, type TableDialect } from '../capture/events/table.js';
import { EC, FD } from '../inspect/constants.js';
import { InspectedEvent } from '../inspect/event.js';
import { Inspector } from '../inspect/inspector.js';
import { ALL_FIELDS } from '../inspect/fields/registry.js';
import type { FieldContext, FieldValue } from '../inspect/fields/types.js';
import type { RenderSettings } from '../inspect/render.js';
import { RegistryResolver } from '../rules/syscall-resolver.js';
import type { AnalysisSource, RunOptions, SourceSummary } from './pass.js';

type Dir = 'any' | 'in' | 'out';
type Kind = 'any' | 'file' | 'net';

function ioBuflen(c: FieldContext, kind: Kind, dir: Dir): FieldValue {
  const e = c.evt;
  const f = e.fdinfo;
  if (!f) return null;
  const cat = e.category & 0x1ff;
  if (dir === 'in' ? cat !== EC.IO_READ : dir === 'out' ? cat !== EC.IO_WRITE : (cat & EC.IO_BASE) === 0) return null;
  if (kind === 'file' && f.type !== FD.FILE && f.type !== FD.FILE_V2) return null;
  if (kind === 'net' && !(f.type >= FD.IPV4_SOCK && f.type <= FD.IPV6_SERVSOCK)) return null;
  if ((e.type & 1) === 0) return null;
  const r = e.i64(0);
  return r >= 0 ? r : null;
}

const TABLE_FIELDS: Record<string, (c: FieldContext) => FieldValue> = {
  'evt.buflen.in': (c) => ioBuflen(c, 'any', 'in'),
  'evt.buflen.out': (c) => ioBuflen(c, 'any', 'out'),
  'evt.buflen.file': (c) => ioBuflen(c, 'file', 'any'),
  'evt.buflen.file.in': (c) => ioBuflen(c, 'file', 'in'),
  'evt.buflen.file.out': (c) => ioBuflen(c, 'file', 'out'),
  'evt.buflen.net': (c) => ioBuflen(c, 'net', 'any'),
  'evt.buflen.net.in': (c) => ioBuflen(c, 'net', 'in'),
  'evt.buflen.net.out': (c) => ioBuflen(c, 'net', 'out'),
};

/**
 * Fields whose extractor keeps state between events (libsinsp gives each use its own): they are
 * never shared, every use gets a fresh extractor.
 */
const STATEFUL = /^(evt\.deltatime|evt\.outputtime|thread\.exectime|thread\.totexectime|thread\.cpu)/;

/**
 * The registry, plus csysdig's table-only fields it does not (yet) define.
 *
 * A pass runs many views over the same event, and they ask for the same fields (proc.pid,
 * fd.name, proc.exeline...). With `memo` (what CaptureSource uses), stateless fields are resolved
 * once and their value is computed once per event; whoever drives the events must call `next()`
 * before each one. Without it, every extraction computes afresh.
 */
/** A memoized field's value and the event (clock.gen) it was computed for. */
export interface MemoSlot {
  at: number;
  v: AnyValue;
}

/** What generated folds may read to skip calling a memoized extractor whose value is current. */
export interface MemoSource<E> {
  memoSlot(extract: (evt: E) => AnyValue): { slot: MemoSlot; clock: { gen: number } } | undefined;
}

export class AnalysisResolver implements FieldResolver<FieldContext>, MemoSource<FieldContext> {
  readonly base = new RegistryResolver(ALL_FIELDS);
  /** Bumped per event; memoized values carry the gen they were computed for. */
  private readonly clock = { gen: 0 };
  private readonly slots = new WeakMap<(c: FieldContext) => AnyValue, MemoSlot>();
  private readonly shared = new Map<string, ResolvedField<FieldContext> | FieldLookupFailure>();
  private readonly filters = new Map<string, Predicate<FieldContext>>();

  /** `typeGate`: codes are the current libs table's, so filters' event-type sets can skip events early. */
  constructor(private readonly opts: { memo?: boolean; typeGate?: boolean } = {}) {}

  /** Call before handing consumers a new event. */
  next(): void {
    this.clock.gen++;
  }

  /** The slot behind a memoized extractor this resolver handed out (undefined for others). */
  memoSlot(extract: (c: FieldContext) => AnyValue): { slot: MemoSlot; clock: { gen: number } } | undefined {
    const slot = this.slots.get(extract);
    return slot === undefined ? undefined : { slot, clock: this.clock };
  }

  resolve(name: string, arg: string | undefined): ResolvedField<FieldContext> | FieldLookupFailure {
    const spec = arg === undefined ? name : `${name}[${arg}]`;
    if (!this.opts.memo || STATEFUL.test(name)) return this.fresh(name, arg);
    let r = this.shared.get(spec);
    if (r === undefined) {
      r = this.fresh(name, arg);
      if (!('error' in r)) r = { ...r, extract: this.memo(r.extract) };
      this.shared.set(spec, r);
    }
    return r;
  }

  /**
   * A view's filter, shared by every view with the same text: with `memo`, it is evaluated once
   * per event, and events whose type the filter cannot match are turned away before any field is
   * read (the per-type answer is a byte lookup).
   */
  shareFilter(text: string, compiled: CompiledFilter<FieldContext>): Predicate<FieldContext> {
    if (!this.opts.memo || compiled.fields.some((f) => STATEFUL.test(f))) return compiled.match;
    let p = this.filters.get(text);
    if (p !== undefined) return p;
    let bits: Uint8Array | null = null;
    if (this.opts.typeGate) {
      try {
        const set = eventCodes(compiled.ast);
        if (!set.isAll()) bits = set.bits;
      } catch (e) {
        if (!(e instanceof EvttypeError)) throw e;
      }
    }
    const inner = compiled.match;
    const clock = this.clock;
    let at = -1;
    let v = false;
    p = (c) => {
      if (bits !== null) {
        const t = c.evt.type;
        if (t < bits.length && bits[t] === 0) return false;
      }
      if (at !== clock.gen) {
        v = inner(c);
        at = clock.gen;
      }
      return v;
    };
    this.filters.set(text, p);
    return p;
  }

  private memo(inner: (c: FieldContext) => AnyValue): (c: FieldContext) => AnyValue {
    const slot: MemoSlot = { at: -1, v: null };
    const clock = this.clock;
    const f = (c: FieldContext): AnyValue => {
      if (slot.at !== clock.gen) {
        slot.v = inner(c);
        slot.at = clock.gen;
      }
      return slot.v;
    };
    this.slots.set(f, slot);
    return f;
  }

  private fresh(name: string, arg: string | undefined): ResolvedField<FieldContext> | FieldLookupFailure {
    const own = arg === undefined && !this.base.has(name) ? TABLE_FIELDS[name] : undefined;
    if (own) return { descriptor: { name, type: 'UINT64', description: 'csysdig table field' }, extract: own };
    return this.base.resolve(name, arg);
  }

  fieldNames(): readonly string[] {
    return [...new Set([...this.base.fieldNames(), ...Object.keys(TABLE_FIELDS)])];
  }

  describe(name: string): ReturnType<RegistryResolver['describe']> {
    return this.base.describe(name) ?? (TABLE_FIELDS[name] ? { name, type: 'UINT64' } : undefined);
  }
}

export interface CaptureSourceOptions {
  /** 'sysdig029' reproduces sysdig 0.29.3's event table (for the differential tests). */
  dialect?: TableDialect;
  /** Record serverPortsAtStart (it walks every fd table once; the overview needs it). */
  serverPorts?: boolean;
}

/** Bytes of an event's `data` param as captured (snap length applies), or null. */
export function eventData(c: FieldContext): Uint8Array | null {
  const i = c.evt.indexOf('data');
  return i < 0 ? null : c.evt.bytes(i);
}

const EMPTY = Buffer.alloc(0);

/** Ports of server-side sockets in every fd table (chisel API get_thread_table_barebone). */
function serverPorts(insp: Inspector): number[] {
  const ports = new Set<number>();
  for (const t of insp.threads.table.values()) {
    const table = t.fdTable();
    if (!table) continue;
    for (const f of table.table.values()) {
      if (f.type === FD.IPV4_SOCK && f.isRoleServer()) ports.add(f.v4dport);
      else if (f.type === FD.IPV4_SERVSOCK) ports.add(f.v4sPort);
      else if (f.type === FD.IPV6_SOCK && f.isRoleServer()) ports.add(f.v6dport);
      else if (f.type === FD.IPV6_SERVSOCK) ports.add(f.v6sPort);
    }
  }
  return [...ports];
}

/**
 * A paramless event of libsinsp's unused "sysdigevent" exit type for one thread, like the fake
 * event csysdig's tables get per known thread (sinsp_table::process_proctable).
 */
function standInRaw(tid: number, ts: bigint): RawEvent {
  const raw: RawEvent = {
    type: PPME.SCAPEVENT_X!,
    tid,
    ts,
    tsNum: Number(ts),
    tsLo: Number(ts & 0xffffffffn),
    tsHi: Number(ts >> 32n),
    cpu: 0,
    flags: 0,
    nparams: 0,
    largePayload: false,
    v1: false,
    buf: EMPTY,
    start: 0,
    rawLen: 0,
    headerLen: 26,
    paramLen: () => 0,
    paramOffset: () => 0,
    param: () => EMPTY,
    blockOffset: 0,
    blockType: 0,
    seq: 0,
    clone: () => raw,
  };
  return raw;
}

export class CaptureSource implements AnalysisSource<FieldContext> {
  readonly resolver: AnalysisResolver;
  /** The inspector of the last run, for consumers that read its tables after the pass. */
  inspector: Inspector | null = null;
  /**
   * Server ports open when the capture starts (from the process and fd lists), as Sysdig
   * Inspect's Listening Ports tile counts them. Taken when the first event is delivered.
   */
  serverPortsAtStart: number[] = [];

  constructor(
    readonly path: string,
    private readonly opts: CaptureSourceOptions = {},
  ) {
    this.resolver = new AnalysisResolver({ memo: true, typeGate: (opts.dialect ?? 'current') === 'current' });
  }

  async run(onEvent: (evt: FieldContext) => void, opts: RunOptions): Promise<SourceSummary> {
    const insp = new Inspector({ internalEvents: true, ...(this.opts.dialect ? { dialect: this.opts.dialect } : {}) });
    this.inspector = insp;
    // Data buffers render as sysdig does with a chisel running: dotted text, never cut.
    const render: RenderSettings = { bufferFormat: 'normal', maxBufferLen: 0 };
    const ctx: { evt: InspectedEvent; state: Inspector; render: RenderSettings } = { evt: null as unknown as InspectedEvent, state: insp, render };
    const signal = opts.signal;
    let first = true;
    const summary = await insp.run(
      this.path,
      (evt) => {
        if (first) {
          first = false;
          if (this.opts.serverPorts) this.serverPortsAtStart = serverPorts(insp);
        }
        ctx.evt = evt;
        this.resolver.next();
        onEvent(ctx);
        return signal?.aborted ? false : undefined;
      },
      {
        ...(signal ? { signal } : {}),
        ...(opts.onProgress ? { onProgress: (done: number, size: number) => opts.onProgress!(size > 0 ? done / size : 0) } : {}),
      },
    );
    return { events: summary.events, warnings: summary.warnings };
  }

  isListed(c: FieldContext): boolean {
    return (c.evt.category & EC.INTERNAL) === 0;
  }

  *threadTable(): Iterable<FieldContext> {
    const insp = this.inspector;
    if (!insp) return;
    const render: RenderSettings = { bufferFormat: 'normal', maxBufferLen: 0 };
    const evt = new InspectedEvent();
    const ctx = { evt, state: insp, render };
    for (const t of insp.threads.table.values()) {
      evt.bind(standInRaw(t.tid, insp.lastEventTs), insp.eventInfo(PPME.SCAPEVENT_X!));
      evt.tinfo = t;
      evt.fdinfo = null;
      this.resolver.next();
      yield ctx;
    }
  }
}
