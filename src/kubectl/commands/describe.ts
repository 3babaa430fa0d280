import type { DaemonSet, Deployment, EndpointSlice, KubeEvent, KubeObject, Lease, Namespace, Node, Pod, PodTemplateSpec, ReplicaSet, Service } from "../../sim/api/types";
import type { Command, CommandContext } from "../context";
import { ApiError, formatApiError, plainError } from "../errors";
import { F } from "../globalFlags";
import { deepEqual } from "../manifest";
import { parseResourceArgs } from "../parse/resourceArgs";
import { describeDaemonSet, describeDeployment, describeNamespace, describeNode, describePod, describeReplicaSet, describeService } from "../printers/describe";
import { lookupResource, type ResourceType } from "../resources";
import { listObjects, namespaceFor } from "./objects";

function type(name: string): ResourceType {
  const t = lookupResource(name);
  if (!t) throw plainError(`the server doesn't have a resource type "${name}"`);
  return t;
}

async function eventsFor(ctx: CommandContext, obj: KubeObject): Promise<KubeEvent[]> {
  const sel = [`involvedObject.name=${obj.metadata.name}`, `involvedObject.kind=${obj.kind}`, ...(obj.metadata.uid ? [`involvedObject.uid=${obj.metadata.uid}`] : [])].join(",");
  const events = (await listObjects(ctx, type("events"), { namespace: obj.metadata.namespace ?? "default", fieldSelector: sel })) as KubeEvent[];
  return events.filter((e) => e.involvedObject.name === obj.metadata.name && e.involvedObject.kind === obj.kind);
}

function templateWithoutHash(t: PodTemplateSpec): unknown {
  const labels = { ...(t.metadata?.labels ?? {}) };
  delete labels["pod-template-hash"];
  return { ...t, metadata: { ...(t.metadata ?? {}), labels } };
}

function controlledBy(o: KubeObject, owner: KubeObject): boolean {
  return (o.metadata.ownerReferences ?? []).some((r) => r.controller && r.uid === owner.metadata.uid);
}

/** kubectl describe for one object: fetches what the describer shows besides the object. */
export async function describeOne(ctx: CommandContext, obj: KubeObject): Promise<string> {
  const now = ctx.transport.now();
  const ns = obj.metadata.namespace;
  const events = await eventsFor(ctx, obj);
  switch (obj.kind) {
    case "Pod":
      return describePod(obj as Pod, events, now);
    case "Deployment": {
      const rss = ((await listObjects(ctx, type("replicasets"), { namespace: ns })) as ReplicaSet[]).filter((rs) => controlledBy(rs, obj));
      const d = obj as Deployment;
      const newRs = rss.find((rs) => deepEqual(templateWithoutHash(rs.spec.template), templateWithoutHash(d.spec.template)));
      return describeDeployment(d, { oldReplicaSets: rss.filter((rs) => rs !== newRs), newReplicaSet: newRs, events }, now);
    }
    case "ReplicaSet":
    case "DaemonSet": {
      const pods = ((await listObjects(ctx, type("pods"), { namespace: ns })) as Pod[]).filter((p) => controlledBy(p, obj));
      return obj.kind === "ReplicaSet" ? describeReplicaSet(obj as ReplicaSet, { pods, events }, now) : describeDaemonSet(obj as DaemonSet, { pods, events }, now);
    }
    case "Service": {
      const slices = (await listObjects(ctx, type("endpointslices"), { namespace: ns, labelSelector: `kubernetes.io/service-name=${obj.metadata.name}` })) as EndpointSlice[];
      return describeService(obj as Service, { endpointSlices: slices, events }, now);
    }
    case "Node": {
      const pods = ((await listObjects(ctx, type("pods"), { allNamespaces: true, fieldSelector: `spec.nodeName=${obj.metadata.name}` })) as Pod[]).filter(
        (p) => p.status?.phase !== "Succeeded" && p.status?.phase !== "Failed",
      );
      const lease = (await ctx.getOrUndefined({ verb: "get", resource: "leases", namespace: "kube-node-lease", name: obj.metadata.name })) as Lease | undefined;
      const nodeEvents = (await listObjects(ctx, type("events"), { namespace: "default", fieldSelector: `involvedObject.name=${obj.metadata.name}` })) as KubeEvent[];
      return describeNode(obj as Node, { pods, lease: lease ?? null, events: nodeEvents.filter((e) => e.involvedObject.kind === "Node") }, now);
    }
    case "Namespace":
      return describeNamespace(obj as Namespace);
    default:
      throw plainError(`describe for ${obj.kind} is not available in kubeglass`);
  }
}

export const describeCommand: Command = {
  name: "describe",
  flags: [F.selector, F.allNamespaces, F.filename, { name: "show-events", type: "bool", default: true }, { name: "chunk-size", type: "int", default: 500 }],
  run: async (ctx) => {
    if (ctx.args.length === 0) throw plainError(`You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.`);
    const targets = parseResourceArgs(ctx.args);
    const errors: ApiError[] = [];
    let first = true;
    const emit = (text: string) => {
      if (!first) ctx.out.write("stdout", "\n\n");
      first = false;
      ctx.out.write("stdout", text);
    };
    for (const t of targets) {
      if (t.names.length === 0) {
        const objects = await listObjects(ctx, t.type, { allNamespaces: ctx.allNamespaces, labelSelector: ctx.str("selector") });
        if (objects.length === 0 && targets.length === 1) {
          ctx.out.errLine(t.type.namespaced && !ctx.allNamespaces ? `No resources found in ${ctx.namespace} namespace.` : "No resources found");
        }
        for (const o of objects) emit(await describeOne(ctx, o));
        continue;
      }
      for (const name of t.names) {
        const res = await ctx.getOrUndefined({ verb: "get", resource: t.type.resource, namespace: namespaceFor(ctx, t.type), name });
        if (!res) {
          const prefix = await ctx.transport.request({ verb: "list", resource: t.type.resource, namespace: namespaceFor(ctx, t.type) });
          const matches = prefix.ok ? (prefix.items ?? []).filter((o) => (o.metadata.name ?? "").startsWith(name)) : [];
          if (matches.length === 0) {
            const r = await ctx.transport.request({ verb: "get", resource: t.type.resource, namespace: namespaceFor(ctx, t.type), name });
            if (!r.ok) errors.push(new ApiError(r.error));
          }
          for (const o of matches) emit(await describeOne(ctx, o));
          continue;
        }
        emit(await describeOne(ctx, res));
      }
    }
    for (const e of errors) ctx.out.errLine(formatApiError(e.status));
    return errors.length ? 1 : 0;
  },
};
