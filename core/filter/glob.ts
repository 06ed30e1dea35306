/**
 * fnmatch(3) with no flags (what libsinsp's glob operator calls): `*` and `?` also match `/` and
 * leading dots, `[...]` sets support `!`/`^` negation, ranges and [:class:] names, and a backslash
 * makes the next character literal. Patterns compile once to a RegExp.
 */

const CLASSES: Record<string, string> = {
  alpha: 'a-zA-Z', digit: '0-9', alnum: 'a-zA-Z0-9', upper: 'A-Z', lower: 'a-z', space: ' \\t\\n\\v\\f\\r',
  blank: ' \\t', punct: '!-\\/:-@\\[-`{-~', xdigit: '0-9a-fA-F', cntrl: '\\x00-\\x1f\\x7f', print: ' -~', graph: '!-~',
};

function escapeRe(c: string): string {
  return /[\\^$.*+?()[\]{}|/-]/.test(c) ? `\\${c}` : c;
}

/** Parses a bracket expression starting at pattern[i] === '['; returns the regex and next index, or null if unclosed. */
function bracket(p: string, i: number): { re: string; next: number } | null {
  let j = i + 1;
  let negate = false;
  if (p[j] === '!' || p[j] === '^') {
    negate = true;
    j++;
  }
  let body = '';
  let first = true;
  while (j < p.length) {
    const c = p[j]!;
    if (c === ']' && !first) return { re: `[${negate ? '^' : ''}${body}]`, next: j + 1 };
    first = false;
    if (c === '[' && p[j + 1] === ':') {
      const close = p.indexOf(':]', j + 2);
      if (close > 0) {
        const cls = CLASSES[p.slice(j + 2, close)];
        if (cls !== undefined) {
          body += cls;
          j = close + 2;
          continue;
        }
      }
    }
    let lit = c;
    if (c === '\\' && j + 1 < p.length) {
      j++;
      lit = p[j]!;
    }
    if (p[j + 1] === '-' && j + 2 < p.length && p[j + 2] !== ']') {
      let hi = p[j + 2]!;
      let skip = 3;
      if (hi === '\\' && j + 3 < p.length) {
        hi = p[j + 3]!;
        skip = 4;
      }
      body += `${escapeRe(lit)}-${escapeRe(hi)}`;
      j += skip;
      continue;
    }
    body += escapeRe(lit);
    j++;
  }
  return null;
}

export function globToRegExp(pattern: string, caseInsensitive = false): RegExp {
  let re = '';
  for (let i = 0; i < pattern.length; ) {
    const c = pattern[i]!;
    if (c === '*') {
      re += '[^]*';
      i++;
    } else if (c === '?') {
      re += '[^]';
      i++;
    } else if (c === '[') {
      const b = bracket(pattern, i);
      if (b) {
        re += b.re;
        i = b.next;
      } else {
        re += '\\[';
        i++;
      }
    } else if (c === '\\' && i + 1 < pattern.length) {
      re += escapeRe(pattern[i + 1]!);
      i += 2;
    } else {
      re += escapeRe(c);
      i++;
    }
  }
  return new RegExp(`^${re}$`, caseInsensitive ? 'i' : '');
}

export function hasGlobChars(s: string): boolean {
  return /[*?[]/.test(s);
}
