/** Which table printer handles a kind (the TableHandler registrations of printers.go). */
import type { KubeObject } from "../../sim/api/types";
import { translateTimestampSince } from "../format";
import {
  leaseTable,
  configMapTable,
  namespaceTable,
  podDisruptionBudgetTable,
  secretTable,
  serviceAccountTable,
} from "./config";
import { eventTable } from "./events";
import { endpointSliceTable, endpointsTable, serviceTable } from "./network";
import { nodeTable } from "./nodes";
import { podTable } from "./pods";
import type { TableDef } from "./tableDef";
import { controllerRevisionTable, daemonSetTable, deploymentTable, replicaSetTable } from "./workloads";

// each table narrows its object type; the registry is looked up by kind, which guarantees it
const TABLES = {
  Pod: podTable,
  Deployment: deploymentTable,
  ReplicaSet: replicaSetTable,
  DaemonSet: daemonSetTable,
  ControllerRevision: controllerRevisionTable,
  Service: serviceTable,
  EndpointSlice: endpointSliceTable,
  Endpoints: endpointsTable as unknown,
  Node: nodeTable,
  Namespace: namespaceTable,
  Event: eventTable,
  ConfigMap: configMapTable,
  Secret: secretTable,
  ServiceAccount: serviceAccountTable,
  Lease: leaseTable,
  PodDisruptionBudget: podDisruptionBudgetTable,
} as unknown as Record<string, TableDef<KubeObject>>;

/** Default table for kinds without a handler: NAME and AGE (what the server's default Table gives). */
const defaultTable: TableDef<KubeObject> = {
  columns: [{ name: "Name", isName: true }, { name: "Age" }],
  row: (o: KubeObject, now: number) => [o.metadata.name ?? "", tableAge(o, now)],
};

function tableAge(o: KubeObject, now: number): string {
  return translateTimestampSince(o.metadata.creationTimestamp, now);
}

export function tableFor(kind: string): TableDef<KubeObject> {
  return TABLES[kind] ?? defaultTable;
}
