// A Deployment's life on the simulated cluster, through the same interpreter as the CLI.
// Expected output follows kubectl v1.34: printPod / printDeployment / printReplicaSet in
// pkg/printers/internalversion/printers.go, rollout_status.go (DeploymentStatusViewer.Status in
// staging/src/k8s.io/kubectl/pkg/polymorphichelpers/rollout_status.go), delete.go
// (`deleted from <ns> namespace`), apply.go / resource builder errors.
import { describe, expect, it } from "vitest";
import { outputOf, runScenario } from "./run";

const HASH = "[bcdfghjklmnpqrstvwxz2456789]{1,10}";
const POD = `web-${HASH}-[bcdfghjklmnpqrstvwxz2456789]{5}`;
const row = (status: string, ready: string, age: string) => new RegExp(`^${POD}\\s+${ready}\\s+${status}\\s+0\\s+${age}$`);

const deployment = (spec = "replicas: 3", labels = "{app: web}", extra = "") => `kubectl apply -f - <<EOF
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  ${spec}
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: ${labels}
    spec:
      containers:
      - name: nginx
        image: nginx:1.26
${extra}EOF
`;

const podRows = (out: string) => out.trimEnd().split("\n").slice(1);

describe("apply, then pods over time", () => {
  it("no pods yet, then ContainerCreating, then Running with AGE counting up", async () => {
    const r = await runScenario(`${deployment()}kubectl get pods\nsleep 1s\nkubectl get pods -o wide\nsleep 10s\nkubectl get pods\nkubectl get deploy,rs\n`);
    expect(r.code).toBe(0);
    expect(outputOf(r.transcript, "kubectl apply -f - <<EOF")).toBe("deployment.apps/web created\n");
    // the request returns before the controllers have created anything
    expect(outputOf(r.transcript, "kubectl get pods")).toBe("No resources found in default namespace.\n");
    const wide = outputOf(r.transcript, "kubectl get pods -o wide");
    expect(wide.split("\n")[0]).toBe("NAME                   READY   STATUS              RESTARTS   AGE   IP           NODE       NOMINATED NODE   READINESS GATES");
    expect(podRows(wide)).toHaveLength(3);
    for (const l of podRows(wide)) {
      // scheduled, sandbox up (the pod has its IP from the node's /24), image still pulling
      expect(l).toMatch(new RegExp(`^${POD}\\s+0/1\\s+ContainerCreating\\s+0\\s+1s\\s+10\\.244\\.([123])\\.\\d+\\s+worker-\\1\\s+<none>\\s+<none>$`));
    }
    const running = r.transcript.split("$ sleep 10s\n")[1];
    const pods = outputOf(running, "kubectl get pods");
    expect(pods.split("\n")[0]).toMatch(/^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE$/);
    expect(podRows(pods).every((l) => row("Running", "1/1", "11s").test(l))).toBe(true);
    expect(outputOf(r.transcript, "kubectl get deploy,rs")).toMatch(
      new RegExp(`^NAME\\s+READY\\s+UP-TO-DATE\\s+AVAILABLE\\s+AGE\\ndeployment\\.apps/web\\s+3/3\\s+3\\s+3\\s+11s\\n\\nNAME\\s+DESIRED\\s+CURRENT\\s+READY\\s+AGE\\nreplicaset\\.apps/web-${HASH}\\s+3\\s+3\\s+3\\s+11s\\n$`),
    );
  });
});

describe("invalid manifests are rejected with kubectl's text and leave nothing behind", () => {
  const check = async (manifest: string, error: string) => {
    const r = await runScenario(`${manifest}kubectl get deployments,configmaps -l app=web\nkubectl get deployment web\n`);
    expect(r.code).toBe(0);
    expect(outputOf(r.transcript, "kubectl apply -f - <<EOF")).toBe(`${error}\n`);
    expect(outputOf(r.transcript, "kubectl get deployments,configmaps -l app=web")).toBe("No resources found in default namespace.\n");
    expect(outputOf(r.transcript, "kubectl get deployment web")).toBe('Error from server (NotFound): deployments.apps "web" not found\n');
  };
  it("negative replicas", () =>
    check(deployment("replicas: -1"), 'The Deployment "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0'));
  it("selector that does not match the template", () =>
    check(deployment("replicas: 1", "{app: other}"), 'The Deployment "web" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"other"}: `selector` does not match template `labels`'));
  it("unknown field (strict decoding)", () =>
    check(deployment("foo: 1"), 'Error from server (BadRequest): error when creating "STDIN": Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.foo"'));
  it("unknown kind", () =>
    check("kubectl apply -f - <<EOF\napiVersion: v1\nkind: Foo\nmetadata:\n  name: web\n  labels: {app: web}\nEOF\n", 'error: resource mapping not found for name: "web" namespace: "" from "STDIN": no matches for kind "Foo" in version "v1"\nensure CRDs are installed first'));
  it("YAML syntax error, with go-yaml's line", () =>
    check("kubectl apply -f - <<EOF\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web\n    labels: {app: web}\nEOF\n", "error: error parsing STDIN: error converting YAML to JSON: yaml: line 5: mapping values are not allowed in this context"));
  it("missing name", () =>
    check("kubectl apply -f - <<EOF\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  labels: {app: web}\nEOF\n", 'error: error when retrieving current configuration of:\nResource: "/v1, Resource=configmaps", GroupVersionKind: "/v1, Kind=ConfigMap"\nName: "", Namespace: "default"\nfrom server for: "STDIN": resource name may not be empty'));
});

describe("rollout, scale, delete", () => {
  it("a new image rolls out with rollout status's progress lines, then scales and deletes with garbage collection", async () => {
    const r = await runScenario(
      "kubectl create deployment web --image=nginx:1.26 --replicas=3\nsim settle\n" +
        "kubectl set image deployment/web nginx=nginx:1.27\nkubectl rollout status deployment/web\nkubectl get rs\n" +
        "kubectl scale deployment web --replicas=5\nsleep 15s\nkubectl get deployment web\n" +
        "kubectl delete deployment web\nsleep 1m\nkubectl get deployments,replicasets,pods\n",
    );
    expect(r.code).toBe(0);
    expect(outputOf(r.transcript, "kubectl set image deployment/web nginx=nginx:1.27")).toBe("deployment.apps/web image updated\n");
    const status = outputOf(r.transcript, "kubectl rollout status deployment/web").trimEnd().split("\n");
    const allowed = [
      /^Waiting for deployment spec update to be observed\.\.\.$/,
      /^Waiting for deployment "web" rollout to finish: [0-3] out of 3 new replicas have been updated\.\.\.$/,
      /^Waiting for deployment "web" rollout to finish: [1-3] old replicas are pending termination\.\.\.$/,
      /^Waiting for deployment "web" rollout to finish: [0-3] of 3 updated replicas are available\.\.\.$/,
    ];
    expect(status.length).toBeGreaterThan(2);
    for (const l of status.slice(0, -1)) expect(allowed.some((re) => re.test(l)), l).toBe(true);
    expect(status.some((l) => /old replicas are pending termination/.test(l))).toBe(true);
    expect(status.at(-1)).toBe('deployment "web" successfully rolled out');
    const rs = podRows(outputOf(r.transcript, "kubectl get rs"));
    expect(rs).toHaveLength(2);
    expect(rs.filter((l) => new RegExp(`^web-${HASH}\\s+3\\s+3\\s+3\\s+\\S+$`).test(l))).toHaveLength(1);
    expect(rs.filter((l) => new RegExp(`^web-${HASH}\\s+0\\s+0\\s+0\\s+\\S+$`).test(l))).toHaveLength(1);
    expect(outputOf(r.transcript, "kubectl scale deployment web --replicas=5")).toBe("deployment.apps/web scaled\n");
    expect(outputOf(r.transcript, "kubectl get deployment web")).toMatch(/^NAME\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+AGE\nweb\s+5\/5\s+5\s+5\s+\S+\n$/);
    expect(outputOf(r.transcript, "kubectl delete deployment web")).toBe('deployment.apps "web" deleted from default namespace\n');
    // the garbage collector removed the ReplicaSets, and with them the pods
    expect(outputOf(r.transcript, "kubectl get deployments,replicasets,pods")).toBe("No resources found in default namespace.\n");
  });
});
