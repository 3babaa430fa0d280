// Golden output of `kubectl get` (v1.34). Columns follow pkg/printers/internalversion/printers.go;
// layout follows cli-runtime printers/tableprinter.go with GetNewTabWriter (minwidth 6, padding 3);
// "No resources found" wording from kubectl/pkg/cmd/get/get.go.
import { describe, expect, it } from "vitest";
import type { EndpointSlice, KubeObject, Namespace, Pod } from "../../sim/api/types";
import type { Endpoints } from "./network";
import { printObjects } from "./output";
import { MIN, SEC, deployment, event, node, pod, replicaSet, service, ts } from "./fixtures.test-util";

const now = 5 * MIN;

describe("get pods", () => {
  it("default columns", () => {
    const r = printObjects([pod()], { now });
    expect(r.stdout).toBe(
      "NAME                  READY   STATUS    RESTARTS   AGE\n" + //
        "web-7d4b9c8f5-x2x9k   1/1     Running   0          5m\n",
    );
    expect(r.stderr).toBe("");
  });

  it("-o wide adds IP, NODE, NOMINATED NODE, READINESS GATES", () => {
    const pending = pod({ name: "web-7d4b9c8f5-q8zvn", node: "", podIP: "", phase: "Pending" });
    pending.status!.containerStatuses = undefined;
    const r = printObjects([pod(), pending], { now, output: "wide" });
    expect(r.stdout).toBe(
      "NAME                  READY   STATUS    RESTARTS   AGE   IP           NODE       NOMINATED NODE   READINESS GATES\n" +
        "web-7d4b9c8f5-x2x9k   1/1     Running   0          5m    10.244.1.5   worker-1   <none>           <none>\n" +
        "web-7d4b9c8f5-q8zvn   0/1     Pending   0          5m    <none>       <none>     <none>           <none>\n",
    );
  });

  it("-A puts NAMESPACE first; --show-labels adds LABELS last", () => {
    const p = pod({ created: now - 90 * SEC });
    const r = printObjects([p], { now, allNamespaces: true, showLabels: true });
    expect(r.stdout).toBe(
      "NAMESPACE   NAME                  READY   STATUS    RESTARTS   AGE   LABELS\n" +
        "default     web-7d4b9c8f5-x2x9k   1/1     Running   0          90s   app=web,pod-template-hash=7d4b9c8f5\n",
    );
  });

  it("--no-headers", () => {
    expect(printObjects([pod()], { now, noHeaders: true }).stdout).toBe(
      "web-7d4b9c8f5-x2x9k   1/1   Running   0     5m\n",
    );
  });

  it("No resources found, on stderr", () => {
    expect(printObjects([], { now })).toEqual({
      stdout: "",
      stderr: "No resources found in default namespace.\n",
      exitCode: 0,
    });
    expect(printObjects([], { now, namespace: "kube-system" }).stderr).toBe(
      "No resources found in kube-system namespace.\n",
    );
    expect(printObjects([], { now, allNamespaces: true }).stderr).toBe("No resources found\n");
    expect(printObjects([], { now, namespaced: false }).stderr).toBe("No resources found\n");
  });
});

describe("get workloads", () => {
  it("deployments, wide", () => {
    expect(printObjects([deployment("web", 3, 0, 2)], { now }).stdout).toBe(
      "NAME   READY   UP-TO-DATE   AVAILABLE   AGE\n" + //
        "web    2/3     3            2           5m\n",
    );
    expect(printObjects([deployment()], { now, output: "wide" }).stdout).toBe(
      "NAME   READY   UP-TO-DATE   AVAILABLE   AGE   CONTAINERS   IMAGES       SELECTOR\n" +
        "web    3/3     3            3           5m    nginx        nginx:1.27   app=web\n",
    );
  });

  it("replicasets", () => {
    expect(printObjects([replicaSet()], { now }).stdout).toBe(
      "NAME            DESIRED   CURRENT   READY   AGE\n" + //
        "web-7d4b9c8f5   3         3         3       5m\n",
    );
  });

  it("several kinds print one table each, names prefixed with the kind", () => {
    const r = printObjects([deployment(), service()], { now });
    expect(r.stdout).toBe(
      "NAME                  READY   UP-TO-DATE   AVAILABLE   AGE\n" +
        "deployment.apps/web   3/3     3            3           5m\n" +
        "\n" +
        "NAME          TYPE        CLUSTER-IP     EXTERNAL-IP   PORT(S)   AGE\n" +
        "service/web   ClusterIP   10.96.123.45   <none>        80/TCP    5m\n",
    );
  });
});

describe("get services and endpoints", () => {
  it("ClusterIP, NodePort and a pending LoadBalancer", () => {
    const kube = service("kubernetes", "ClusterIP", -2 * MIN);
    kube.spec.clusterIP = "10.96.0.1";
    kube.spec.clusterIPs = ["10.96.0.1"];
    kube.spec.ports = [{ name: "https", protocol: "TCP", port: 443, targetPort: 6443 }];
    const r = printObjects([kube, service("web", "NodePort"), service("shop", "LoadBalancer")], { now });
    expect(r.stdout).toBe(
      "NAME         TYPE           CLUSTER-IP     EXTERNAL-IP   PORT(S)        AGE\n" +
        "kubernetes   ClusterIP      10.96.0.1      <none>        443/TCP        7m\n" +
        "web          NodePort       10.96.123.45   <none>        80:31234/TCP   5m\n" +
        "shop         LoadBalancer   10.96.123.45   <pending>     80:31234/TCP   5m\n",
    );
  });

  it("endpointslices: first 3 addresses then + N more...", () => {
    const eps: EndpointSlice = {
      apiVersion: "discovery.k8s.io/v1",
      kind: "EndpointSlice",
      metadata: { name: "web-x7k2p", namespace: "default", creationTimestamp: ts(0) },
      addressType: "IPv4",
      ports: [{ name: "", port: 80, protocol: "TCP" }],
      endpoints: ["10.244.1.5", "10.244.2.6", "10.244.3.7", "10.244.1.8"].map((ip) => ({
        addresses: [ip],
        conditions: { ready: true },
      })),
    };
    const empty: EndpointSlice = {
      ...eps,
      metadata: { ...eps.metadata, name: "db-4kq9d" },
      ports: undefined,
      endpoints: [],
    };
    expect(printObjects([eps, empty], { now }).stdout).toBe(
      "NAME        ADDRESSTYPE   PORTS     ENDPOINTS                                      AGE\n" +
        "web-x7k2p   IPv4          80        10.244.1.5,10.244.2.6,10.244.3.7 + 1 more...   5m\n" +
        "db-4kq9d    IPv4          <unset>   <unset>                                        5m\n",
    );
  });

  it("endpoints (core/v1)", () => {
    const ep: Endpoints = {
      apiVersion: "v1",
      kind: "Endpoints",
      metadata: { name: "web", namespace: "default", creationTimestamp: ts(0) },
      subsets: [
        { addresses: [{ ip: "10.244.1.5" }, { ip: "10.244.2.6" }], ports: [{ port: 80, protocol: "TCP" }] },
      ],
    };
    const none: Endpoints = { ...ep, metadata: { ...ep.metadata, name: "db" }, subsets: [] };
    expect(printObjects([ep, none] as KubeObject[], { now }).stdout).toBe(
      "NAME   ENDPOINTS                     AGE\n" + //
        "web    10.244.1.5:80,10.244.2.6:80   5m\n" +
        "db     <none>                        5m\n",
    );
  });
});

describe("get nodes, namespaces, events", () => {
  it("nodes: roles, cordoned, NotReady; -A adds no NAMESPACE column", () => {
    const cp = node("control-plane", 0, "True", ["control-plane"]);
    const w1 = node("worker-1");
    w1.spec.unschedulable = true;
    const w2 = node("worker-2", 0, "Unknown");
    const r = printObjects([cp, w1, w2], { now: 10 * MIN, allNamespaces: true });
    expect(r.stdout).toBe(
      "NAME            STATUS                     ROLES           AGE   VERSION\n" +
        "control-plane   Ready                      control-plane   10m   v1.34.0\n" +
        "worker-1        Ready,SchedulingDisabled   <none>          10m   v1.34.0\n" +
        "worker-2        NotReady                   <none>          10m   v1.34.0\n",
    );
  });

  it("nodes -o wide", () => {
    expect(printObjects([node()], { now: 3 * 60 * MIN, output: "wide" }).stdout).toBe(
      "NAME       STATUS   ROLES    AGE   VERSION   INTERNAL-IP   EXTERNAL-IP   OS-IMAGE                         KERNEL-VERSION     CONTAINER-RUNTIME\n" +
        "worker-1   Ready    <none>   3h    v1.34.0   172.18.0.3    <none>        Debian GNU/Linux 12 (bookworm)   6.8.0-45-generic   containerd://2.1.3\n",
    );
  });

  it("namespaces", () => {
    const ns = (name: string): Namespace => ({
      apiVersion: "v1",
      kind: "Namespace",
      metadata: { name, creationTimestamp: ts(0) },
      status: { phase: "Active" },
    });
    expect(printObjects([ns("default"), ns("kube-system")], { now, namespaced: false }).stdout).toBe(
      "NAME          STATUS   AGE\n" + //
        "default       Active   5m\n" +
        "kube-system   Active   5m\n",
    );
  });

  it("events: LAST SEEN TYPE REASON OBJECT MESSAGE", () => {
    const evs = [
      event("Scheduled", "Successfully assigned default/web-7d4b9c8f5-x2x9k to worker-1", {
        component: "default-scheduler",
        first: 2 * MIN,
      }),
      event("BackOff", "Back-off restarting failed container app in pod crash_default(9a3e)", {
        type: "Warning",
        first: 3 * MIN,
        last: 4 * MIN + 30 * SEC,
        count: 5,
      }),
    ];
    expect(printObjects(evs, { now }).stdout).toBe(
      "LAST SEEN   TYPE      REASON      OBJECT                    MESSAGE\n" +
        "3m          Normal    Scheduled   pod/web-7d4b9c8f5-x2x9k   Successfully assigned default/web-7d4b9c8f5-x2x9k to worker-1\n" +
        "30s         Warning   BackOff     pod/web-7d4b9c8f5-x2x9k   Back-off restarting failed container app in pod crash_default(9a3e)\n",
    );
  });
});

describe("other output formats", () => {
  it("-o name", () => {
    expect(printObjects([pod(), deployment(), node()], { now, output: "name" }).stdout).toBe(
      "pod/web-7d4b9c8f5-x2x9k\ndeployment.apps/web\nnode/worker-1\n",
    );
  });

  it("-o json of a list: sorted keys, 4 spaces, List wrapper", () => {
    const ns: Namespace = {
      apiVersion: "v1",
      kind: "Namespace",
      metadata: { name: "dev", creationTimestamp: ts(0) },
      status: { phase: "Active" },
    };
    expect(printObjects([ns], { now, output: "json" }).stdout).toBe(
      `{
    "apiVersion": "v1",
    "items": [
        {
            "apiVersion": "v1",
            "kind": "Namespace",
            "metadata": {
                "creationTimestamp": "2026-01-01T09:00:00Z",
                "name": "dev"
            },
            "status": {
                "phase": "Active"
            }
        }
    ],
    "kind": "List",
    "metadata": {
        "resourceVersion": ""
    }
}
`,
    );
  });

  it("-o yaml of a single object", () => {
    const ns: Namespace = {
      apiVersion: "v1",
      kind: "Namespace",
      metadata: {
        name: "dev",
        creationTimestamp: ts(0),
        labels: { "kubernetes.io/metadata.name": "dev" },
        uid: "5b1c",
        resourceVersion: "42",
      },
      spec: { finalizers: ["kubernetes"] },
      status: { phase: "Active" },
    };
    expect(printObjects([ns], { now, output: "yaml", singleItem: true }).stdout).toBe(
      `apiVersion: v1
kind: Namespace
metadata:
  creationTimestamp: "2026-01-01T09:00:00Z"
  labels:
    kubernetes.io/metadata.name: dev
  name: dev
  resourceVersion: "42"
  uid: 5b1c
spec:
  finalizers:
  - kubernetes
status:
  phase: Active
`,
    );
  });

  it("-o jsonpath", () => {
    const pods: Pod[] = [pod(), pod({ name: "web-7d4b9c8f5-q8zvn", podIP: "10.244.2.6", node: "worker-2" })];
    expect(printObjects(pods, { now, output: "jsonpath={.items[*].metadata.name}" }).stdout).toBe(
      "web-7d4b9c8f5-x2x9k web-7d4b9c8f5-q8zvn",
    );
    expect(
      printObjects(pods, {
        now,
        output: 'jsonpath={range .items[*]}{.metadata.name}{"\\t"}{.spec.nodeName}{"\\n"}{end}',
      }).stdout,
    ).toBe("web-7d4b9c8f5-x2x9k\tworker-1\nweb-7d4b9c8f5-q8zvn\tworker-2\n");
    expect(printObjects(pods, { now, output: "jsonpath={.items[0].status.podIP}" }).stdout).toBe(
      "10.244.1.5",
    );
    expect(
      printObjects([pod()], { now, output: "jsonpath={.metadata.labels}", singleItem: true }).stdout,
    ).toBe('{"app":"web","pod-template-hash":"7d4b9c8f5"}');
    expect(
      printObjects([node()], {
        now,
        output: 'jsonpath={.status.addresses[?(@.type=="InternalIP")].address}',
        singleItem: true,
      }).stdout,
    ).toBe("172.18.0.3");
    expect(printObjects([pod()], { now, output: "jsonpath={.metadata.nope}", singleItem: true }).stdout).toBe(
      "",
    );
  });

  it("-o jsonpath errors", () => {
    expect(printObjects([pod()], { now, output: "jsonpath={.metadata.name" })).toEqual({
      stdout: "",
      stderr: "error: error parsing jsonpath {.metadata.name, unclosed action\n",
      exitCode: 1,
    });
    expect(printObjects([pod()], { now, output: "jsonpath=" }).stderr).toBe(
      "error: template format specified but no template given\n",
    );
  });

  it("-o custom-columns", () => {
    const pods = [pod(), pod({ name: "web-7d4b9c8f5-q8zvn", node: "" })];
    expect(
      printObjects(pods, { now, output: "custom-columns=NAME:.metadata.name,NODE:.spec.nodeName" }).stdout,
    ).toBe(
      "NAME                  NODE\n" + //
        "web-7d4b9c8f5-x2x9k   worker-1\n" +
        "web-7d4b9c8f5-q8zvn   <none>\n",
    );
    expect(printObjects(pods, { now, output: "custom-columns=NAME" }).stderr).toBe(
      "error: unexpected custom-columns spec: NAME, expected <header>:<json-path-expr>\n",
    );
  });

  it("an unknown format", () => {
    expect(printObjects([pod()], { now, output: "foo" })).toEqual({
      stdout: "",
      stderr:
        'error: unable to match a printer suitable for the output format "foo", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml\n',
      exitCode: 1,
    });
  });
});
