import { describe, expect, it } from 'vitest';
import { readCapture } from '../../../core/capture/reader.js';
import { FD_TYPES } from '../../../core/capture/metadata.js';
import { captureFiles, capturePath, eventKey, hasSysdig, sysdig } from './helpers.js';

/**
 * Block layout of every shared capture, as runs of consecutive block types. Worked out by walking
 * the block headers independently of the reader (type + length only), so a reader that skipped or
 * misread a block kind would not match.
 */
const INVENTORY: Record<string, string> = {
  'falco_cat_write.scap': 'SHB MI IL UL PL_V6 FDLx73 EVx345',
  'falco_connect_localhost.scap': 'SHB MI IL UL PL_V7 FDLx184 EVx374',
  'falco_empty.scap': 'SHB MI IL_V2 UL_V2 PL_V9 FDL_V2x218 EV_V2x143',
  'falco_empty_v2016.scap': 'SHB MI IL UL PL_V6 FDLx103 EVx83',
  'falco_open-multiple-files.scap': 'SHB MI IL UL PL_V6 FDLx128 EVx1272',
  'falco_ping_sendto.scap': 'SHB MI IL_V2 UL_V2 PL_V9 FDL_V2x136 EV_V2x1526',
  'falco_psp_privileged.scap': 'SHB MI IL_V2 UL_V2 PL_V9 FDL_V2x100 EV_V2x2059',
  'falco_psp_run_as_user_0_container.scap': 'SHB MI IL_V2 UL_V2 PL_V9 FDL_V2x124 EV_V2x4143',
  'falco_psp_run_as_user_65534_container.scap': 'SHB MI IL_V2 UL_V2 PL_V9 FDL_V2x126 EV_V2x241',
  'falco_psp_write_tmp_test.scap': 'SHB MI IL_V2 UL_V2 PL_V9 FDL_V2x124 EV_V2x229',
  'falco_syscall.scap': 'SHB MI IL UL PL_V8 FDLx229 EVx368',
  'inspect_502error.scap': 'SHB MI IL UL PL_V5 FDLx4 EVx22381',
  'libs_curl_google.scap': 'SHB MI IL UL PL_V5 FDLx54 EVx1536',
  'libs_curl_google_comments.scap': 'SHB MI IL UL PL_V5 FDLx54 EVx1536',
  'libs_sample.scap': 'SHB MI IL_V2 UL_V2 PL_V9 FDL_V2x94 EV_V2x572',
  'libs_single_ipv6_conn.scap': 'SHB MI IL_V2 UL_V2 PL_V9 FDL_V2x154 EV_V2x1728',
  'sysflow_alpine_alpine.scap': 'SHB MI IL_V2 UL_V2 PL_V9 FDL_V2x503 EV_V2x8840',
  'sysflow_client-server_tcp-client-server.scap': 'SHB MI IL_V2 UL_V2 PL_V9 FDL_V2x131 EV_V2x2302',
  'sysflow_files_files.scap': 'SHB MI IL_V2 UL_V2 PL_V9 FDL_V2x201 EV_V2x2186',
  'sysflow_mpm-event_full_capture.scap': 'SHB MI IL_V2 UL_V2 PL_V9 FDL_V2x206 EV_V2x35860',
  'sysflow_mpm-preforked_cold_start_capture.scap': 'SHB MI IL_V2 UL_V2 PL_V9 FDL_V2x225 EV_V2x2388',
  'sysflow_namespaces_setns.scap': 'SHB MI IL_V2 UL_V2 PL_V9 FDL_V2x214 EV_V2x9947',
  'sysflow_objectstore_download.scap': 'SHB MI IL_V2 UL_V2 PL_V9 FDL_V2x246 EV_V2x20306',
  'sysflow_rename_rename.scap': 'SHB MI IL_V2 PL_V9 FDL_V2x356 EV_V2_LARGE EV_V2x4524',
  'sysflow_rename_rename2at.scap': 'SHB MI IL_V2 UL_V2 PL_V9 FDL_V2x136 EV_V2x2253',
  'sysflow_setuid_setuid.scap': 'SHB MI IL_V2 UL_V2 PL_V9 FDL_V2x201 EV_V2x1973',
};

const SECTION_VERSION: Record<string, string> = {
  'falco_syscall.scap': '1.1',
  'falco_cat_write.scap': '1.0',
  'inspect_502error.scap': '1.0',
  'libs_sample.scap': '1.2',
};

/**
 * How our events relate to what sysdig 0.29.3 prints (`sysdig -r F -D -p '%evt.num'`):
 *  - libscap drops event types >= its PPM_EVENT_MAX; in the libs bundled with sysdig 0.29.3
 *    (e5c53d64, March 2022) that is 336, so newer types (user/group added: 354, 358) vanish and
 *    are not numbered;
 *  - when it opens a file, libsinsp consumes the LEADING container events (228 container,
 *    272 container json, 324 container json v2, before the first other event) to build its
 *    container table; they are numbered (evt.num) but never printed, even with -D. A container
 *    event later in the file (falco_psp_privileged, #1405) is printed.
 * We yield every event in the file. `sysdigView` applies exactly those rules.
 */
const SYSDIG_0_29_EVENT_MAX = 336;
const CONTAINER_TYPES = new Set([228, 272, 324]);

function sysdigView(): (type: number) => { num: number; shown: boolean } | undefined {
  let num = 0;
  let leading = true;
  return (type) => {
    if (type >= SYSDIG_0_29_EVENT_MAX) return undefined;
    num++;
    if (leading && CONTAINER_TYPES.has(type)) return { num, shown: false };
    leading = false;
    return { num, shown: true };
  };
}

const files = captureFiles();

describe('shared captures', () => {
  it('are all present', () => {
    expect(files.length).toBe(26);
    expect(Object.keys(INVENTORY).sort()).toEqual(files);
  });

  for (const name of files) {
    it(`${name}: block inventory, no warnings, sane metadata`, async () => {
      const seen = new Set<number>();
      let lastSeq = 0;
      const s = await readCapture(capturePath(name), (ev) => {
        seen.add(ev.type);
        expect(ev.seq).toBe(lastSeq + 1);
        lastSeq = ev.seq;
      });
      const inv = s.inventory.map((r) => (r.count > 1 ? `${r.name}x${r.count}` : r.name)).join(' ');
      expect(inv).toBe(INVENTORY[name]);
      expect(s.warnings).toEqual([]);
      expect(s.meta.section).toBeDefined();
      if (SECTION_VERSION[name]) expect(`${s.meta.section!.major}.${s.meta.section!.minor}`).toBe(SECTION_VERSION[name]);
      expect(s.meta.machine?.numCpus).toBeGreaterThan(0);
      expect(s.meta.machine?.hostname.length).toBeGreaterThan(0);
      expect(s.meta.threads.length).toBeGreaterThan(0);
      // Every fd list block names a thread from the process list.
      const tids = new Set(s.meta.threads.map((t) => t.tid));
      for (const fd of s.meta.fds) expect(tids.has(fd.tid)).toBe(true);
      // pid 1 is in every capture; its comm is a real name.
      const init = s.meta.threads.find((t) => t.tid === 1);
      if (init) expect(init.comm).toMatch(/^[\w.-]+$/);
      expect(s.meta.interfaces.some((i) => i.name === 'lo' && i.addr === '127.0.0.1')).toBe(true);
    });
  }

  it.skipIf(!hasSysdig)('yield exactly the events sysdig 0.29.3 shows, plus the ones it drops by rule', async () => {
    for (const name of files) {
      if (name === 'libs_curl_google_comments.scap') continue; // sysdig 0.29.3 cannot open it: see below
      let ours = 0;
      let shown = 0;
      const view = sysdigView();
      await readCapture(capturePath(name), (ev) => {
        ours++;
        if (view(ev.type)?.shown) shown++;
      });
      const theirs = sysdig(['-r', capturePath(name), '-D', '-p', '%evt.num']).split('\n').filter((l) => l !== '').length;
      expect({ name, count: shown }).toEqual({ name, count: theirs });
      expect(ours).toBeGreaterThanOrEqual(theirs);
    }
  });

  it.skipIf(!hasSysdig)('match sysdig on evt.num, timestamps and threads event by event', async () => {
    const names = ['falco_cat_write.scap', 'falco_psp_privileged.scap', 'inspect_502error.scap', 'libs_sample.scap', 'sysflow_rename_rename.scap'];
    for (const name of names) {
      const ours: string[] = [];
      const view = sysdigView();
      await readCapture(capturePath(name), (ev) => {
        const v = view(ev.type);
        if (v?.shown) ours.push(`${v.num} ${ev.ts} ${ev.tid}`);
      });
      const theirs = sysdig(['-r', capturePath(name), '-D', '-p', '*%evt.num %evt.rawtime %thread.tid']).split('\n').filter((l) => l !== '');
      expect(ours).toEqual(theirs);
    }
  });

  it('comment blocks: libs_curl_google_comments holds the same events as libs_curl_google, plus its comments', async () => {
    // sysdig 0.29.3 fails on this file ("expecting 4 bytes, read 0"): it predates skipping section
    // header options. Its reference is therefore the uncommented original.
    const plain: string[] = [];
    const commented: string[] = [];
    await readCapture(capturePath('libs_curl_google.scap'), (ev) => {
      plain.push(eventKey(ev));
    });
    const s = await readCapture(capturePath('libs_curl_google_comments.scap'), (ev) => {
      commented.push(eventKey(ev));
    });
    expect(commented).toEqual(plain);
    expect(s.meta.section!.comments).toEqual(['File-level comment']);
    expect(s.meta.section!.options.map((o) => o.code)).toEqual([1, 4]);
    expect(s.meta.section!.options[1].value.toString()).toMatch(/^Editcap \(Wireshark\)/);
    const blockComments = s.meta.comments.filter((c) => c.seq !== undefined);
    expect(blockComments.map((c) => c.text)).toEqual([
      'Internal block comment',
      'Visible block comment, no padding',
      'Visible block comment, padding',
    ]);
    for (const c of blockComments) expect(c.seq).toBeGreaterThan(0);
  });

  it('old-format (pre-V2) events get nparams derived from their length', async () => {
    const counts = new Map<number, Set<number>>();
    await readCapture(capturePath('falco_cat_write.scap'), (ev) => {
      expect(ev.v1).toBe(true);
      expect(ev.headerLen).toBe(22);
      let end = ev.start + ev.headerLen + 2 * ev.nparams;
      for (let i = 0; i < ev.nparams; i++) {
        expect(ev.paramOffset(i)).toBe(end);
        end += ev.paramLen(i);
      }
      expect(end).toBe(ev.start + ev.rawLen);
      if (!counts.has(ev.type)) counts.set(ev.type, new Set());
      counts.get(ev.type)!.add(ev.nparams);
    });
    // open exit (type 3) carries fd, name, flags, mode in this capture's era; enter (2) none.
    expect([...(counts.get(3) ?? [])]).toEqual([4]);
    expect([...(counts.get(2) ?? [])]).toEqual([0]);
  });

  it('the one large-payload block decodes with u32 param lengths', async () => {
    const large: { type: number; len: number; json: string }[] = [];
    await readCapture(capturePath('sysflow_rename_rename.scap'), (ev) => {
      if (ev.blockType === 0x221) large.push({ type: ev.type, len: ev.paramLen(0), json: ev.param(0).toString('utf8') });
    });
    expect(large).toHaveLength(1);
    expect(large[0].type).toBe(324);
    expect(JSON.parse(large[0].json.replace(/\0$/, ''))).toHaveProperty('container');
  });

  it('process list fields per version', async () => {
    const v5 = await readCapture(capturePath('inspect_502error.scap'), () => false);
    const v9 = await readCapture(capturePath('libs_sample.scap'), () => false);
    const v6 = await readCapture(capturePath('falco_cat_write.scap'), () => false);
    // V5 has no sid/vpgid/exepath: libscap defaults.
    for (const t of v5.meta.threads) {
      expect(t.sid).toBe(-1);
      expect(t.vpgid).toBe(-1);
      expect(t.exepath).toBe('');
      expect(t.vtid).toBeGreaterThanOrEqual(-1);
    }
    expect(v6.meta.threads.some((t) => t.sid > 0)).toBe(true);
    expect(v6.meta.threads.every((t) => t.vpgid === -1)).toBe(true);
    const init = v9.meta.threads.find((t) => t.tid === 1)!;
    expect(init.pid).toBe(1);
    expect(init.exepath).toMatch(/^\//);
    expect(init.cgroups.length).toBeGreaterThan(0);
    expect(init.cgroups.every((c) => c.includes('='))).toBe(true);
    expect(init.env.length).toBeGreaterThan(0);
    expect(init.capEffective).toBeGreaterThan(0n);
    expect(v9.meta.threads.some((t) => t.loginuid !== 0xffffffff)).toBe(true);
  });

  it('fd lists carry files, sockets with tuples, unix sockets and pipes', async () => {
    const s = await readCapture(capturePath('falco_connect_localhost.scap'), () => false);
    const byType = new Map<number, number>();
    for (const f of s.meta.fds) byType.set(f.type, (byType.get(f.type) ?? 0) + 1);
    expect(byType.get(FD_TYPES.FILE) ?? byType.get(FD_TYPES.FILE_V2)).toBeGreaterThan(0);
    expect(byType.get(FD_TYPES.UNIX_SOCK)).toBeGreaterThan(0);
    const tcp = s.meta.fds.filter((f) => f.type === FD_TYPES.IPV4_SOCK);
    for (const f of tcp) {
      expect(f.sip).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
      expect(f.dport).toBeGreaterThanOrEqual(0);
    }
    const v2 = await readCapture(capturePath('libs_single_ipv6_conn.scap'), () => false);
    const file2 = v2.meta.fds.filter((f) => f.type === FD_TYPES.FILE_V2);
    expect(file2.length).toBeGreaterThan(0);
    expect(file2.every((f) => typeof f.openFlags === 'number' && f.name !== undefined)).toBe(true);
  });
});
