import { describe, expect, it } from 'vitest';
import { exprToString, type BinaryCheckExpr, type Expr } from '../../../core/filter/ast.js';
import { FilterError } from '../../../core/filter/errors.js';
import { parseFilter } from '../../../core/filter/parser.js';

function str(f: string): string {
  return exprToString(parseFilter(f));
}

function err(f: string): FilterError {
  try {
    parseFilter(f);
  } catch (e) {
    if (e instanceof FilterError) return e;
    throw e;
  }
  throw new Error(`expected a parse error for: ${f}`);
}

describe('filter parser: grammar', () => {
  it('parses checks, precedence and negation like libsinsp', () => {
    expect(str('proc.name=bash')).toBe('proc.name = bash');
    expect(str('a.b = 1 and c.d = 2 or e.f = 3')).toBe('((a.b = 1 and c.d = 2) or e.f = 3)');
    expect(str('a.b = 1 or c.d = 2 and e.f = 3')).toBe('(a.b = 1 or (c.d = 2 and e.f = 3))');
    expect(str('not a.b = 1')).toBe('not a.b = 1');
    expect(str('not not a.b = 1')).toBe('a.b = 1');
    expect(str('not(a.b = 1)')).toBe('not a.b = 1');
    expect(str('a.b=1 and(c.d=2 or e.f=3)')).toBe('(a.b = 1 and (c.d = 2 or e.f = 3))');
    expect(str('(a.b exists)')).toBe('a.b exists');
    expect(str('spawned_process and not proc.name in (a, "b c", \'d\')')).toBe('(spawned_process and not proc.name in (a, "b c", d))');
  });

  it('accepts every operator', () => {
    const ops = ['=', '==', '!=', '<', '<=', '>', '>=', 'contains', 'icontains', 'bcontains', 'startswith', 'bstartswith', 'endswith', 'glob', 'iglob', 'regex'];
    for (const op of ops) {
      const e = parseFilter(`fd.name ${op} 10`) as BinaryCheckExpr;
      expect(e.kind).toBe('binary');
      expect(e.op).toBe(op);
    }
    for (const op of ['in', 'intersects', 'pmatch']) {
      const e = parseFilter(`fd.name ${op} (/a, /b)`) as BinaryCheckExpr;
      expect(e.op).toBe(op);
      expect(e.right.kind).toBe('list');
    }
    expect((parseFilter('fd.name exists') as Expr).kind).toBe('unary');
    expect((parseFilter('fd.name startswith oneof (/a, /b)') as BinaryCheckExpr).op).toBe('startswith oneof');
    // A modifier word followed by a boolean keyword is just a value.
    expect(str('proc.name = anyof and a.b = 1')).toBe('(proc.name = anyof and a.b = 1)');
  });

  it('needs a blank after word operators but not after symbols', () => {
    expect(str('proc.name=bash')).toBe('proc.name = bash');
    expect(err('proc.name containsbash').bare).toMatch(/^expected a valid check operator/);
    expect(str('proc.name in(a,b)')).toBe('proc.name in (a, b)');
  });

  it('handles quoted strings and escapes', () => {
    const v = (f: string): string => ((parseFilter(f) as BinaryCheckExpr).right as { value: string }).value;
    expect(v('proc.name = "a b"')).toBe('a b');
    expect(v("proc.name = 'a \"b\"'")).toBe('a "b"');
    expect(v('proc.name = "tab\\there"')).toBe('tab\there');
    expect(v('proc.name = "\\x41\\x42"')).toBe('AB');
    expect(v('proc.name = "a\\ b"')).toBe('a\\b');
    expect(v('proc.name = "it\'s"')).toBe("it's");
    expect(err('proc.name = "\\q"').bare).toBe('unsupported string escape sequence: \\q');
    expect(err("proc.name = 'a\\\"'").bare).toBe(`invalid \\" escape in '-quoted string`);
    expect(err('proc.name = "\\x4"').bare).toBe('truncated hex char escape sequence');
  });

  it('parses numbers, hex, negative values, IPs, CIDRs and bare paths', () => {
    const v = (f: string): string => ((parseFilter(f) as BinaryCheckExpr).right as { value: string }).value;
    expect(v('evt.rawres < -1')).toBe('-1');
    expect(v('evt.rawres >= 0x10')).toBe('0x10');
    expect(v('evt.count > 1.5e+3')).toBe('1.5e+3');
    expect(v('fd.net = 10.0.0.0/8')).toBe('10.0.0.0/8');
    expect(v('fd.sip = ::1')).toBe('::1');
    expect(v('fd.name startswith /etc/ld.so.cache')).toBe('/etc/ld.so.cache');
    expect(err('evt.rawres > abc').bare).toMatch(/^expected a number value or a field with a valid transformer/);
  });

  it('parses field arguments and transformers', () => {
    expect(str('proc.aname[2] = bash')).toBe('proc.aname[2] = bash');
    expect(str('evt.arg[0] = 3')).toBe('evt.arg[0] = 3');
    expect(str('evt.arg.fd = 3')).toBe('evt.arg.fd = 3');
    expect(str('proc.env[HOME] = /root')).toBe('proc.env[HOME] = /root');
    expect(str('tolower(proc.name) = bash')).toBe('tolower(proc.name) = bash');
    expect(str('toupper( proc.name ) = BASH')).toBe('toupper(proc.name) = BASH');
    expect(str('len(proc.args) > 10')).toBe('len(proc.args) > 10');
    expect(str('basename(b64(evt.arg.data)) = x')).toBe('basename(b64(evt.arg.data)) = x');
    expect(str('proc.name = val(proc.pname)')).toBe('proc.name = val(proc.pname)');
    expect(str('proc.name != tolower(proc.pname)')).toBe('proc.name != tolower(proc.pname)');
    expect(str('proc.pid in val(proc.ppid)')).toBe('proc.pid in val(proc.ppid)');
    expect(err('proc.aname[2 = bash').bare).toBe("expected a ']' token");
  });

  it('allows empty lists and identifiers as list values', () => {
    expect(str('proc.name in ()')).toBe('proc.name in ()');
    expect(str('proc.name in shell_binaries')).toBe('proc.name in shell_binaries');
  });
});

describe('filter parser: errors and positions', () => {
  it('reports an empty filter', () => {
    const e = err('');
    expect(e.code).toBe('FILTER_SYNTAX');
    expect(e.reason).toBe('EMPTY');
  });

  it('reports trailing tokens with the libsinsp message and position', () => {
    const e = err('evt.type=execve foo');
    expect(e.bare).toBe("unexpected token after 'execve', expecting 'or', 'and'");
    expect(e.pos).toEqual({ idx: 16, line: 1, col: 17 });
  });

  it('reports unbalanced parentheses both ways', () => {
    const open = err('(proc.name = a and (fd.num = 1)');
    expect(open.reason).toBe('UNBALANCED_PARENS');
    expect(open.bare).toBe("expected a ')' token");
    expect(open.pos.idx).toBe(31);
    expect(open.suggestion).toContain('column 1');
    const close = err('proc.name = a)');
    expect(close.reason).toBe('UNBALANCED_PARENS');
    expect(close.pos.idx).toBe(13);
    const list = err('proc.name in (a, b');
    expect(list.reason).toBe('UNBALANCED_PARENS');
  });

  it('tracks lines and columns across newlines', () => {
    const e = err('proc.name = a and\n  fd.name ?? x');
    expect(e.pos.line).toBe(2);
    expect(e.pos.col).toBe(11);
    expect(e.bare).toMatch(/^expected a valid check operator: one of 'exists', '<=', '<', '>=', '>', '==', '=', '!=', 'glob'/);
    expect(e.candidates).toContain('contains');
  });

  it('reports a missing value and a missing operator', () => {
    expect(err('proc.name =').reason).toBe('EXPECTED_VALUE');
    expect(err('proc.name').reason).toBe('EXPECTED_OPERATOR');
    expect(err('proc.name = "abc').suggestion).toMatch(/no closing quote/);
  });

  it('rejects garbage where a check should start', () => {
    const e = err('= bash');
    expect(e.bare).toBe("expected a '(' token, a field check, or an identifier");
    expect(e.pos.idx).toBe(0);
    expect(err('proc.name = a or').bare).toBe("expected blank or '(' after 'or'");
    expect(err('proc.name = a or ').bare).toBe("expected a '(' token, a field check, or an identifier");
    expect(err('proc.name = a orx').bare).toBe("expected blank or '(' after 'or'");
  });

  it('limits nesting depth', () => {
    const deep = `${'('.repeat(120)}a.b = 1${')'.repeat(120)}`;
    expect(err(deep).reason).toBe('TOO_DEEP');
    expect(exprToString(parseFilter(deep, { maxDepth: 1000 }))).toBe('a.b = 1');
  });

  it('gives every node a source span', () => {
    const src = 'proc.name = bash and fd.num in (1, 2)';
    const e = parseFilter(src);
    expect(e.kind).toBe('and');
    if (e.kind !== 'and') return;
    const [a, b] = e.children as [BinaryCheckExpr, BinaryCheckExpr];
    expect(src.slice(a.pos.idx, a.end)).toBe('proc.name = bash');
    expect(src.slice(b.pos.idx, b.end)).toBe('fd.num in (1, 2)');
    expect(src.slice(b.right.pos.idx, b.right.end)).toBe('(1, 2)');
    if (b.right.kind !== 'list') throw new Error('list expected');
    expect(src.slice(b.right.items[1]!.pos.idx, b.right.items[1]!.end)).toBe('2');
  });
});
