/**
 * Turns rule exceptions into condition text appended to the rule's condition, exactly as Falco's
 * build_rule_exception_infos writes it (`(cond) and not ((f1 = v1 and f2 in (a, b)) or ...)`),
 * so the combined condition parses, and fails, the same way.
 */
import { isStrOperatorWithModifier } from './collector.js';
import { quoteItem } from './expand.js';
import type { ExceptionInfo } from './items.js';
import { RuleLoadError } from './result.js';

function parenItem(e: string): string {
  return e[0] !== '(' ? `(${e})` : e;
}

function isListOperator(op: string): boolean {
  return op === 'intersects' || op === 'in' || op === 'pmatch' || isStrOperatorWithModifier(op);
}

export function buildExceptionCondition(condition: string, exceptions: readonly ExceptionInfo[], fieldsOut: Set<string>): string {
  let out = `(${condition})`;
  for (const ex of exceptions) {
    const fields = ex.fields!;
    const comps = ex.comps!;
    let icond = '';
    if (!fields.isList) {
      for (const val of ex.values) {
        if (val.isList) throw new RuleLoadError('LOAD_ERR_VALIDATE', 'Expected values array to contain a list of strings', ex.ctx);
        icond += icond === '' ? `(${fields.item} ${comps.item} (` : ', ';
        fieldsOut.add(fields.item);
        icond += quoteItem(val.item);
      }
      icond += icond === '' ? '' : '))';
    } else {
      icond = '(';
      for (const values of ex.values) {
        if (fields.items.length !== values.items.length) {
          throw new RuleLoadError('LOAD_ERR_VALIDATE', 'Fields and values lists must have equal length', ex.ctx);
        }
        icond += icond === '(' ? '' : ' or ';
        icond += '(';
        fields.items.forEach((field, k) => {
          icond += k === 0 ? '' : ' and ';
          const v = values.items[k]!;
          const comp = comps.items[k]!.item;
          let istr: string;
          if (v.isList) {
            istr = `(${v.items.map((x) => quoteItem(x.item)).join(', ')})`;
          } else {
            istr = isListOperator(comp) ? parenItem(v.item) : quoteItem(v.item);
          }
          icond += ` ${field.item} ${comp} ${istr}`;
          fieldsOut.add(field.item);
        });
        icond += ')';
      }
      icond += ')';
      if (icond === '()') icond = '';
    }
    out += icond === '' ? '' : ` and not ${icond}`;
  }
  return out;
}
