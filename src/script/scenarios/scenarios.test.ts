// Session scripts run end to end on the simulated cluster, through the same interpreter as the
// CLI. Expected output follows kubectl v1.34 (get/printers.go columns, rollout_status.go,
// delete.go "deleted from <ns> namespace", drain.go progress lines).
import { describe, expect, it } from "vitest";
import { outputOf, runScenario } from "./run";

const DEPLOY = `kubectl apply -f - <<EOF
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 3
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: nginx
        image: nginx:1.26
EOF
`;

describe("scenarios on the simulated cluster", () => {
  it("apply → pods come up over time → rollout of a new image → scale", async () => {
    const r = await runScenario(
      `${DEPLOY}sleep 30s\nkubectl get pods\nkubectl set image deployment/web nginx=nginx:1.27\nkubectl rollout status deployment/web\nkubectl rollout history deployment/web\nkubectl scale deployment web --replicas=1\nsleep 40s\nkubectl get deploy web\n`,
    );
    expect(r.code).toBe(0);
    expect(outputOf(r.transcript, "kubectl apply -f - <<EOF")).toBe("deployment.apps/web created\n");
    const pods = outputOf(r.transcript, "kubectl get pods").split("\n");
    expect(pods[0]).toMatch(/^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE$/);
    expect(
      pods
        .slice(1, 4)
        .every((l) =>
          /^web-[bcdfghjklmnpqrstvwxz2456789]+-[bcdfghjklmnpqrstvwxz2456789]{5}\s+1\/1\s+Running\s+0\s+30s$/.test(
            l,
          ),
        ),
    ).toBe(true);
    const status = outputOf(r.transcript, "kubectl rollout status deployment/web");
    expect(status.trimEnd().split("\n").at(-1)).toBe('deployment "web" successfully rolled out');
    expect(outputOf(r.transcript, "kubectl rollout history deployment/web")).toBe(
      "deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n\n",
    );
    expect(outputOf(r.transcript, "kubectl get deploy web")).toMatch(
      /^NAME\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+AGE\nweb\s+1\/1\s+1\s+1\s+\S+\n$/,
    );
  });
  it("validation errors leave no object behind", async () => {
    const bad = DEPLOY.replace("replicas: 3", "replicas: -1");
    const r = await runScenario(`${bad}kubectl get deployments\n`);
    expect(outputOf(r.transcript, "kubectl apply -f - <<EOF")).toBe(
      'The Deployment "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0\n',
    );
    expect(outputOf(r.transcript, "kubectl get deployments")).toBe(
      "No resources found in default namespace.\n",
    );
  });
  it("cordon and drain move the pods off a node", async () => {
    const r = await runScenario(
      `${DEPLOY}sleep 30s\nkubectl drain worker-1 --ignore-daemonsets\nkubectl get nodes\n`,
    );
    const drain = outputOf(r.transcript, "kubectl drain worker-1 --ignore-daemonsets");
    expect(
      drain.startsWith(
        "node/worker-1 cordoned\nWarning: ignoring DaemonSet-managed Pods: kube-system/kube-proxy-",
      ),
    ).toBe(true);
    expect(drain.endsWith("node/worker-1 drained\n")).toBe(true);
    expect(outputOf(r.transcript, "kubectl get nodes")).toMatch(
      /\nworker-1\s+Ready,SchedulingDisabled\s+<none>/,
    );
  });
  it("kube-apiserver stopped: kubectl cannot connect", async () => {
    const r = await runScenario(
      "sim component stop kube-apiserver\nkubectl get pods\nsim component start kube-apiserver\nsim settle 30s\nkubectl get pods -n default\n",
    );
    expect(outputOf(r.transcript, "kubectl get pods")).toBe(
      "The connection to the server 192.168.49.2:6443 was refused - did you specify the right host or port?\n",
    );
    expect(outputOf(r.transcript, "kubectl get pods -n default")).toBe(
      "No resources found in default namespace.\n",
    );
  });
});
