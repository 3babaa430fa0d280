import type { KubeObject } from "../../api/types";
import type { EtcdEntry, EtcdSlot, EtcdStore } from "../etcd";

const PODS = "/registry/pods";

function nodeOf(o: KubeObject): string {
  return (o as { spec?: { nodeName?: string } }).spec?.nodeName ?? "";
}

/**
 * The watch cache's index of pods by spec.nodeName: a kubelet's list (and `--field-selector
 * spec.nodeName=…`) costs its node's pods, not every pod in the cluster. Built on first use,
 * then kept up to date from etcd's writes. It holds etcd's slots, so a list reads their current
 * entries without looking the keys up.
 */
export class PodNodeIndex {
  private byNode: Map<string, Set<EtcdSlot>> | undefined;

  constructor(private readonly store: EtcdStore) {}

  /** Entries of the pods bound to `nodeName` ("" = not yet scheduled), in key order as a range gives them. */
  entries(nodeName: string): EtcdEntry[] {
    const byNode = this.byNode ?? this.build();
    const slots = byNode.get(nodeName);
    if (!slots) return [];
    return [...slots].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)).map((s) => s.entry);
  }

  private build(): Map<string, Set<EtcdSlot>> {
    const byNode = new Map<string, Set<EtcdSlot>>();
    this.byNode = byNode;
    for (const slot of this.store.rangeSlots(PODS + "/")) this.add(slot, nodeOf(slot.entry.value));
    this.store.onWriteUnder(PODS, (w) => {
      const before = w.prev ? nodeOf(w.prev) : undefined;
      const after = w.type === "put" ? nodeOf(w.value) : undefined;
      if (before === after) return;
      if (before !== undefined) byNode.get(before)?.delete(w.slot);
      if (after !== undefined) this.add(w.slot, after);
    });
    return byNode;
  }

  private add(slot: EtcdSlot, nodeName: string): void {
    let slots = this.byNode!.get(nodeName);
    if (!slots) this.byNode!.set(nodeName, (slots = new Set()));
    slots.add(slot);
  }
}
