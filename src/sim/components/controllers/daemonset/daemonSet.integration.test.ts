import { describe, expect, it } from "vitest";
import type { ControllerRevision, DaemonSet, KubeEvent, Node, Pod } from "../../../api/types";
import { PROFILES } from "../../../profiles";
import { apiHarness } from "../../apiserver/testHarness";
import { ApiClientImpl, SharedInformerFactory } from "../../client";
import { KubeControllerManager } from "../framework";
import { daemonSetControllerDefinition } from "./daemonSetDefinition";

const node = (name: string, taints: Node["spec"]["taints"] = []): Node => ({ apiVersion: "v1", kind: "Node", metadata: { name, labels: { "kubernetes.io/hostname": name } }, spec: { taints }, status: { conditions: [{ type: "Ready", status: "True" }] } });

describe("DaemonSet controller against kube-apiserver", () => {
  it("creates one pinned pod per eligible node with SuccessfulCreate events, a ControllerRevision and a status", () => {
    const h = apiHarness(9);
    const { kernel, call } = h;
    for (const n of [node("control-plane", [{ key: "node-role.kubernetes.io/control-plane", effect: "NoSchedule" }]), node("worker-1"), node("worker-2")]) call({ verb: "create", resource: "nodes", body: n });
    const ds: DaemonSet = {
      apiVersion: "apps/v1",
      kind: "DaemonSet",
      metadata: { name: "node-exporter", namespace: "kube-system" },
      spec: { selector: { matchLabels: { app: "node-exporter" } }, template: { metadata: { labels: { app: "node-exporter" } }, spec: { containers: [{ name: "exporter", image: "prom/node-exporter" }] } } },
    };
    const created = call({ verb: "create", resource: "daemonsets", namespace: "kube-system", body: ds });
    expect(created.ok).toBe(true);
    const client = new ApiClientImpl("kube-controller-manager", kernel, h.apiserver, PROFILES.real);
    const kcm = new KubeControllerManager({ kernel, client, newInformerFactory: () => new SharedInformerFactory(client), controllers: [daemonSetControllerDefinition], config: {} });
    kcm.start();
    kernel.runUntil(kernel.now + 2_000);

    const list = <T,>(resource: string, namespace: string): T[] => {
      const r = call({ verb: "list", resource, namespace });
      return (r.ok ? (r.items ?? []) : []) as unknown as T[];
    };
    const pods = list<Pod>("pods", "kube-system");
    expect(pods.map((p) => p.spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms[0].matchFields?.[0].values?.[0]).sort()).toEqual(["worker-1", "worker-2"]);
    for (const p of pods) expect(p.metadata.name).toMatch(/^node-exporter-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    const events = list<KubeEvent>("events", "kube-system").map((e) => `${e.reason} ${e.message}`).sort();
    expect(events).toEqual(pods.map((p) => `SuccessfulCreate Created pod: ${p.metadata.name}`).sort());
    expect(list<ControllerRevision>("controllerrevisions", "kube-system").map((r) => r.revision)).toEqual([1]);
    const r = call({ verb: "get", resource: "daemonsets", namespace: "kube-system", name: "node-exporter" });
    expect((r.ok ? (r.object as DaemonSet) : undefined)?.status).toMatchObject({ desiredNumberScheduled: 2, numberMisscheduled: 0 });
    // Nothing more to do: the cluster settles.
    const before = kernel.trace.events.length;
    kernel.runUntil(kernel.now + 10_000);
    expect(kernel.trace.events.slice(before).filter((e) => e.kind === "request" && e.verb === "create")).toEqual([]);
  });
});
