/**
 * Finds where a field path (`spec.template.spec.containers[0].image`, as kube-apiserver
 * names fields in its errors) is written in a parsed YAML document.
 */
import { isMap, isScalar, isSeq, type Document, type Node, type Pair } from "yaml";

export type PathSegment = string | number;

/** `spec.containers[0].image` → ["spec", "containers", 0, "image"]; `labels[app.kubernetes.io/name]` keeps the key whole. */
export function parseFieldPath(path: string): PathSegment[] {
  const out: PathSegment[] = [];
  let i = 0;
  let word = "";
  const flush = () => {
    if (word) out.push(word);
    word = "";
  };
  while (i < path.length) {
    const c = path[i];
    if (c === ".") {
      flush();
      i++;
    } else if (c === "[") {
      flush();
      const end = path.indexOf("]", i);
      const inner = end < 0 ? path.slice(i + 1) : path.slice(i + 1, end);
      out.push(/^\d+$/.test(inner) ? Number(inner) : inner);
      i = end < 0 ? path.length : end + 1;
    } else {
      word += c;
      i++;
    }
  }
  flush();
  return out;
}

export interface Located {
  /** Character offsets to underline. */
  from: number;
  to: number;
  /** Whether the whole path was found (false: the nearest written ancestor). */
  exact: boolean;
}

function rangeOf(node: Node | null | undefined): [number, number] | undefined {
  const r = node?.range;
  return r ? [r[0], r[1]] : undefined;
}

/** Key and value of a map entry: a scalar value is underlined with its key, a block only at its key. */
function pairRange(pair: Pair): [number, number] | undefined {
  const key = rangeOf(pair.key as Node | null);
  const value = pair.value as Node | null;
  if (!key) return rangeOf(value);
  if (value && isScalar(value) && value.range) return [key[0], value.range[1]];
  return key;
}

function findPair(node: unknown, key: string): Pair | undefined {
  if (!isMap(node)) return undefined;
  return node.items.find((p) => isScalar(p.key) && String(p.key.value) === key);
}

/** Walks `segments` from the document root. With `ignoreIndices`, array positions are searched (type errors carry none). */
export function locatePath(doc: Document, segments: readonly PathSegment[], ignoreIndices = false): Located | undefined {
  const root = doc.contents as Node | null;
  const rootRange = rangeOf(root);
  if (!rootRange) return undefined;
  let best: Located = { from: rootRange[0], to: Math.min(rootRange[1], rootRange[0] + 1), exact: segments.length === 0 };

  const walk = (node: unknown, i: number): Located | undefined => {
    if (i === segments.length) return undefined;
    const seg = segments[i];
    if (isSeq(node)) {
      if (typeof seg === "number") {
        const item = node.items[seg] as Node | undefined;
        const r = rangeOf(item);
        if (!item || !r) return undefined;
        if (i === segments.length - 1) return { from: r[0], to: r[1], exact: true };
        best = { from: r[0], to: r[0] + 1, exact: false };
        return walk(item, i + 1);
      }
      if (ignoreIndices) {
        for (const item of node.items) {
          const found = walk(item, i);
          if (found?.exact) return found;
        }
      }
      return undefined;
    }
    const pair = findPair(node, String(seg));
    if (!pair) return undefined;
    const r = pairRange(pair);
    if (!r) return undefined;
    if (i === segments.length - 1) return { from: r[0], to: r[1], exact: true };
    const keyRange = rangeOf(pair.key as Node | null) ?? r;
    best = { from: keyRange[0], to: keyRange[1], exact: false };
    return walk(pair.value, i + 1);
  };
  return walk(root, 0) ?? best;
}

/** 1-based line of an offset. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
