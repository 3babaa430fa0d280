import type { Labels } from "../../api/types";

/** utilnode.GetZoneKey: region and zone joined by ":\x00:", "" when neither is set. */
export function zoneKey(labels: Labels): string {
  const zone = labels["topology.kubernetes.io/zone"] ?? labels["failure-domain.beta.kubernetes.io/zone"] ?? "";
  const region = labels["topology.kubernetes.io/region"] ?? labels["failure-domain.beta.kubernetes.io/region"] ?? "";
  if (zone === "" && region === "") return "";
  return `${region}:\x00:${zone}`;
}

/**
 * The scheduler cache's nodeTree: nodes grouped by zone; `list()` interleaves the zones
 * (one node of each zone in turn) so the filter loop's window covers every zone.
 */
export class NodeTree {
  private readonly zones: string[] = [];
  private readonly tree = new Map<string, string[]>();
  private readonly zoneOf = new Map<string, string>();
  private cached: string[] | undefined;

  get size(): number {
    return this.zoneOf.size;
  }

  add(name: string, labels: Labels): void {
    if (this.zoneOf.has(name)) return;
    const z = zoneKey(labels);
    let names = this.tree.get(z);
    if (!names) {
      names = [];
      this.tree.set(z, names);
      this.zones.push(z);
    }
    names.push(name);
    this.zoneOf.set(name, z);
    this.cached = undefined;
  }

  remove(name: string): void {
    const z = this.zoneOf.get(name);
    if (z === undefined) return;
    this.zoneOf.delete(name);
    const names = this.tree.get(z) ?? [];
    const i = names.indexOf(name);
    // Swap-remove, as the real nodeTree does (it changes the order, like upstream).
    names[i] = names[names.length - 1];
    names.pop();
    if (names.length === 0) {
      this.tree.delete(z);
      const zi = this.zones.indexOf(z);
      this.zones[zi] = this.zones[this.zones.length - 1];
      this.zones.pop();
    }
    this.cached = undefined;
  }

  /** Re-files a node whose zone labels changed; returns whether it moved. */
  update(name: string, labels: Labels): boolean {
    const z = this.zoneOf.get(name);
    if (z === undefined || z === zoneKey(labels)) return false;
    this.remove(name);
    this.add(name, labels);
    return true;
  }

  list(): readonly string[] {
    if (this.cached) return this.cached;
    const out: string[] = [];
    for (let i = 0; out.length < this.zoneOf.size; i++) {
      for (const z of this.zones) {
        const names = this.tree.get(z) ?? [];
        if (i < names.length) out.push(names[i]);
      }
    }
    this.cached = out;
    return out;
  }
}
