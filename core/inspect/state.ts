/**
 * What the state machine and the fields share: the tables, the deferred removals and the param
 * renderer. The Inspector implements it.
 */
import type { EventInfo } from '../capture/events/types.js';
import type { ContainerManager } from './containers.js';
import type { InspectedEvent, ParamReader } from './event.js';
import type { NetworkInterfaces } from './ifaddrs.js';
import type { SyslogDecoder } from './syslog.js';
import type { ThreadManager } from './threads.js';
import type { UserTable } from './users.js';

export interface InspectorState {
  readonly threads: ThreadManager;
  readonly containers: ContainerManager;
  readonly users: UserTable;
  readonly ifaces: NetworkInterfaces;
  readonly syslog: SyslogDecoder;

  /** Thread to drop before the next event (procexit); -1 when none. */
  tidToRemove: number;
  /** fds to drop before the next event (close), all of one thread. */
  tidOfFdToRemove: number;
  readonly fdsToRemove: number[];

  /** Timestamp of the first non-container event; 0 before it. */
  firstEventTs: bigint;
  /** Boot time of the captured host, ns since the epoch (machine info); 0 when not recorded. */
  readonly bootTsEpoch: bigint;
  /** Event table dialect events are interpreted with. */
  readonly dialect: 'current' | 'sysdig029';
  /** What libsinsp's shared param text buffer last held (see render.ts). */
  paramStorage: string;

  /** Capture filter: events it rejects are not parsed (unless they change state) nor delivered. */
  readonly filter: ((evt: InspectedEvent) => boolean) | null;

  eventInfo(type: number): EventInfo;
  /**
   * get_param_as_str(i): the param's text as sysdig renders it (the plain part, not the resolved
   * one in parentheses). `simple` is PF_SIMPLE (no fd type char).
   */
  renderParam(evt: InspectedEvent, i: number, simple?: boolean): string;
  /** Same, for a param of another event (a stored enter event) in the context of `evt`. */
  renderParamOf(params: ParamReader, evt: InspectedEvent, i: number, simple?: boolean): string;
  warn(message: string): void;
}
