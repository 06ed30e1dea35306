/**
 * The `pmatch` operator: does any search path prefix the value, comparing whole path components?
 * `/var/run` prefixes `/var/run/docker` but not `/var/runner` or `/var`. Components may be globs,
 * as in libsinsp's path_prefix_search.
 */
import { globToRegExp, hasGlobChars } from './glob.js';

interface Node {
  terminal: boolean;
  dirs: Map<string, Node>;
  globs: { re: RegExp; node: Node }[];
}

function newNode(): Node {
  return { terminal: false, dirs: new Map(), globs: [] };
}

export function splitPath(path: string): string[] {
  return path.split('/').filter((c) => c.length > 0);
}

export class PathPrefixSearch {
  private readonly root = newNode();

  add(path: string): void {
    let node = this.root;
    for (const comp of splitPath(path)) {
      if (node.terminal) return;
      let next: Node | undefined;
      if (hasGlobChars(comp)) {
        const source = globToRegExp(comp).source;
        next = node.globs.find((g) => g.re.source === source)?.node;
        if (!next) {
          next = newNode();
          node.globs.push({ re: globToRegExp(comp), node: next });
        }
      } else {
        next = node.dirs.get(comp);
        if (!next) {
          next = newNode();
          node.dirs.set(comp, next);
        }
      }
      node = next;
    }
    // A shorter search path already covers everything below it.
    node.terminal = true;
    node.dirs.clear();
    node.globs = [];
  }

  match(path: string): boolean {
    return this.matchFrom(this.root, splitPath(path), 0);
  }

  private matchFrom(node: Node, comps: string[], i: number): boolean {
    if (node.terminal) return true;
    if (i >= comps.length) return false;
    const comp = comps[i]!;
    const direct = node.dirs.get(comp);
    if (direct && this.matchFrom(direct, comps, i + 1)) return true;
    for (const g of node.globs) {
      if (g.re.test(comp) && this.matchFrom(g.node, comps, i + 1)) return true;
    }
    return false;
  }
}
