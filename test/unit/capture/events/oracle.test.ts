/**
 * Differential test: %evt.args of every event of the shared captures, rendered by us, against
 * sysdig 0.29.3 run live on the same file (TZ=UTC sysdig -D -r X -p '%evt.num %proc.cwd %evt.args').
 *
 * What sysdig knows from its inspector state (fd type/name, thread comms, user names, the cwd) is
 * read back from its own output line and handed to our renderer as the resolver, because the
 * inspector is not this module's job. Everything else must match byte for byte: numbers, print
 * formats, flag names, errnos, path resolution, buffers cut at 80 chars, addresses, tuples.
 * One allowance: poll fd lists print a type char per fd that only the inspector knows, so those
 * chars are masked on both sides.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readCapture } from '../../../../core/capture/reader.js';
import type { RawEvent } from '../../../../core/capture/event.js';
import { renderArgs, renderInfo, visibleParamCount } from '../../../../core/capture/events/render.js';
import type { FdRef, ParamResolver } from '../../../../core/capture/events/render.js';
import { PT } from '../../../../core/capture/events/types.js';
import type { EventInfo } from '../../../../core/capture/events/types.js';
import { captureFiles, capturePath, hasSysdig, sysdig } from '../helpers.js';

const START = '\u0002';
const SEP = '\u0003';

/** Split sysdig's evt.args text into per-param values using the names we expect, in order. */
function segments(info: EventInfo, n: number, args: string): (string | undefined)[] {
  const out: (string | undefined)[] = [];
  let pos = 0;
  for (let i = 0; i < n; i++) {
    const key = `${info.params[i].name}=`;
    if (!args.startsWith(key, pos)) {
      out.push(undefined);
      continue;
    }
    let end = i + 1 < n ? args.indexOf(` ${info.params[i + 1].name}=`, pos + key.length) : args.length - 1;
    if (end < 0) end = args.length - 1;
    out.push(args.slice(pos + key.length, end));
    pos = end + 1;
  }
  return out;
}

/** The inspector facts sysdig printed in parentheses for fd, pid and uid/gid params. */
function resolverFrom(info: EventInfo, ev: RawEvent, cwd: string, args: string): ParamResolver {
  const n = visibleParamCount(info, ev);
  const fds = new Map<number, FdRef>();
  const comms = new Map<number, string>();
  const users = new Map<number, string>();
  segments(info, n, args).forEach((s, i) => {
    const open = s?.indexOf('(') ?? -1;
    if (s === undefined || open < 0 || !s.endsWith(')')) return;
    const v = Number(s.slice(0, open));
    const res = s.slice(open + 1, -1);
    const t = info.params[i].type;
    if (t === PT.FD && res.startsWith('<')) {
      const gt = res.indexOf('>');
      const tc = res.slice(1, gt);
      fds.set(v, { typeChar: tc.slice(0, 1), l4: tc.slice(1), name: res.slice(gt + 1) });
    } else if (t === PT.PID) comms.set(v, res);
    else if ((t === PT.UID || t === PT.GID) && res !== '<NA>') users.set(v, res);
  });
  return {
    hasThread: cwd !== '<NA>',
    fd: (x) => fds.get(x),
    cwd: () => (cwd === '<NA>' ? '' : cwd),
    dirfdPath: (x) => fds.get(x)?.name,
    comm: (x) => comms.get(x),
    user: (x) => users.get(x),
    group: (x) => users.get(x),
  };
}

const maskFdList = (info: EventInfo, s: string | undefined) =>
  info.params.some((p) => p.type === PT.FDLIST) ? s?.replace(/(\d+):.([0-9a-f]+)/g, '$1:?$2') : s;

// The comments variant holds the same events as libs_curl_google but sysdig 0.29.3 cannot read it.
const FILES = captureFiles().filter((f) => f !== 'libs_curl_google_comments.scap');

describe.skipIf(!hasSysdig)('evt.args against sysdig 0.29.3 on every shared capture', () => {
  for (const file of FILES) {
    describe(file, () => {
      const events: RawEvent[] = [];
      let oracle = '';

      beforeAll(async () => {
        // sysdig numbers only the event types its table knows; keep the same numbering.
        await readCapture(capturePath(file), (ev) => {
          if (renderInfo(ev.type) !== undefined) events.push(ev.clone());
        });
        oracle = sysdig(['-D', '-r', capturePath(file), '-p', `*${START}%evt.num${SEP}%proc.cwd${SEP}%evt.args`]);
      }, 60_000);

      it('renders every event exactly as sysdig does', () => {
        const records = oracle.split(`\n${START}`);
        records[0] = records[0].replace(/^[^\u0002]*\u0002/s, '');
        records[records.length - 1] = records[records.length - 1].replace(/\n$/, '');
        let compared = 0;
        const mismatches: string[] = [];
        for (const rec of records) {
          const [numText, cwd, ...rest] = rec.split(SEP);
          if (rest.length === 0) continue;
          const expected = rest.join(SEP);
          const ev = events[Number(numText) - 1];
          const info = ev ? renderInfo(ev.type) : undefined;
          if (!ev || !info) {
            mismatches.push(`#${numText}: no such event on our side`);
            continue;
          }
          const got = renderArgs(ev, resolverFrom(info, ev, cwd, expected), { maxBufferLen: 80 });
          compared++;
          if (maskFdList(info, got) !== maskFdList(info, expected) && mismatches.length < 5) {
            mismatches.push(`#${numText} ${info.name}\n  sysdig: ${JSON.stringify(expected)}\n  ours:   ${JSON.stringify(got)}`);
          }
        }
        expect(mismatches).toEqual([]);
        // sysdig may print fewer events than the file holds (see the capture tests); every one
        // it printed was compared.
        expect(compared).toBe(records.filter((r) => r.includes(SEP)).length);
        expect(compared).toBeGreaterThan(0);
      });
    });
  }
});
