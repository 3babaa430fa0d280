// Looking at a running cluster: logs (nginx's access log after a request through the data path),
// exec, describe, top, events, explain, discovery and errors, as kubectl v1.34 prints them
// (staging/src/k8s.io/kubectl/pkg/cmd/{logs,exec,top,events,explain,apiresources,version,
// clusterinfo}, pkg/describe/describe.go, printers.go printEvent; cobra's unknown-command text).
import { describe, expect, it } from "vitest";
import { outputOf, runScenario } from "./run";

const A = "[bcdfghjklmnpqrstvwxz2456789]";

describe("inspecting a running app", async () => {
  const r = await runScenario(
    [
      "kubectl create deployment web --image=nginx:1.27",
      "kubectl expose deployment web --port=80",
      "kubectl run client --image=curlimages/curl:8.14.1 -- sleep 3600",
      "sim settle",
      "sim request --from client http://web",
      "sim request http://web",
      "sim request --from default/client http://nope",
      "kubectl logs deploy/web --tail=1",
      "kubectl exec client -- nslookup web",
      "kubectl exec client -- cat /etc/resolv.conf",
      "kubectl exec client -- env",
      "kubectl describe deployment web",
      "kubectl describe node worker-1",
      "kubectl top nodes",
      "kubectl top pods",
      "kubectl get events --sort-by=.lastTimestamp",
      "",
    ].join("\n"),
  );
  it("runs the whole script", () => expect(r.code).toBe(0));
  it("sim request prints the path through DNS and kube-proxy, then what curl prints", () => {
    const out = outputOf(r.transcript, "sim request --from client http://web").split("\n");
    expect(out[0]).toMatch(/^pods:worker-\d → coredns: DNS A\? web$/);
    expect(out[1]).toMatch(/^coredns → pods:worker-\d: web\.default\.svc\.cluster\.local\. A 10\.\d+\.\d+\.\d+$/);
    expect(out[2]).toMatch(/^pods:worker-\d → kube-proxy@worker-\d: 10\.\d+\.\d+\.\d+:80 → KUBE-SVC-[A-Z2-7]{16}$/);
    expect(out).toContain("<title>Welcome to nginx!</title>");
    // NAMESPACE/POD works too; CoreDNS knows no such Service
    expect(outputOf(r.transcript, "sim request --from default/client http://nope")).toMatch(
      /^pods:worker-\d → coredns: DNS A\? nope\ncoredns → pods:worker-\d: nope: NXDOMAIN\ncurl: \(6\) Could not resolve host: nope\n$/,
    );
    // from outside the cluster nobody resolves cluster names
    expect(outputOf(r.transcript, "sim request http://web")).toBe("curl: (6) Could not resolve host: web\n");
  });
  it("logs: the nginx access line for that request", () => {
    expect(outputOf(r.transcript, "kubectl logs deploy/web --tail=1")).toMatch(
      /^10\.244\.\d+\.\d+ - - \[01\/Jan\/2026:09:00:\d\d \+0000\] "GET \/ HTTP\/1\.1" 200 615 "-" "curl\/8\.14\.1" "-"\n$/,
    );
  });
  it("exec: nslookup, resolv.conf and env inside the pod", () => {
    expect(outputOf(r.transcript, "kubectl exec client -- nslookup web")).toMatch(
      /^Server:\t\t10\.96\.0\.10\nAddress:\t10\.96\.0\.10#53\n\nName:\tweb\.default\.svc\.cluster\.local\nAddress: 10\.\d+\.\d+\.\d+\n\n$/,
    );
    expect(outputOf(r.transcript, "kubectl exec client -- cat /etc/resolv.conf")).toBe(
      "search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n",
    );
    const env = outputOf(r.transcript, "kubectl exec client -- env");
    expect(env).toMatch(/^PATH=/m);
    expect(env).toMatch(/^HOSTNAME=client$/m);
  });
  it("describe deployment: replicas, strategy, conditions, new ReplicaSet, events", () => {
    const d = outputOf(r.transcript, "kubectl describe deployment web");
    expect(d).toMatch(/^Name:\s+web\nNamespace:\s+default\nCreationTimestamp:\s+Thu, 01 Jan 2026 09:00:\d\d \+0000\nLabels:\s+app=web\n/);
    expect(d).toContain("Replicas:               1 desired | 1 updated | 1 total | 1 available | 0 unavailable\n");
    expect(d).toContain("RollingUpdateStrategy:  25% max unavailable, 25% max surge\n");
    expect(d).toContain(
      "Conditions:\n  Type           Status  Reason\n  ----           ------  ------\n  Available      True    MinimumReplicasAvailable\n  Progressing    True    NewReplicaSetAvailable\n",
    );
    expect(d).toMatch(new RegExp(`NewReplicaSet:   web-${A}+ \\(1/1 replicas created\\)\n`));
    expect(d).toMatch(new RegExp(`  Normal  ScalingReplicaSet  \\S+\\s+deployment-controller  Scaled up replica set web-${A}+ from 0 to 1\n$`));
  });
  it("describe node: conditions, capacity, non-terminated pods, allocated resources", () => {
    const d = outputOf(r.transcript, "kubectl describe node worker-1");
    expect(d).toMatch(/^Name:\s+worker-1\nRoles:\s+<none>\n/);
    expect(d).toContain("Taints:             <none>\nUnschedulable:      false\n");
    expect(d).toMatch(/ {2}Ready {12}True {4}.+KubeletReady\s+kubelet is posting ready status\n/);
    expect(d).toMatch(/Non-terminated Pods:\s+\(\d+ in total\)\n {2}Namespace\s+Name\s+CPU Requests\s+CPU Limits\s+Memory Requests\s+Memory Limits\s+Age\n/);
    expect(d).toMatch(/Allocated resources:\n {2}\(Total limits may be over 100 percent, i\.e\., overcommitted\.\)\n {2}Resource\s+Requests\s+Limits\n/);
  });
  it("top: nodes and pods", () => {
    const nodes = outputOf(r.transcript, "kubectl top nodes").split("\n");
    expect(nodes[0]).toMatch(/^NAME\s+CPU\(cores\)\s+CPU\(%\)\s+MEMORY\(bytes\)\s+MEMORY\(%\)\s+$/);
    expect(nodes.slice(1, 5).every((l) => /^(control-plane|worker-\d)\s+\d+m\s+\d+%\s+\d+Mi\s+\d+%\s+$/.test(l))).toBe(true);
    const pods = outputOf(r.transcript, "kubectl top pods").split("\n");
    expect(pods[0]).toMatch(/^NAME\s+CPU\(cores\)\s+MEMORY\(bytes\)\s+$/);
    expect(pods.filter((l) => /^(client|web-\S+)\s+\d+m\s+\d+Mi\s+$/.test(l))).toHaveLength(2);
  });
  it("events sorted by last timestamp, oldest first", () => {
    const ev = outputOf(r.transcript, "kubectl get events --sort-by=.lastTimestamp").trimEnd().split("\n");
    expect(ev[0]).toMatch(/^LAST SEEN\s+TYPE\s+REASON\s+OBJECT\s+MESSAGE$/);
    expect(ev.some((l) => /^\S+\s+Normal\s+Scheduled\s+pod\/client\s+Successfully assigned default\/client to worker-\d$/.test(l))).toBe(true);
    expect(ev.some((l) => /^\S+\s+Normal\s+ScalingReplicaSet\s+deployment\/web\s+Scaled up replica set web-\S+ from 0 to 1$/.test(l))).toBe(true);
    const seconds = ev.slice(1).map((l) => Number(/^(\d+)s\s/.exec(l)?.[1] ?? NaN));
    expect(seconds.every((s, i) => i === 0 || s <= seconds[i - 1])).toBe(true);
  });
});

describe("discovery, client info and errors", async () => {
  const lines = [
    "kubectl version",
    "kubectl cluster-info",
    "kubectl explain deployment.spec.replicas",
    "kubectl api-resources",
    "kubectl frobnicate",
    "kubectl get pods --frobnicate",
    "kubectl get foo",
    "kubectl get pods nope",
    "kubectl logs nope",
  ];
  const r = await runScenario(lines.join("\n") + "\n");
  it("version", () => expect(outputOf(r.transcript, "kubectl version")).toBe("Client Version: v1.34.1\nKustomize Version: v5.7.1\nServer Version: v1.34.1\n"));
  it("cluster-info", () =>
    expect(outputOf(r.transcript, "kubectl cluster-info")).toBe(
      "Kubernetes control plane is running at https://192.168.49.2:6443\nCoreDNS is running at https://192.168.49.2:6443/api/v1/namespaces/kube-system/services/kube-dns:dns/proxy\n\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n",
    ));
  it("explain", () =>
    expect(outputOf(r.transcript, "kubectl explain deployment.spec.replicas")).toMatch(/^GROUP: {6}apps\nKIND: {7}Deployment\nVERSION: {4}v1\n\nFIELD: replicas <integer>\n\n\nDESCRIPTION:\n {4}Number of desired pods\./));
  it("api-resources", () => {
    const out = outputOf(r.transcript, "kubectl api-resources").split("\n");
    expect(out[0]).toMatch(/^NAME\s+SHORTNAMES\s+APIVERSION\s+NAMESPACED\s+KIND$/);
    expect(out).toContainEqual(expect.stringMatching(/^deployments\s+deploy\s+apps\/v1\s+true\s+Deployment$/));
    expect(out).toContainEqual(expect.stringMatching(/^nodes\s+no\s+v1\s+false\s+Node$/));
  });
  it("errors", () => {
    expect(outputOf(r.transcript, "kubectl frobnicate")).toBe('error: unknown command "frobnicate" for "kubectl"\n');
    expect(outputOf(r.transcript, "kubectl get pods --frobnicate")).toBe("error: unknown flag: --frobnicate\nSee 'kubectl get --help' for usage.\n");
    expect(outputOf(r.transcript, "kubectl get foo")).toBe('error: the server doesn\'t have a resource type "foo"\n');
    expect(outputOf(r.transcript, "kubectl get pods nope")).toBe('Error from server (NotFound): pods "nope" not found\n');
    expect(outputOf(r.transcript, "kubectl logs nope")).toBe('Error from server (NotFound): pods "nope" not found\n');
  });
});
