/**
 * The field registry against sysdig 0.29.3:
 *  - every field `sysdig -l` lists for the evt, process, user, group, container, fd and k8s
 *    classes exists in the registry, with the same name;
 *  - beyond the wide list of read.test.ts, nearly every registry field that sysdig also has is
 *    printed on every shared capture and compared byte for byte, in batches.
 *
 * Left out of the value comparison, with reasons:
 *  - fd.dev / fd.dev.major / fd.dev.minor: for sockets, pipes and other fds created during the
 *    capture libsinsp reads an uninitialised struct member (heap-pointer bytes), so sysdig prints
 *    noise there; file fds are covered by the unit tests.
 *  - proc.is_exe_writable: for processes from the process list of captures written before the
 *    field existed, libscap leaves it uninitialised; sysdig prints true or false from run to run
 *    and from one -p format to another (./client of sysflow_client-server is false with
 *    `%evt.num %thread.tid %proc.is_exe_writable`, true inside the process batch).
 *  - thread.totexectime, thread.cpu*: sysdig aborts with "invalid thread state ID0" on threads
 *    that came from the process list (their per-thread state was never allocated).
 *  - fd.*ip.name: DNS lookups (and they stall sysdig).
 *  - evt.around / fd.ip / fd.net / ...: filter-only fields, sysdig rejects them in -p.
 *
 * The newer fields of that family (capability sets, exe inode and times, overlay/memfd flags,
 * pid namespace start, container.start_ts) are not in sysdig 0.29.3; libs-fields.test.ts checks
 * them against the captures' raw params and hand-built captures.
 */
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Inspector } from '../../core/inspect/inspector.js';
import { printCapture } from '../../core/inspect/format/printer.js';
import { fieldByName, listFields } from '../../core/inspect/fields/registry.js';
import { listCaptures, runSysdig, sysdigAvailable } from './oracle.js';
import { FIELD_BATCHES as BATCHES } from './read-formats.js';

const NOT_COMPARED = new Set(['proc.is_exe_writable', 'fd.dev', 'fd.dev.major', 'fd.dev.minor', 'thread.totexectime', 'thread.cpu', 'thread.cpu.user', 'thread.cpu.system', 'fd.cip.name', 'fd.sip.name', 'fd.lip.name', 'fd.rip.name']);

/** `sysdig -l` field names of the classes the registry covers. */
function sysdigFieldNames(listing: string): string[] {
  const wanted = new Set(['evt', 'process', 'user', 'group', 'container', 'fd', 'k8s']);
  const out: string[] = [];
  let cls = '';
  for (const line of listing.split('\n')) {
    const m = /^Field Class:\s+(\S+)/.exec(line);
    if (m) {
      cls = m[1]!;
      continue;
    }
    const f = /^([a-z0-9_]+\.[a-zA-Z0-9_.]+)\s/.exec(line) ?? /^([a-z0-9_]+\.[a-zA-Z0-9_.]+)$/.exec(line);
    if (f && wanted.has(cls)) out.push(f[1]!);
  }
  return out;
}

const CAPTURES = listCaptures().filter((p) => !p.endsWith('libs_curl_google_comments.scap'));

describe.skipIf(!sysdigAvailable() || CAPTURES.length === 0)('field registry vs sysdig 0.29.3', () => {
  it('has every field sysdig -l lists for evt, process, user, group, container, fd, k8s', async () => {
    const listing = (await runSysdig(CAPTURES[0]!, ['-l'])).stdout;
    const names = sysdigFieldNames(listing);
    expect(names.length).toBeGreaterThan(180);
    const missing = names.filter((n) => fieldByName(n) === undefined);
    expect(missing).toEqual([]);
    // And each is a real, extractable field.
    for (const n of names) expect(typeof fieldByName(n)!.bind(undefined)).toBe('function');
  });

  it('compares every sysdig field outside the documented exclusions', () => {
    const compared = new Set(BATCHES.flat().map((f) => f.replace(/\[.*$/, '').replace(/^(evt\.arg|evt\.rawarg|thread\.cgroup|k8s\.pod\.label|evt\.type\.is)\..*$/, '$1')));
    compared.add('evt.rawtime').add('evt.cpu').add('evt.dir').add('evt.type').add('evt.res').add('evt.rawres').add('evt.failed').add('evt.args').add('evt.info');
    compared.add('thread.tid').add('proc.pid').add('proc.ppid').add('proc.name').add('proc.pname').add('proc.exe').add('proc.args').add('proc.cmdline').add('proc.cwd');
    compared.add('fd.num').add('fd.type').add('fd.typechar').add('fd.directory').add('fd.filename').add('fd.sip').add('fd.cip').add('fd.sport').add('fd.cport').add('fd.l4proto').add('fd.sockfamily').add('fd.is_server');
    compared.add('evt.outputtime');
    const unchecked = listFields()
      .filter((f) => f.origin === 'sysdig' && !f.flags.filterOnly && !f.flags.tableOnly)
      .map((f) => f.name)
      .filter((n) => !compared.has(n) && !NOT_COMPARED.has(n) && !n.startsWith('k8s.'));
    expect(unchecked).toEqual([]);
  });

  for (const path of CAPTURES) {
    const file = basename(path);
    BATCHES.forEach((batch, i) => {
      it(`${file}: batch ${i + 1} (${batch.length - 1} fields)`, async () => {
        const format = '*' + batch.map((f) => `%${f}`).join('|');
        const theirs = await runSysdig(path, ['-p', format]);
        const lines: string[] = [];
        await printCapture(path, { format, dialect: 'sysdig029', unknownEvents: 'skip' }, (l) => lines.push(l));
        const ours = lines.length ? `${lines.join('\n')}\n` : '';
        expect(ours).toBe(theirs.stdout);
      });
    });
  }

  it('Inspector runs every capture in both dialects without warnings about its own state', async () => {
    for (const path of CAPTURES.slice(0, 4)) {
      for (const dialect of ['current', 'sysdig029'] as const) {
        const insp = new Inspector({ dialect });
        const s = await insp.run(path, () => undefined);
        expect(s.events).toBeGreaterThan(0);
        expect(s.warnings.filter((w) => w.startsWith('invalid container JSON'))).toEqual([]);
      }
    }
  });
});
