/**
 * Views in one pass often share a filter text (csysdig's file, net and error views do). A
 * resolver that can share filters (AnalysisResolver with memo) hands them one predicate per text,
 * evaluated once per event; any other resolver gets the plain compiled filter.
 */
import type { FieldResolver } from '../filter/fields.js';
import { compileFilter, type CompiledFilter, type Predicate } from '../filter/compiler.js';

interface FilterSharing<E> {
  shareFilter(text: string, compiled: CompiledFilter<E>): Predicate<E>;
}

export function viewFilter<E>(text: string, resolver: FieldResolver<E>): Predicate<E> {
  const compiled = compileFilter(text, resolver);
  const share = (resolver as Partial<FilterSharing<E>>).shareFilter;
  return typeof share === 'function' ? share.call(resolver, text, compiled) : compiled.match;
}
