/**
 * A thin view over `yaml` nodes with yaml-cpp's vocabulary (IsDefined, IsNull, IsScalar, IsMap,
 * IsSequence) because Falco's validation rules and messages are written in those terms.
 * Documents are parsed with the failsafe schema so every scalar keeps its source text; null and
 * booleans are then recognised the way yaml-cpp does.
 */
import { isMap, isScalar, isSeq, type LineCounter, type Node, type Pair, type Scalar } from 'yaml';

export type YNode = Node | null | undefined;

export interface At {
  line: number;
  col: number;
  offset: number;
}

const NULLS = new Set(['', '~', 'null', 'Null', 'NULL']);
const TRUES = new Set(['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON']);
const FALSES = new Set(['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF']);

export function isNullNode(n: YNode): boolean {
  if (n === null || n === undefined) return true;
  if (!isScalar(n)) return false;
  return n.type === 'PLAIN' && (n.value === null || NULLS.has(String(n.value)));
}

export function isScalarNode(n: YNode): n is Scalar {
  return !!n && isScalar(n) && !isNullNode(n);
}

export function scalarText(n: Scalar): string {
  return n.value === null || n.value === undefined ? '' : String(n.value);
}

export function decodeBool(n: Scalar): boolean | undefined {
  const s = scalarText(n);
  if (TRUES.has(s)) return true;
  if (FALSES.has(s)) return false;
  return undefined;
}

export function decodeUint(n: Scalar): number | undefined {
  const s = scalarText(n).trim();
  if (/^[0-9]+$/.test(s)) {
    const v = Number(s);
    return v <= 0xffffffff ? v : undefined;
  }
  if (/^0x[0-9a-fA-F]+$/.test(s)) return parseInt(s.slice(2), 16);
  return undefined;
}

export function isMapNode(n: YNode): boolean {
  return !!n && isMap(n);
}

export function isSeqNode(n: YNode): boolean {
  return !!n && isSeq(n);
}

/** Value for `key` in a map node: undefined when the key is absent, null-ish node when empty. */
export function mapGet(n: YNode, key: string): { present: boolean; value: YNode; keyNode?: Node } {
  if (!n || !isMap(n)) return { present: false, value: undefined };
  for (const p of n.items as Pair<unknown, unknown>[]) {
    const k = p.key as YNode;
    const kText = k && isScalar(k) ? scalarText(k) : undefined;
    if (kText === key) return { present: true, value: (p.value ?? null) as YNode, keyNode: k as Node };
  }
  return { present: false, value: undefined };
}

export function mapKeys(n: YNode): { key: string; keyNode: Node | undefined; value: YNode }[] {
  if (!n || !isMap(n)) return [];
  return (n.items as Pair<unknown, unknown>[]).map((p) => {
    const k = p.key as YNode;
    return { key: k && isScalar(k) ? scalarText(k) : String(k), keyNode: (k ?? undefined) as Node | undefined, value: (p.value ?? null) as YNode };
  });
}

export function seqItems(n: YNode): YNode[] {
  if (!n || !isSeq(n)) return [];
  return n.items as YNode[];
}

export function nodeAt(n: YNode, lc: LineCounter, fallback: At): At {
  const r = n?.range;
  if (!r) return fallback;
  const p = lc.linePos(r[0]);
  return { line: p.line, col: p.col, offset: r[0] };
}

/**
 * Where the text of a scalar's value starts in the file: after the quote for quoted scalars, on
 * the first content line for block scalars. Conditions map their own positions from here.
 */
export function scalarContentAt(n: Scalar, lc: LineCounter, src: string): At {
  const start = n.range?.[0] ?? 0;
  let off = start;
  if (n.type === 'QUOTE_DOUBLE' || n.type === 'QUOTE_SINGLE') off = start + 1;
  else if (n.type === 'BLOCK_FOLDED' || n.type === 'BLOCK_LITERAL') {
    const nl = src.indexOf('\n', start);
    off = nl < 0 ? start : nl + 1;
    while (off < src.length && (src[off] === ' ' || src[off] === '\t')) off++;
  }
  const p = lc.linePos(off);
  return { line: p.line, col: p.col, offset: off };
}
