/**
 * Comparing a top-N table with sysdig's. The chisels sort with Lua's unstable table.sort and cut
 * at N, so rows tied on the value come in any order, and at the cut any subset of the tied rows
 * may be shown. Hence: values must agree exactly, rows above the cut value must agree as sets per
 * value, and the rows sysdig shows at the cut value must be among ours with that value.
 */

export interface KeyedValue {
  keys: string[];
  value: number;
}

export interface TableComparison {
  /** Oracle rows we reproduced (same keys and value). */
  matched: number;
  /** Oracle rows. */
  expected: number;
  problems: string[];
}

const SEP = '\u0001';

function k(r: KeyedValue): string {
  return r.keys.join(SEP);
}

function show(r: KeyedValue): string {
  return `[${r.keys.join(' | ')}] = ${r.value}`;
}

/**
 * `ours` is our full ranking (sorted by value, descending; not cut), `theirs` sysdig's top-`top`
 * rows. Values are compared with a relative tolerance of `tol` (0 for integer columns).
 */
export function compareTopTable(ours: KeyedValue[], theirs: KeyedValue[], top: number, tol = 0): TableComparison {
  const problems: string[] = [];
  const same = (a: number, b: number): boolean => a === b || Math.abs(a - b) <= tol * Math.max(Math.abs(a), Math.abs(b));
  const expectedCount = Math.min(top, ours.length);
  if (theirs.length !== expectedCount) problems.push(`row count: sysdig ${theirs.length}, ours ${expectedCount} (of ${ours.length} before the top-${top} cut)`);

  const oursByKey = new Map(ours.map((r) => [k(r), r]));
  const cutValue = theirs.length === top && theirs.length > 0 ? Math.min(...theirs.map((r) => r.value)) : -Infinity;
  let matched = 0;
  for (const t of theirs) {
    const o = oursByKey.get(k(t));
    if (!o) problems.push(`missing: ${show(t)}`);
    else if (!same(o.value, t.value)) problems.push(`value: ${show(t)} but ours ${o.value}`);
    else matched++;
  }
  // Rows we rank above sysdig's cut value must all be in sysdig's output.
  const theirKeys = new Set(theirs.map(k));
  for (const o of ours.slice(0, expectedCount + 5)) {
    if (o.value > cutValue && !same(o.value, cutValue) && !theirKeys.has(k(o))) problems.push(`extra: ${show(o)}`);
  }
  return { matched, expected: theirs.length, problems };
}

export interface LineComparison {
  matched: number;
  expected: number;
  problems: string[];
}

/** Line-by-line equality, reporting the first few differing lines. */
export function compareLines(ours: string[], theirs: string[], maxProblems = 5): LineComparison {
  const problems: string[] = [];
  let matched = 0;
  const n = Math.max(ours.length, theirs.length);
  for (let i = 0; i < n; i++) {
    if (ours[i] === theirs[i]) matched++;
    else if (problems.length < maxProblems) problems.push(`line ${i + 1}:\n  sysdig: ${JSON.stringify(theirs[i])}\n  ours:   ${JSON.stringify(ours[i])}`);
  }
  if (ours.length !== theirs.length) problems.push(`line count: sysdig ${theirs.length}, ours ${ours.length}`);
  return { matched: Math.min(matched, theirs.length), expected: theirs.length, problems };
}
