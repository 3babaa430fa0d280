import type { KubeObject } from "../../api/types";
import { Kernel } from "../../runtime/kernel";
import { PROFILES } from "../../profiles";
import { EtcdServer } from "../etcd";
import { ApiClientImpl } from "../client/apiClient";
import { KubeApiserver } from "./kubeApiserver";
import type { ApiRequest, ApiResponse } from "./request";

/** A kernel, etcd and kube-apiserver with nothing else: for tests of the API machinery. */
export function apiHarness(seed = 1) {
  const kernel = new Kernel(seed);
  const etcd = new EtcdServer(kernel);
  const apiserver = new KubeApiserver(kernel, etcd, PROFILES.real);
  const client = new ApiClientImpl("kubectl", kernel, apiserver, PROFILES.real);
  /** Sends a request and runs the kernel until its response arrives. */
  const call = (req: ApiRequest): ApiResponse => {
    let res: ApiResponse | undefined;
    client.request(req, (r) => (res = r));
    for (let i = 0; i < 100_000 && !res; i++) if (!kernel.step()) break;
    if (!res) throw new Error(`no response to ${req.verb} ${req.resource}`);
    return res;
  };
  const seedObject = (obj: KubeObject) => call({ verb: "create", resource: resourceOf(obj), namespace: obj.metadata.namespace, body: obj });
  for (const ns of ["default", "kube-system", "kube-node-lease"]) seedObject({ apiVersion: "v1", kind: "Namespace", metadata: { name: ns } });
  return { kernel, etcd, apiserver, client, call, seedObject };
}

function resourceOf(obj: KubeObject): string {
  const map: Record<string, string> = { Namespace: "namespaces", Pod: "pods", Deployment: "deployments", Service: "services", Node: "nodes", PodDisruptionBudget: "poddisruptionbudgets", ConfigMap: "configmaps" };
  return map[obj.kind];
}

/** The object of a successful response (throws on failure, so a test fails loudly). */
export function objectOf<T extends KubeObject>(res: ApiResponse): T {
  if (!res.ok || !res.object) throw new Error(`expected an object, got ${JSON.stringify(res)}`);
  return res.object as T;
}
