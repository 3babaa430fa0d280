import type { KubeObject } from "../../api/types";
import type { EtcdStore } from "../etcd";

const PODS = "/registry/pods/";

function nodeOf(o: KubeObject): string {
  return (o as { spec?: { nodeName?: string } }).spec?.nodeName ?? "";
}

/**
 * The watch cache's index of pods by spec.nodeName: a kubelet's list (and `--field-selector
 * spec.nodeName=…`) costs its node's pods, not every pod in the cluster. Built on first use,
 * then kept up to date from etcd's writes.
 */
export class PodNodeIndex {
  private byNode: Map<string, Set<string>> | undefined;

  constructor(private readonly store: EtcdStore) {}

  /** Keys of the pods bound to `nodeName` ("" = not yet scheduled), in key order as a range gives them. */
  keys(nodeName: string): string[] {
    const byNode = this.byNode ?? this.build();
    const keys = byNode.get(nodeName);
    return keys ? [...keys].sort() : [];
  }

  private build(): Map<string, Set<string>> {
    const byNode = new Map<string, Set<string>>();
    this.byNode = byNode;
    for (const e of this.store.range(PODS)) this.add(e.key, nodeOf(e.value));
    this.store.onWrite((w) => {
      if (!w.key.startsWith(PODS)) return;
      const before = w.prev ? nodeOf(w.prev) : undefined;
      const after = w.type === "put" ? nodeOf(w.value) : undefined;
      if (before === after) return;
      if (before !== undefined) byNode.get(before)?.delete(w.key);
      if (after !== undefined) this.add(w.key, after);
    });
    return byNode;
  }

  private add(key: string, nodeName: string): void {
    let keys = this.byNode!.get(nodeName);
    if (!keys) this.byNode!.set(nodeName, (keys = new Set()));
    keys.add(key);
  }
}
