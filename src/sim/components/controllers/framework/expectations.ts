/**
 * client-go's (UID-tracking) ControllerExpectations. A controller that just asked for N pods
 * must not ask again before its informer has seen them, or it would create 2N: it records what
 * it expects, the informer handlers lower the count as the creates and deletes arrive, and the
 * reconcile only acts on a key whose expectations are satisfied (or expired after 5 minutes).
 */

/** What a reconcile may ask (read-only). */
export interface ExpectationsView {
  /** True when nothing is in flight for `key` (or the expectations expired). */
  satisfied(key: string): boolean;
}

interface Expectation {
  adds: number;
  /** Keys (`ns/name`) of objects whose deletion is awaited. */
  deletes: Set<string>;
  setAt: number;
}

/** Real TTL: ExpectationsTimeout = 5 minutes. */
export const EXPECTATIONS_TIMEOUT_MS = 5 * 60 * 1000;

export class ControllerExpectations implements ExpectationsView {
  private readonly byKey = new Map<string, Expectation>();

  constructor(private readonly clock: () => number) {}

  satisfied(key: string): boolean {
    const e = this.byKey.get(key);
    if (!e) return true;
    if (e.adds <= 0 && e.deletes.size === 0) return true;
    return this.clock() - e.setAt > EXPECTATIONS_TIMEOUT_MS;
  }

  /** The controller is about to create `count` objects for `key`. */
  expectCreations(key: string, count: number): void {
    const e = this.entry(key);
    e.adds = count;
    e.setAt = this.clock();
  }

  /** The controller is about to delete these objects (their `ns/name` keys) for `key`. */
  expectDeletions(key: string, objectKeys: readonly string[]): void {
    const e = this.entry(key);
    e.deletes = new Set(objectKeys);
    e.setAt = this.clock();
  }

  /** An informer saw one of the creates arrive (or a create failed and will never arrive). */
  creationObserved(key: string): void {
    const e = this.byKey.get(key);
    if (e && e.adds > 0) e.adds--;
  }

  /** An informer saw `objectKey` deleted or terminating (or the delete failed). */
  deletionObserved(key: string, objectKey: string): void {
    this.byKey.get(key)?.deletes.delete(objectKey);
  }

  /** The owner itself is gone. */
  delete(key: string): void {
    this.byKey.delete(key);
  }

  /** Pending counts, for inspectors and tests. */
  pending(key: string): { adds: number; deletes: number } {
    const e = this.byKey.get(key);
    return { adds: Math.max(0, e?.adds ?? 0), deletes: e?.deletes.size ?? 0 };
  }

  private entry(key: string): Expectation {
    let e = this.byKey.get(key);
    if (!e) {
      e = { adds: 0, deletes: new Set(), setAt: this.clock() };
      this.byKey.set(key, e);
    }
    return e;
  }
}
