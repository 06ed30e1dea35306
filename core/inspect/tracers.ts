/**
 * sysdig tracers: user-space span markers that programs write to /dev/null, which libsinsp of
 * sysdig 0.29.3 turns into "tracer" events (libs dropped the feature in 2022, so only the
 * sysdig029 dialect uses this). Two syntaxes:
 *   simple:  >:ID:tag1.tag2:arg1=v1,arg2=v2:      (ID: t, p, pp, g, empty or a number)
 *   JSON:    [">", ID, ["tag1", "tag2"], [{"arg1": "v1"}, ...]]
 * A marker may arrive in several writes: an incomplete one is buffered until it completes.
 *
 * The parser works on a NUL-terminated byte copy and edits it in place the way libsinsp's does
 * (terminators written over separators, backslash escapes removed), including its odd corners: a
 * scope starting with the digit '0' counts as "incomplete", `t`/`p`/`g` skip the next byte
 * whatever it is, and a malformed quoted JSON scope keeps the previous step length. Those corners
 * decide which writes become events, so they are kept. Reads past the end see zero bytes
 * (libsinsp would see stale buffer contents there).
 */

export const TRACER_RES = { OK: 0, COMMA: 1, FAILED: 2, TRUNCATED: 3 } as const;
export type TracerResult = (typeof TRACER_RES)[keyof typeof TRACER_RES];

/** MAX_USER_EVT_BUFFER: buffered fragments beyond this are dropped. */
const MAX_FRAGMENT = 65536;
const SLACK = 16;

const SP = 0x20;
const COMMA = 0x2c;
const QUOTE = 0x22;
const BSLASH = 0x5c;
const COLON = 0x3a;
const LSQ = 0x5b;
const RSQ = 0x5d;
const LCB = 0x7b;
const RCB = 0x7d;
const GT = 0x3e;
const LT = 0x3c;
const EQ = 0x3d;
const NL = 0x0a;
const DOT = 0x2e;
const MINUS = 0x2d;
const D0 = 0x30;
const D9 = 0x39;

export interface TracerIds {
  tid: number;
  pid: number;
  ptid: number;
}

/** One thread's tracer parser (sinsp_threadinfo::m_tracer_parser). */
// Token ends and forbidden bytes of the simple marker syntax (tags, then name=value arguments).
const isTagEnd = (c: number): boolean => c === DOT || c === COLON;
const isTagBad = (c: number): boolean => c === GT || c === LT || c === EQ || c === NL;
const isArgNameEnd = (c: number): boolean => c === EQ;
const isArgNameBad = (c: number): boolean => c === GT || c === LT || c === NL;
const isArgValueEnd = (c: number): boolean => c === COMMA || c === COLON || c === EQ;
const never = (): boolean => false;

export class TracerParser {
  res: TracerResult = TRACER_RES.OK;
  /** First byte of the type string: '>' makes an enter event, anything else an exit. */
  typeByte = 0;
  id = 0n;

  private s: Uint8Array = new Uint8Array(SLACK);
  private fragment: Uint8Array = new Uint8Array(0);
  private fragmentSize = 0;
  /** m_fullfragment_storage_str: the buffered text when a fragment was pending (C string). */
  private fullFragment: Uint8Array = new Uint8Array(0);
  private tags: number[] = [];
  private argNames: number[] = [];
  private argVals: number[] = [];
  /** The step length local of the parse functions (libsinsp reuses it uninitialised in one path). */
  private delta = 0;

  /** process_event_data() without span state tracking (nothing here reads spans). */
  process(data: Uint8Array, ids: TracerIds): TracerResult {
    const storlen = this.fragmentSize + data.length;
    const s = new Uint8Array(storlen + SLACK);
    s.set(this.fragment.subarray(0, Math.min(this.fragment.length, this.fragmentSize)));
    s.set(data, this.fragmentSize);
    this.s = s;
    if (this.fragmentSize !== 0) this.fullFragment = cstr(s, 0);

    if (storlen > 0) {
      this.res = TRACER_RES.OK;
      this.tags = [];
      this.argNames = [];
      this.argVals = [];
      if (s[0] === GT || s[0] === LT) this.parseSimple(ids);
      else this.parseJson(ids);
    } else {
      this.res = TRACER_RES.FAILED;
    }

    const res = this.res as TracerResult;
    if (res === TRACER_RES.FAILED) {
      this.fragmentSize = 0;
      this.fullFragment = new Uint8Array(0);
      return this.res;
    }
    if (res === TRACER_RES.TRUNCATED) {
      if (this.fragmentSize > MAX_FRAGMENT) {
        this.fragmentSize = 0;
        return this.res;
      }
      if (this.fullFragment.length === 0) {
        this.fragmentSize += data.length;
        this.fragment = new Uint8Array(this.fragmentSize);
        this.fragment.set(data);
      } else {
        this.fragment = this.fullFragment.slice();
        this.fragmentSize = this.fullFragment.length;
      }
      return this.res;
    }
    this.fragmentSize = 0;
    this.fullFragment = new Uint8Array(0);
    return TRACER_RES.OK;
  }

  /** The tags as C strings of the edited buffer (what the event's tags param points to). */
  tagList(): Buffer[] {
    return this.tags.map((p) => Buffer.from(cstr(this.s, p)));
  }

  /** Argument names and values, paired. */
  argList(): Array<[Buffer, Buffer]> {
    return this.argNames.map((p, i) => [Buffer.from(cstr(this.s, p)), Buffer.from(cstr(this.s, this.argVals[i] ?? -1))]);
  }

  private at(p: number): number {
    return p >= 0 && p < this.s.length ? this.s[p]! : 0;
  }

  private put(p: number, v: number): void {
    if (p >= 0 && p < this.s.length) this.s[p] = v;
  }

  /**
   * One token of a simple marker: a backslash makes the next byte literal (and is removed, as
   * libsinsp removes it in place). Returns where the token ends (an unescaped end byte or the
   * NUL), or -1 at a byte the token may not hold.
   */
  private scanToken(p: number, isEnd: (c: number) => boolean, isBad: (c: number) => boolean): number {
    let literal = false;
    while (this.at(p) !== 0) {
      const c = this.at(p);
      if (literal) {
        literal = false;
        p++;
        continue;
      }
      if (c === BSLASH) {
        literal = true;
        this.deleteChar(p);
        continue;
      }
      if (isEnd(c)) break;
      if (isBad(c)) return -1;
      p++;
    }
    return p;
  }

  private deleteChar(p: number): void {
    while (this.at(p) !== 0) {
      this.put(p, this.at(p + 1));
      p++;
    }
  }

  private scope(p: number, ids: TracerIds, json: boolean): { p: number; handled: boolean } {
    switch (this.at(p)) {
      case 0x74: // t
        this.id = BigInt(ids.tid);
        this.delta = 2;
        return { p, handled: true };
      case 0x70: // p, pp
        this.id = BigInt(ids.pid);
        if (this.at(p + 1) === 0x70) {
          this.id = BigInt(ids.ptid);
          p++;
        }
        this.delta = 2;
        return { p, handled: true };
      case COLON:
        this.id = 0n;
        this.delta = 1;
        return { p, handled: true };
      case 0x67: // g
        this.id = 0n;
        this.delta = 2;
        return { p, handled: true };
      default:
        if (json) this.res = TRACER_RES.FAILED;
        return { p, handled: false };
    }
  }

  private parseSimple(ids: TracerIds): void {
    let p = 0;
    this.typeByte = this.at(p);
    p++;
    if (this.at(p) !== COLON) {
      this.res = this.at(p) === 0 ? TRACER_RES.TRUNCATED : TRACER_RES.FAILED;
      return;
    }
    this.put(p, 0);
    p++;
    if (this.at(p) === D0) {
      this.res = TRACER_RES.TRUNCATED;
      return;
    }
    const sc = this.scope(p, ids, false);
    p = sc.p;
    if (!sc.handled) {
      this.res = this.parseNumberColEnd(p);
      if (this.res > TRACER_RES.COMMA) return;
    }
    p += this.delta;

    if (this.at(p) === D0) {
      this.res = TRACER_RES.TRUNCATED;
      return;
    }
    if (this.at(p) !== COLON) {
      for (;;) {
        this.tags.push(p);
        p = this.scanToken(p, isTagEnd, isTagBad);
        if (p < 0) {
          this.res = TRACER_RES.FAILED;
          return;
        }
        if (this.at(p) === COLON) {
          this.put(p, 0);
          break;
        } else if (this.at(p) === 0) {
          this.res = TRACER_RES.TRUNCATED;
          return;
        } else {
          this.put(p, 0);
          p++;
        }
      }
    }
    p++;

    if (this.at(p) === 0) {
      this.res = TRACER_RES.TRUNCATED;
      return;
    }
    if (this.at(p) !== COLON) {
      for (;;) {
        this.argNames.push(p);
        p = this.scanToken(p, isArgNameEnd, isArgNameBad);
        if (p < 0) {
          this.res = TRACER_RES.FAILED;
          return;
        }
        if (this.at(p) === 0) {
          // An argument without a value is not supported.
          this.res = this.at(p - 1) === COLON ? TRACER_RES.FAILED : TRACER_RES.TRUNCATED;
          break;
        }
        this.put(p, 0);
        p++;

        this.argVals.push(p);
        p = this.scanToken(p, isArgValueEnd, never);
        if (this.at(p) === COLON) {
          this.put(p, 0);
          this.res = TRACER_RES.OK;
          break;
        } else if (this.at(p) === 0) {
          this.res = TRACER_RES.TRUNCATED;
          break;
        } else {
          this.put(p, 0);
          p++;
        }
      }
    }
  }

  private parseJson(ids: TracerIds): void {
    let p = 0;
    this.res = this.skipSpaces(p);
    if (this.res !== TRACER_RES.OK) return;
    p += this.delta;
    if (this.at(p++) !== LSQ) {
      this.res = TRACER_RES.FAILED;
      return;
    }

    // type
    let r = this.parseStr(p);
    this.res = r.res;
    if (this.res !== TRACER_RES.OK) return;
    this.typeByte = this.at(r.str);
    p += this.delta;

    // id
    this.res = this.skipSpacesAndCommas(p, 1);
    if (this.res !== TRACER_RES.OK) return;
    p += this.delta;
    if (this.at(p) === QUOTE) {
      p++;
      p = this.scope(p, ids, true).p;
    } else {
      this.res = this.parseNumber(p);
      if (this.res > TRACER_RES.COMMA) return;
    }
    p += this.delta;
    this.res = this.res === TRACER_RES.COMMA ? this.skipSpaces(p) : this.skipSpacesAndCommas(p, 1);
    if (this.res !== TRACER_RES.OK) return;
    p += this.delta;

    // tags
    this.res = this.skipSpacesAndChar(p, LSQ);
    if (this.res !== TRACER_RES.OK) return;
    p += this.delta;
    r = this.parseStrNotEnforce(p);
    this.res = r.res;
    if (this.res !== TRACER_RES.OK) return;
    p += this.delta;
    if (r.str >= 0) {
      this.tags.push(r.str);
      for (;;) {
        this.res = this.skipSpacesAndCommas(p, 0);
        if (this.res !== TRACER_RES.OK) return;
        p += this.delta;
        if (this.at(p) === RSQ) break;
        r = this.parseStr(p);
        this.res = r.res;
        if (this.res !== TRACER_RES.OK) return;
        p += this.delta;
        this.tags.push(r.str);
      }
    }

    // args
    this.res = this.skipSpacesAndCommasAndAllBrackets(p);
    if (this.res !== TRACER_RES.OK) return;
    p += this.delta;
    r = this.parseStrNotEnforce(p);
    this.res = r.res;
    if (this.res !== TRACER_RES.OK) return;
    p += this.delta;
    if (r.str >= 0) {
      this.argNames.push(r.str);
      this.res = this.skipSpacesAndChar(p, COLON);
      if (this.res !== TRACER_RES.OK) return;
      p += this.delta;
      r = this.parseStr(p);
      this.res = r.res;
      if (this.res !== TRACER_RES.OK) return;
      p += this.delta;
      this.argVals.push(r.str);
      for (;;) {
        this.res = this.skipSpacesAndCommasAndCrBrackets(p);
        if (this.res !== TRACER_RES.OK) return;
        p += this.delta;
        if (this.at(p) === RSQ) {
          p++;
          break;
        }
        r = this.parseStr(p);
        this.res = r.res;
        if (this.res !== TRACER_RES.OK) return;
        p += this.delta;
        this.argNames.push(r.str);
        this.res = this.skipSpacesAndChar(p, COLON);
        if (this.res !== TRACER_RES.OK) return;
        p += this.delta;
        r = this.parseStr(p);
        this.res = r.res;
        if (this.res !== TRACER_RES.OK) return;
        p += this.delta;
        this.argVals.push(r.str);
      }
    }

    // closing ]
    this.res = this.skipSpaces(p);
    if (this.res !== TRACER_RES.OK) return;
    p += this.delta;
    if (this.at(p) !== RSQ) {
      this.res = this.at(p) === 0 ? TRACER_RES.TRUNCATED : TRACER_RES.FAILED;
      return;
    }
    this.res = TRACER_RES.OK;
  }

  private skipSpaces(p: number): TracerResult {
    const start = p;
    while (this.at(p) === SP) p++;
    this.delta = p - start;
    return TRACER_RES.OK;
  }

  private skipSpacesAndCommas(p: number, expected: number): TracerResult {
    const start = p;
    let nc = 0;
    for (;;) {
      const c = this.at(p);
      if (c === SP) {
        p++;
        continue;
      } else if (c === COMMA) nc++;
      else if (c === 0) return TRACER_RES.TRUNCATED;
      else break;
      p++;
    }
    if (nc < expected) return TRACER_RES.FAILED;
    this.delta = p - start;
    return TRACER_RES.OK;
  }

  private skipSpacesAndChar(p: number, ch: number): TracerResult {
    const start = p;
    let nc = 0;
    for (;;) {
      const c = this.at(p);
      if (c !== SP && c !== ch && c !== 0) break;
      if (c === 0) return TRACER_RES.TRUNCATED;
      if (c === ch) nc++;
      p++;
    }
    if (nc !== 1) return TRACER_RES.FAILED;
    this.delta = p - start;
    return TRACER_RES.OK;
  }

  private skipSpacesAndCommasAndCrBrackets(p: number): TracerResult {
    const start = p;
    let nc = 0;
    let nocb = 0;
    let nccb = 0;
    for (;;) {
      const c = this.at(p);
      if (c !== SP && c !== COMMA && c !== LCB && c !== RCB && c !== 0) break;
      if (c === 0) return TRACER_RES.TRUNCATED;
      if (c === COMMA) nc++;
      else if (c === LCB) nocb++;
      else if (c === RCB) nccb++;
      p++;
    }
    if (!((nc === 1 && nocb === 1) || (nc === 1 && nccb === 1) || (nccb === 1 && this.at(p) === RSQ))) return TRACER_RES.FAILED;
    this.delta = p - start;
    return TRACER_RES.OK;
  }

  private skipSpacesAndCommasAndAllBrackets(p: number): TracerResult {
    const start = p;
    let nc = 0;
    let nosb = 0;
    let nocb = 0;
    for (;;) {
      const c = this.at(p);
      if (c !== SP && c !== COMMA && c !== LSQ && c !== RSQ && c !== LCB && c !== RCB && c !== 0) break;
      if (c === 0) return TRACER_RES.TRUNCATED;
      if (c === COMMA) nc++;
      else if (c === LSQ) nosb++;
      else if (c === RSQ) {
        if (nosb !== 0) break;
      } else if (c === LCB) nocb++;
      p++;
    }
    if (nc !== 1 || nosb !== 1) return TRACER_RES.FAILED;
    if (nocb !== 1 && this.at(p) !== RSQ) return TRACER_RES.FAILED;
    this.delta = p - start;
    return TRACER_RES.OK;
  }

  /** A quoted string; `str` is the offset of its first byte (-1 if none), the closing quote becomes NUL. */
  private parseStr(p: number): { res: TracerResult; str: number } {
    const initial = p;
    if (this.at(p) !== QUOTE) {
      this.delta = p - initial + 1;
      return { res: this.at(p) === 0 ? TRACER_RES.TRUNCATED : TRACER_RES.FAILED, str: -1 };
    }
    const str = p + 1;
    p++;
    while (!(this.at(p) === QUOTE && this.at(p - 1) !== BSLASH)) {
      if (this.at(p) === 0) {
        this.delta = p - initial + 1;
        return { res: TRACER_RES.TRUNCATED, str };
      }
      p++;
    }
    this.put(p, 0);
    this.delta = p - initial + 1;
    return { res: TRACER_RES.OK, str };
  }

  private parseStrNotEnforce(p: number): { res: TracerResult; str: number } {
    const r = this.parseStr(p);
    if (r.res === TRACER_RES.FAILED) {
      if (this.at(p + this.delta) === RSQ) return { res: TRACER_RES.OK, str: -1 };
    } else if (r.res === TRACER_RES.TRUNCATED) {
      return r;
    }
    // libsinsp reports success here whatever parsestr said.
    return { res: TRACER_RES.OK, str: r.str };
  }

  private parseNumber(p: number): TracerResult {
    const start = p;
    let res: TracerResult = TRACER_RES.OK;
    let val = 0n;
    let negative = false;
    if (this.at(p) === MINUS) {
      negative = true;
      p++;
    }
    while (this.at(p) >= D0 && this.at(p) <= D9) {
      val = BigInt.asIntN(64, val * 10n + BigInt(this.at(p) - D0));
      p++;
    }
    const c = this.at(p);
    if (c === COMMA) res = TRACER_RES.COMMA;
    else if (c !== 0 && c !== SP) return TRACER_RES.FAILED;
    else if (c === 0) return TRACER_RES.TRUNCATED;
    this.put(p, 0);
    this.id = negative ? BigInt.asIntN(64, -val) : val;
    this.delta = p - start + 1;
    return res;
  }

  private parseNumberColEnd(p: number): TracerResult {
    const start = p;
    let val = 0n;
    let negative = false;
    if (this.at(p) === MINUS) {
      negative = true;
      p++;
    }
    while (this.at(p) >= D0 && this.at(p) <= D9) {
      val = BigInt.asIntN(64, val * 10n + BigInt(this.at(p) - D0));
      p++;
    }
    if (this.at(p) !== COLON) return this.at(p) === 0 ? TRACER_RES.TRUNCATED : TRACER_RES.FAILED;
    this.delta = p - start + 1;
    this.id = negative ? BigInt.asIntN(64, -val) : val;
    return TRACER_RES.OK;
  }
}

function cstr(s: Uint8Array, p: number): Uint8Array {
  if (p < 0 || p >= s.length) return new Uint8Array(0);
  let e = p;
  while (e < s.length && s[e] !== 0) e++;
  return s.slice(p, e);
}
