import type { LabelSelector, Pod, ReplicaSet } from "../../../api";
import { isPodActive, isPodReady, selectorMatches } from "../framework";

// What a ReplicaSet sync needs to know of one owned pod, as bits.
const MATCHES = 1; // its labels match the selector
const ACTIVE = 2; // in the ReplicaSet's namespace and active (not finished, not being deleted)
const LIVE = 4; // not being deleted
const FULLY_LABELED = 8; // it carries every template label
const READY = 16;

const NO_PODS: readonly Pod[] = [];

/** One pass over the owned pods: ClaimPods' active and released pods, and the counts calculateStatus takes from the active ones. */
export interface Claim {
  active: Pod[];
  release: readonly Pod[];
  fullyLabeled: number;
  ready: number;
}

/** One ReplicaSet's owned pods at its last sync, and the bits found for each. */
interface Owned {
  readonly uid: string | undefined;
  readonly selector: LabelSelector;
  readonly templateLabels: Record<string, string> | undefined;
  readonly templateSelector: LabelSelector;
  readonly namespace: string | undefined;
  pods: readonly Pod[];
  bits: Uint8Array;
}

/**
 * Claims pods for ReplicaSets, remembering per ReplicaSet what each owned pod was found to be.
 * A ReplicaSet syncs every time one of its ~100 pods changes, and pods never change in place:
 * a pod object seen at the last sync gets the same answers, so only the pods that changed since
 * (which the controller index lists last) are matched against the selectors again.
 */
export class PodClaims {
  private readonly byKey = new Map<string, Owned>();

  claim(key: string, rs: ReplicaSet, owned: readonly Pod[]): Claim {
    const s = this.stateFor(key, rs, owned.length);
    const last = s.pods;
    const bits = s.bits;
    const active: Pod[] = [];
    let release: Pod[] | undefined; // rarely any: made on the first
    let fullyLabeled = 0;
    let ready = 0;
    // `j` only moves forward and stays at or past `i`, so bits[i] is written after bits[j] was read.
    let j = 0;
    for (let i = 0; i < owned.length; i++) {
      const p = owned[i];
      while (j < last.length && last[j] !== p) j++;
      const b = j < last.length ? bits[j++] : classify(p, s);
      bits[i] = b;
      if (b & MATCHES) {
        if (b & ACTIVE) {
          active.push(p);
          if (b & FULLY_LABELED) fullyLabeled++;
          if (b & READY) ready++;
        }
      } else if (b & LIVE) (release ??= []).push(p);
    }
    s.pods = owned;
    return { active, release: release ?? NO_PODS, fullyLabeled, ready };
  }

  forget(key: string): void {
    this.byKey.delete(key);
  }

  private stateFor(key: string, rs: ReplicaSet, size: number): Owned {
    const uid = rs.metadata.uid;
    const { selector } = rs.spec;
    const templateLabels = rs.spec.template.metadata?.labels;
    const namespace = rs.metadata.namespace;
    let s = this.byKey.get(key);
    if (!s || s.uid !== uid || s.selector !== selector || s.templateLabels !== templateLabels || s.namespace !== namespace) {
      s = { uid, selector, templateLabels, templateSelector: { matchLabels: templateLabels ?? {} }, namespace, pods: [], bits: new Uint8Array(size) };
      this.byKey.set(key, s);
    } else if (s.bits.length < size) {
      const bits = new Uint8Array(Math.max(size, 2 * s.bits.length));
      bits.set(s.bits);
      s.bits = bits;
    }
    return s;
  }
}

function classify(p: Pod, s: Owned): number {
  const labels = p.metadata.labels;
  let b = 0;
  if (selectorMatches(s.selector, labels)) b |= MATCHES;
  if (p.metadata.namespace === s.namespace && isPodActive(p)) b |= ACTIVE;
  if (p.metadata.deletionTimestamp === undefined) b |= LIVE;
  if (selectorMatches(s.templateSelector, labels)) b |= FULLY_LABELED;
  if (isPodReady(p)) b |= READY;
  return b;
}
