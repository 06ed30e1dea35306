import { describe, expect, it } from 'vitest';
import { copyAndSanitize } from '../../../core/inspect/paths.js';

// copyAndSanitize returns base + path without building a code-unit array when it can tell the
// result is unchanged. That shortcut must agree with the full algorithm on every input.
describe('copyAndSanitize fast path', () => {
  const alphabet = ['a', '.', '/', '\x01', '\x7f'];
  const bases = ['', '/', '//', '/a/', 'a', '/a/b/', 'x/', '.', '/a.'];

  function* words(maxLen: number): Generator<string> {
    yield '';
    let level = [''];
    for (let n = 1; n <= maxLen; n++) {
      const next: string[] = [];
      for (const w of level) for (const c of alphabet) next.push(w + c);
      yield* next;
      level = next;
    }
  }

  it('agrees with the full algorithm on every path of up to 6 chars over / . a and control bytes', () => {
    let checked = 0;
    let shortcut = 0;
    for (const base of bases) {
      for (const path of words(6)) {
        const slow = copyAndSanitize(base, path, false);
        const fast = copyAndSanitize(base, path);
        if (fast !== slow) expect({ base, path, fast }).toEqual({ base, path, fast: slow });
        if (slow === base + path) shortcut++;
        checked++;
      }
    }
    expect(checked).toBe(bases.length * ((5 ** 7 - 1) / 4));
    // The inputs include many already-clean paths, so the shortcut is exercised, not just skipped.
    expect(shortcut).toBeGreaterThan(1000);
  });

  it('takes typical absolute and relative paths unchanged', () => {
    expect(copyAndSanitize('', '/usr/lib/x86_64-linux-gnu/libc.so.6')).toBe('/usr/lib/x86_64-linux-gnu/libc.so.6');
    expect(copyAndSanitize('/home/u/', '.bashrc')).toBe('/home/u/.bashrc');
    expect(copyAndSanitize('/home/u/', '..hidden')).toBe('/home/u/..hidden');
    expect(copyAndSanitize('/home/u/', './x')).toBe('/home/u/x');
    expect(copyAndSanitize('', '/tmp/')).toBe('/tmp');
  });
});
