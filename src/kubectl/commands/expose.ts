import type { Container, KubeObject, LabelSelector } from "../../sim/api/types";
import type { Command } from "../context";
import { KubectlError, plainError } from "../errors";
import { F } from "../globalFlags";
import { lookupResource } from "../resources";
import { createGenerated } from "./generated";
import { fetch, namedTargets } from "./namedTargets";

interface Exposable {
  spec?: { selector?: LabelSelector | Record<string, string>; template?: { spec?: { containers?: Container[] } }; containers?: Container[]; ports?: { port: number; protocol?: string; name?: string }[] };
}

function selectorOf(obj: KubeObject & Exposable): Record<string, string> {
  switch (obj.kind) {
    case "Pod":
      return obj.metadata.labels ?? {};
    case "Service":
      return (obj.spec?.selector as Record<string, string> | undefined) ?? {};
    default: {
      const sel = obj.spec?.selector as LabelSelector | undefined;
      if (sel?.matchExpressions?.length) throw plainError(`couldn't convert expressions - "${JSON.stringify(sel.matchExpressions)}" to map: invalid label selector`);
      return sel?.matchLabels ?? {};
    }
  }
}

function portsOf(obj: KubeObject & Exposable): { port: number; protocol: string }[] {
  if (obj.kind === "Service") return (obj.spec?.ports ?? []).map((p) => ({ port: p.port, protocol: p.protocol ?? "TCP" }));
  const containers = obj.kind === "Pod" ? obj.spec?.containers : obj.spec?.template?.spec?.containers;
  return (containers ?? []).flatMap((c) => (c.ports ?? []).map((p) => ({ port: p.containerPort, protocol: p.protocol ?? "TCP" })));
}

export const exposeCommand: Command = {
  name: "expose",
  flags: [
    F.filename,
    F.output,
    F.dryRun,
    F.selector,
    F.fieldManager,
    { name: "port", type: "string" },
    { name: "target-port", type: "string" },
    { name: "protocol", type: "string" },
    { name: "type", type: "string" },
    { name: "name", type: "string" },
    { name: "external-ip", type: "string" },
    { name: "cluster-ip", type: "string" },
    { name: "labels", type: "string" },
    { name: "load-balancer-ip", type: "string" },
    { name: "session-affinity", type: "string" },
  ],
  run: async (ctx) => {
    const [t] = await namedTargets(ctx, ctx.args);
    if (!["deployments", "replicasets", "pods", "services", "replicationcontrollers"].includes(t.type.resource)) {
      throw plainError(`cannot expose a ${t.type.kind}`);
    }
    const obj = (await fetch(ctx, t)) as KubeObject & Exposable;
    const selector = selectorOf(obj);
    if (Object.keys(selector).length === 0) {
      throw new KubectlError(`error: couldn't retrieve selectors via --selector flag or introspection: the ${t.type.kind.toLowerCase()} has no labels\nSee 'kubectl expose -h' for help and examples`);
    }
    const protocol = ctx.str("protocol") || undefined;
    let ports: { name?: string; port: number; protocol: string; targetPort: number | string }[];
    const targetPort = ctx.str("target-port");
    const asPort = (s: string): number | string => (/^\d+$/.test(s) ? Number(s) : s);
    if (ctx.changed("port")) {
      ports = ctx.str("port").split(",").map((p) => ({ port: Number(p), protocol: protocol ?? "TCP", targetPort: targetPort ? asPort(targetPort) : Number(p) }));
    } else {
      const found = portsOf(obj);
      if (found.length === 0) throw new KubectlError(`error: couldn't find port via --port flag or introspection\nSee 'kubectl expose -h' for help and examples`);
      ports = found.map((p, i) => ({ ...(found.length > 1 ? { name: `port-${i + 1}` } : {}), port: p.port, protocol: protocol ?? p.protocol, targetPort: targetPort ? asPort(targetPort) : p.port }));
    }
    const type = ctx.str("type");
    if (type && !["ClusterIP", "NodePort", "LoadBalancer", "ExternalName"].includes(type)) {
      throw plainError(`invalid argument "${type}" for "--type" flag: must be one of [ClusterIP NodePort LoadBalancer ExternalName]`);
    }
    const service = {
      apiVersion: "v1",
      kind: "Service",
      metadata: { ...(obj.metadata.labels ? { labels: obj.metadata.labels } : {}), name: ctx.str("name") || t.name },
      spec: { ports, selector, ...(type ? { type } : {}) },
      status: { loadBalancer: {} },
    };
    const svcType = lookupResource("services");
    if (!svcType) throw plainError("services are not served");
    return createGenerated(ctx, svcType, service, "exposed");
  },
};
