import type { KubeObject, Pod } from "../../../api";
import { Rng } from "../../../runtime";
import { EventRecorder } from "./eventRecorder";
import { ControllerExpectations, type ExpectationsView } from "./expectations";
import type { Lister, ReconcileContext } from "./plan";

/** `Pod` → `pods`, `Event` → `events`, … (every kind in api/types pluralises with an `s`). */
export function resourceOfKind(kind: string): string {
  return `${kind.toLowerCase()}s`;
}

type IndexFn = (obj: KubeObject) => readonly string[];

const STANDARD_INDEXES: Record<string, IndexFn> = {
  namespace: (o) => (o.metadata.namespace ? [o.metadata.namespace] : []),
  nodeName: (o) => {
    const n = (o as Pod).spec?.nodeName;
    return o.kind === "Pod" && n ? [n] : [];
  },
  controller: (o) => {
    const ref = o.metadata.ownerReferences?.find((r) => r.controller === true);
    return ref ? [ref.uid] : [];
  },
};

/** A Lister over a fixed array, with the standard indexes (for controller unit tests). */
export function fakeLister<T extends KubeObject>(objects: readonly T[], extraIndexes: Record<string, IndexFn> = {}): Lister<T> {
  const indexes = { ...STANDARD_INDEXES, ...extraIndexes };
  return {
    get: (ns, name) => objects.find((o) => o.metadata.name === name && (o.metadata.namespace ?? undefined) === (ns || undefined)),
    list: (ns) => objects.filter((o) => ns === undefined || o.metadata.namespace === ns),
    byIndex: (index, value) => {
      const fn = indexes[index];
      if (!fn) throw new Error(`no index ${index}`);
      return objects.filter((o) => fn(o).includes(value));
    },
  };
}

export interface TestContextOptions {
  objects?: readonly KubeObject[];
  now?: number;
  seed?: number;
  expectations?: ExpectationsView;
  /** Event source name. */
  component?: string;
  indexes?: Record<string, IndexFn>;
}

/** A hand-built ReconcileContext: `sync(key, testContext({objects}))` then compare the plan. */
export function testContext(opts: TestContextOptions = {}): ReconcileContext {
  const objects = opts.objects ?? [];
  const now = opts.now ?? 0;
  const byResource = new Map<string, KubeObject[]>();
  for (const o of objects) {
    const r = resourceOfKind(o.kind);
    const list = byResource.get(r) ?? [];
    list.push(o);
    byResource.set(r, list);
  }
  return {
    now,
    rng: new Rng(opts.seed ?? 1),
    lister: <T extends KubeObject>(resource: string) => fakeLister((byResource.get(resource) ?? []) as T[], opts.indexes),
    events: new EventRecorder(opts.component ?? "test-controller", () => now),
    expectations: opts.expectations ?? new ControllerExpectations(() => now),
  };
}
