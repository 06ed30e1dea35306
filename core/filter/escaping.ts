import type { Pos } from './ast.js';
import { FilterError } from './errors.js';

function bad(message: string, pos: Pos, suggestion: string): FilterError {
  return new FilterError('FILTER_SYNTAX', message, { reason: 'BAD_ESCAPE', pos, suggestion });
}

/**
 * Decodes a quoted filter string (quotes included in `raw`) with the escapes libsinsp accepts:
 * \b \f \n \r \t \\ \/ \xHH, the quote that delimits the string, and `\ ` (kept as a backslash,
 * because some published rules relied on it). Anything else is an error, as in Falco.
 */
export function unescapeQuoted(raw: string, pos: Pos): string {
  const delim = raw[0];
  let out = '';
  const end = raw.length - 1;
  for (let i = 1; i < end; i++) {
    const c = raw[i]!;
    if (c !== '\\') {
      out += c;
      continue;
    }
    i++;
    const e = raw[i]!;
    switch (e) {
      case 'b': out += '\b'; break;
      case 'f': out += '\f'; break;
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case 't': out += '\t'; break;
      case ' ':
      case '\\': out += '\\'; break;
      case '/': out += '/'; break;
      case '"':
        if (delim !== '"') throw bad(`invalid \\" escape in '-quoted string`, pos, `write " unescaped inside '...'`);
        out += '"';
        break;
      case "'":
        if (delim !== "'") throw bad(`invalid \\' escape in "-quoted string`, pos, `write ' unescaped inside "..."`);
        out += "'";
        break;
      case 'x': {
        if (i + 2 >= end) throw bad('truncated hex char escape sequence', pos, 'use two hex digits, e.g. \\x41');
        const hex = raw.slice(i + 1, i + 3);
        if (!/^[0-9a-fA-F]{2}$/.test(hex)) {
          throw bad(`invalid hex char escape sequence: ${hex}`, pos, 'use two hex digits, e.g. \\x41');
        }
        out += String.fromCharCode(parseInt(hex, 16));
        i += 2;
        break;
      }
      default:
        throw bad(`unsupported string escape sequence: \\${e}`, pos, 'supported escapes: \\b \\f \\n \\r \\t \\\\ \\/ \\xHH and the quote character');
    }
  }
  return out;
}
