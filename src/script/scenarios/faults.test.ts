// Faults on the simulated cluster, printed as kubectl v1.34 prints them: drain.go / cordon
// (staging/src/k8s.io/kubectl/pkg/drain, pkg/cmd/drain), printNode (`NotReady`,
// `Ready,SchedulingDisabled`), printPod (`Terminating` once the taint-eviction controller has
// deleted the pod), and client-go's connection-refused message.
import { describe, expect, it } from "vitest";
import { outputOf, runScenario } from "./run";

const A = "[bcdfghjklmnpqrstvwxz2456789]";
const POD = `web-${A}{1,10}-${A}{5}`;
const rows = (out: string) => out.trimEnd().split("\n").slice(1);
/** What each run of `line` printed, in order (up to the next prompt). */
function outputsOf(transcript: string, line: string): string[] {
  return transcript.split(`$ ${line}\n`).slice(1).map((chunk) => {
    const next = chunk.indexOf("\n$ ");
    return next < 0 ? chunk : chunk.slice(0, next + 1);
  });
}

describe("cordon and drain", () => {
  it("cordons, warns about DaemonSet pods, evicts the rest and reschedules them elsewhere", async () => {
    const r = await runScenario(
      "kubectl create deployment web --image=nginx:1.27 --replicas=3\nsim settle\nkubectl cordon worker-1\nkubectl get nodes\nkubectl drain worker-1\nkubectl drain worker-1 --ignore-daemonsets\nsleep 10s\nkubectl get pods -o wide\nkubectl uncordon worker-1\n",
    );
    expect(outputOf(r.transcript, "kubectl cordon worker-1")).toBe("node/worker-1 cordoned\n");
    expect(outputOf(r.transcript, "kubectl get nodes")).toMatch(
      /^NAME\s+STATUS\s+ROLES\s+AGE\s+VERSION\ncontrol-plane\s+Ready\s+control-plane\s+\S+\s+v1\.34\.\d+\nworker-1\s+Ready,SchedulingDisabled\s+<none>\s+\S+\s+v1\.34\.\d+\nworker-2\s+Ready\s+<none>/,
    );
    expect(outputOf(r.transcript, "kubectl drain worker-1")).toMatch(
      new RegExp(
        `^node/worker-1 already cordoned\nerror: unable to drain node "worker-1" due to error: cannot delete DaemonSet-managed Pods \\(use --ignore-daemonsets to ignore\\): kube-system/kube-proxy-${A}{5}, continuing command...\nThere are pending nodes to be drained:\n worker-1\ncannot delete DaemonSet-managed Pods \\(use --ignore-daemonsets to ignore\\): kube-system/kube-proxy-${A}{5}\n$`,
      ),
    );
    const drain = outputOf(r.transcript, "kubectl drain worker-1 --ignore-daemonsets").trimEnd().split("\n");
    expect(drain[0]).toBe("node/worker-1 already cordoned");
    expect(drain[1]).toMatch(new RegExp(`^Warning: ignoring DaemonSet-managed Pods: kube-system/kube-proxy-${A}{5}$`));
    const evicting = drain.filter((l) => l.startsWith("evicting pod "));
    const evicted = drain.filter((l) => / evicted$/.test(l));
    expect(evicting.length).toBeGreaterThan(0);
    // every "evicting pod ns/name" is answered by "pod/name evicted", after all the evicting lines
    expect(evicted.map((l) => l.replace(/^pod\/(.*) evicted$/, "$1")).sort()).toEqual(evicting.map((l) => l.replace(/^evicting pod [^/]+\//, "")).sort());
    expect(drain.lastIndexOf(evicting.at(-1)!)).toBeLessThan(drain.indexOf(evicted[0]));
    expect(drain.at(-1)).toBe("node/worker-1 drained");
    const pods = rows(outputOf(r.transcript, "kubectl get pods -o wide"));
    expect(pods).toHaveLength(3);
    for (const l of pods) expect(l).toMatch(new RegExp(`^${POD}\\s+1/1\\s+Running\\s+0\\s+\\S+\\s+10\\.244\\.[23]\\.\\d+\\s+worker-[23]\\s`));
    expect(outputOf(r.transcript, "kubectl uncordon worker-1")).toBe("node/worker-1 uncordoned\n");
  });
});

describe("a worker node stops", () => {
  it("NotReady after the 50 s grace period; after 300 s more its pod is Terminating and replaced", async () => {
    const r = await runScenario(
      "kubectl create deployment web --image=nginx:1.27 --replicas=3\nsim settle\nkubectl get pods -o wide\nsim node stop worker-1\n" +
        "sleep 40s\nkubectl get nodes worker-1\nsleep 20s\nkubectl get nodes\nkubectl get pods -o wide\nsleep 4m50s\nkubectl get pods -o wide\nsleep 20s\nkubectl get pods -o wide\n",
    );
    expect(outputOf(r.transcript, "sim node stop worker-1")).toBe("node worker-1 stopped\n");
    expect(outputOf(r.transcript, "kubectl get nodes worker-1")).toMatch(/^NAME\s+STATUS\s+ROLES\s+AGE\s+VERSION\nworker-1\s+Ready\s+<none>/);
    expect(outputOf(r.transcript, "kubectl get nodes")).toMatch(/\nworker-1\s+NotReady\s+<none>\s+\S+\s+v1\.34\.\d+\nworker-2\s+Ready\s/);
    const [initial, atNotReady, before, last] = outputsOf(r.transcript, "kubectl get pods -o wide").map(rows);
    const victim = initial.find((l) => /\sworker-1\s/.test(l))!.split(/\s+/)[0];
    // pods on the lost node still print Running (no kubelet is there to say otherwise)
    expect(atNotReady.find((l) => l.startsWith(victim))).toMatch(/\s1\/1\s+Running\s/);
    // 5m50s after the stop, NotReady for about 5 min: the 300 s toleration is not over yet
    expect(before).toHaveLength(3);
    expect(before.find((l) => l.startsWith(victim))).toMatch(/\sRunning\s/);
    // 6m10s after the stop: evicted by the taint-eviction controller, Terminating (nobody confirms), replaced
    expect(last).toHaveLength(4);
    expect(before.join("\n")).not.toBe(last.join("\n"));
    expect(last.find((l) => l.startsWith(victim))).toMatch(/\s1\/1\s+Terminating\s+0\s+\S+\s+10\.244\.1\.\d+\s+worker-1\s/);
    const replacement = last.filter((l) => /\sRunning\s/.test(l) && !/\sworker-1\s/.test(l));
    expect(replacement).toHaveLength(3);
  });
});

describe("control-plane components stop", () => {
  it("with kube-scheduler stopped new pods stay Pending; started again, they are scheduled", async () => {
    const r = await runScenario(
      "sim component stop kube-scheduler\nkubectl create deployment web --image=nginx:1.27 --replicas=2\nsleep 1m\nkubectl get pods -o wide\nkubectl describe pods\nsim component start kube-scheduler\nsleep 15s\nkubectl get pods\n",
    );
    expect(outputOf(r.transcript, "sim component stop kube-scheduler")).toBe("kube-scheduler stopped\n");
    const pending = rows(outputOf(r.transcript, "kubectl get pods -o wide"));
    expect(pending).toHaveLength(2);
    for (const l of pending) expect(l).toMatch(new RegExp(`^${POD}\\s+0/1\\s+Pending\\s+0\\s+60s\\s+<none>\\s+<none>\\s+<none>\\s+<none>$`));
    const described = outputOf(r.transcript, "kubectl describe pods");
    expect(described).toMatch(/\nNode:\s+<none>\n/);
    expect(described).toMatch(/\nStatus:\s+Pending\n/);
    expect(described).toMatch(/\nEvents:\s+<none>\n/);
    for (const l of rows(outputOf(r.transcript, "kubectl get pods"))) expect(l).toMatch(new RegExp(`^${POD}\\s+1/1\\s+Running\\s+0\\s+75s$`));
  });
  it("with kube-apiserver stopped kubectl cannot connect", async () => {
    const r = await runScenario("sim component stop kube-apiserver\nkubectl get pods\nkubectl apply -f - <<EOF\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\nEOF\nsim component start kube-apiserver\nsim settle 30s\nkubectl get configmap x\n");
    const refused = "The connection to the server 192.168.49.2:6443 was refused - did you specify the right host or port?\n";
    expect(outputOf(r.transcript, "kubectl get pods")).toBe(refused);
    expect(r.transcript).toContain(`$ kubectl apply -f - <<EOF\n${refused}`);
    expect(outputOf(r.transcript, "kubectl get configmap x")).toBe('Error from server (NotFound): configmaps "x" not found\n');
  });
});
