/** Deployments, ReplicaSets, DaemonSets, ControllerRevisions (printers.go printDeployment & co). */
import type { ControllerRevision, DaemonSet, Deployment, ReplicaSet } from "../../sim/api/types";
import { formatLabelSelector, formatLabels, selectorString, translateTimestampSince } from "../format";
import { groupOf } from "./kinds";
import { AGE, NAME, containerCells, type TableDef } from "./tableDef";

const WIDE_TEMPLATE = [
  { name: "Containers", wide: true },
  { name: "Images", wide: true },
  { name: "Selector", wide: true },
] as const;

export const deploymentTable: TableDef<Deployment> = {
  columns: [NAME, { name: "Ready" }, { name: "Up-to-date" }, { name: "Available" }, AGE, ...WIDE_TEMPLATE],
  row(d, now) {
    const st = d.status ?? {};
    const [names, images] = containerCells(d.spec.template.spec.containers);
    return [
      d.metadata.name ?? "",
      `${st.readyReplicas ?? 0}/${d.spec.replicas ?? 0}`,
      String(st.updatedReplicas ?? 0),
      String(st.availableReplicas ?? 0),
      translateTimestampSince(d.metadata.creationTimestamp, now),
      names,
      images,
      selectorString(d.spec.selector),
    ];
  },
};

export const replicaSetTable: TableDef<ReplicaSet> = {
  columns: [NAME, { name: "Desired" }, { name: "Current" }, { name: "Ready" }, AGE, ...WIDE_TEMPLATE],
  row(rs, now) {
    const [names, images] = containerCells(rs.spec.template.spec.containers);
    return [
      rs.metadata.name ?? "",
      String(rs.spec.replicas ?? 0),
      String(rs.status?.replicas ?? 0),
      String(rs.status?.readyReplicas ?? 0),
      translateTimestampSince(rs.metadata.creationTimestamp, now),
      names,
      images,
      formatLabelSelector(rs.spec.selector),
    ];
  },
};

export const daemonSetTable: TableDef<DaemonSet> = {
  columns: [
    NAME,
    { name: "Desired" },
    { name: "Current" },
    { name: "Ready" },
    { name: "Up-to-date" },
    { name: "Available" },
    { name: "Node Selector" },
    AGE,
    ...WIDE_TEMPLATE,
  ],
  row(ds, now) {
    const st = ds.status;
    const [names, images] = containerCells(ds.spec.template.spec.containers);
    return [
      ds.metadata.name ?? "",
      String(st?.desiredNumberScheduled ?? 0),
      String(st?.currentNumberScheduled ?? 0),
      String(st?.numberReady ?? 0),
      String(st?.updatedNumberScheduled ?? 0),
      String(st?.numberAvailable ?? 0),
      formatLabels(ds.spec.template.spec.nodeSelector),
      translateTimestampSince(ds.metadata.creationTimestamp, now),
      names,
      images,
      formatLabelSelector(ds.spec.selector),
    ];
  },
};

export const controllerRevisionTable: TableDef<ControllerRevision> = {
  columns: [NAME, { name: "Controller" }, { name: "Revision" }, AGE],
  row(cr, now) {
    const ref = cr.metadata.ownerReferences?.find((o) => o.controller);
    let controller = "<none>";
    if (ref) {
      const group = groupOf(ref.apiVersion);
      controller = `${ref.kind.toLowerCase()}${group ? "." + group : ""}/${ref.name}`;
    }
    return [
      cr.metadata.name ?? "",
      controller,
      String(cr.revision),
      translateTimestampSince(cr.metadata.creationTimestamp, now),
    ];
  },
};
