/** Namespaces, ConfigMaps, Secrets, ServiceAccounts, Leases, PodDisruptionBudgets (printers.go). */
import type {
  ConfigMap,
  Lease,
  Namespace,
  PodDisruptionBudget,
  Secret,
  ServiceAccount,
} from "../../sim/api/types";
import { translateTimestampSince } from "../format";
import { AGE, NAME, type TableDef } from "./tableDef";

const age = (o: { metadata: { creationTimestamp?: string } }, now: number) =>
  translateTimestampSince(o.metadata.creationTimestamp, now);
const count = (m: object | undefined) => String(Object.keys(m ?? {}).length);

export const namespaceTable: TableDef<Namespace> = {
  columns: [NAME, { name: "Status" }, AGE],
  row: (ns, now) => [ns.metadata.name ?? "", ns.status?.phase ?? "", age(ns, now)],
};

export const configMapTable: TableDef<ConfigMap> = {
  columns: [NAME, { name: "Data" }, AGE],
  row: (cm, now) => {
    const binary = (cm as { binaryData?: Record<string, string> }).binaryData;
    return [
      cm.metadata.name ?? "",
      String(Object.keys(cm.data ?? {}).length + Object.keys(binary ?? {}).length),
      age(cm, now),
    ];
  },
};

export const secretTable: TableDef<Secret> = {
  columns: [NAME, { name: "Type" }, { name: "Data" }, AGE],
  row: (s, now) => [s.metadata.name ?? "", s.type ?? "", count(s.data), age(s, now)],
};

export const serviceAccountTable: TableDef<ServiceAccount> = {
  columns: [NAME, { name: "Secrets" }, AGE],
  row: (sa, now) => [
    sa.metadata.name ?? "",
    String(((sa as { secrets?: unknown[] }).secrets ?? []).length),
    age(sa, now),
  ],
};

export const leaseTable: TableDef<Lease> = {
  columns: [NAME, { name: "Holder" }, AGE],
  row: (l, now) => [l.metadata.name ?? "", l.spec.holderIdentity ?? "", age(l, now)],
};

export const podDisruptionBudgetTable: TableDef<PodDisruptionBudget> = {
  columns: [
    NAME,
    { name: "Min Available" },
    { name: "Max Unavailable" },
    { name: "Allowed Disruptions" },
    AGE,
  ],
  row: (p, now) => [
    p.metadata.name ?? "",
    p.spec.minAvailable !== undefined ? String(p.spec.minAvailable) : "N/A",
    p.spec.maxUnavailable !== undefined ? String(p.spec.maxUnavailable) : "N/A",
    String(p.status?.disruptionsAllowed ?? 0),
    age(p, now),
  ],
};
