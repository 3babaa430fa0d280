/** Manifests and helpers the scenario tests share (drives a real cluster through its API). */
import type { Deployment, KubeEvent, KubeObject, Node, Pod, Service } from "../api/types";
import type { ClusterImpl } from "../cluster";
import type { ApiRequest, ApiResponse } from "../components/apiserver";

export function deployment(name: string, replicas: number, image = "nginx:1.27", port = 80): Deployment {
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name, namespace: "default" },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: image.split(":")[0].split("/").pop() ?? "app", image, ports: [{ containerPort: port }] }] } },
    },
  };
}

export function service(name: string, type: "ClusterIP" | "NodePort" | "LoadBalancer" = "ClusterIP", port = 80, targetPort = 80): Service {
  return { apiVersion: "v1", kind: "Service", metadata: { name, namespace: "default" }, spec: { type, selector: { app: name }, ports: [{ port, targetPort, protocol: "TCP" }] } };
}

export function pod(name: string, spec: Pod["spec"]): Pod {
  return { apiVersion: "v1", kind: "Pod", metadata: { name, namespace: "default" }, spec };
}

/** Sends one API request as kubectl and runs the cluster until its response arrives. */
export function call(c: ClusterImpl, req: ApiRequest): ApiResponse {
  let res: ApiResponse | undefined;
  c.request(req, (r) => (res = r));
  while (!res && c.step()) {
    /* run until the response is delivered */
  }
  if (!res) throw new Error(`no response to ${req.verb} ${req.resource}`);
  return res;
}

export function create(c: ClusterImpl, resource: string, body: KubeObject): ApiResponse {
  const res = call(c, { verb: "create", resource, namespace: body.metadata.namespace, body });
  if (!res.ok) throw new Error(`create ${resource} ${body.metadata.name}: ${res.error.message}`);
  return res;
}

export const readyOf = (o: { status?: { conditions?: { type: string; status: string }[] } }) => o.status?.conditions?.find((x) => x.type === "Ready");

export function podsOf(c: ClusterImpl, app: string): Pod[] {
  return c.list<Pod>("pods", "default").filter((p) => p.metadata.labels?.app === app);
}

export function node(c: ClusterImpl, name: string): Node | undefined {
  return c.list<Node>("nodes").find((n) => n.metadata.name === name);
}

export function events(c: ClusterImpl, namespace?: string): KubeEvent[] {
  return c.list<KubeEvent>("events", namespace);
}

/** Advances in small steps until `cond` holds; returns the virtual time it first held (or throws). */
export function waitFor(c: ClusterImpl, cond: () => boolean, limitMs: number, stepMs = 250): number {
  const end = c.now() + limitMs;
  while (!cond()) {
    if (c.now() >= end) throw new Error(`condition not met within ${limitMs} ms`);
    c.advance(stepMs);
  }
  return c.now();
}
