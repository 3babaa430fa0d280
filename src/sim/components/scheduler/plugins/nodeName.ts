import { status, type FilterPlugin } from "../framework";

export const ErrReasonNodeName = "node(s) didn't match the requested node name";
const MISMATCH = status("NodeName", "UnschedulableAndUnresolvable", ErrReasonNodeName);
const PASS_ALL = Object.freeze({ kind: "run" as const, filter: () => null, passesAll: true });

/** A pod that names a node fits only that node (the scheduler rarely sees one: it skips bound pods). */
export const NodeName: FilterPlugin = {
  name: "NodeName",
  prepareFilter: (pod) => {
    const wanted = pod.pod.spec.nodeName;
    if (!wanted) return PASS_ALL;
    return { kind: "run", filter: (node) => (node.name === wanted ? null : MISMATCH) };
  },
};
