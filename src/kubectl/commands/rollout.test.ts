// kubectl scale / set image / rollout (v1.34): staging/src/k8s.io/kubectl/pkg/cmd/scale/scale.go,
// pkg/cmd/set/set_image.go, pkg/cmd/rollout/*.go, pkg/polymorphichelpers/rollout_status.go (progress
// lines) and history.go (REVISION  CHANGE-CAUSE).
import { describe, expect, it } from "vitest";
import type { Deployment } from "../../sim/api/types";
import { FakeTransport, deployment, kubectl, replicaSet } from "../testing";

function setStatus(fake: FakeTransport, s: NonNullable<Deployment["status"]>): void {
  fake.modify("deployments", "default", "web", (o) => {
    (o as Deployment).status = { observedGeneration: o.metadata.generation, ...s };
  });
}

describe("kubectl scale / set image / rollout", () => {
  it("scale patches the scale subresource", async () => {
    const fake = new FakeTransport();
    fake.seed("deployments", deployment("web", 1));
    expect((await kubectl(fake, "kubectl scale deployment web --replicas=5")).text).toBe("deployment.apps/web scaled\n");
    expect(fake.requests.at(-1)).toMatchObject({ verb: "patch", subresource: "scale", body: { spec: { replicas: 5 } } });
    expect((await kubectl(fake, "kubectl scale deploy/web")).text).toBe('error: required flag(s) "replicas" not set\n');
    expect((await kubectl(fake, "kubectl scale deploy nope --replicas=1")).text).toBe('Error from server (NotFound): deployments.apps "nope" not found\n');
  });
  it("set image updates the named container", async () => {
    const fake = new FakeTransport();
    fake.seed("deployments", deployment("web"));
    expect((await kubectl(fake, "kubectl set image deployment/web nginx=nginx:1.27")).text).toBe("deployment.apps/web image updated\n");
    expect((fake.get("deployments", "default", "web") as Deployment).spec.template.spec.containers[0].image).toBe("nginx:1.27");
    expect((await kubectl(fake, "kubectl set image deployment/web app=x")).text).toBe('error: unable to find container named "app"\n');
  });
  it("rollout status follows the deployment until it is rolled out", async () => {
    const fake = new FakeTransport();
    fake.seed("deployments", deployment("web", 3));
    setStatus(fake, { replicas: 3, updatedReplicas: 3, availableReplicas: 1 });
    fake.at(2000, () => setStatus(fake, { replicas: 3, updatedReplicas: 3, availableReplicas: 2 }));
    fake.at(4000, () => setStatus(fake, { replicas: 3, updatedReplicas: 3, availableReplicas: 3 }));
    const r = await kubectl(fake, "kubectl rollout status deployment/web");
    expect(r.text).toBe(
      'Waiting for deployment "web" rollout to finish: 1 of 3 updated replicas are available...\nWaiting for deployment "web" rollout to finish: 2 of 3 updated replicas are available...\ndeployment "web" successfully rolled out\n',
    );
    expect(fake.now()).toBeLessThan(4200);
  });
  it("rollout status reports old replicas and unobserved specs", async () => {
    const fake = new FakeTransport();
    fake.seed("deployments", deployment("web", 3));
    setStatus(fake, { replicas: 4, updatedReplicas: 3, availableReplicas: 3 });
    expect((await kubectl(fake, "kubectl rollout status deploy web --watch=false")).text).toBe('Waiting for deployment "web" rollout to finish: 1 old replicas are pending termination...\n');
    setStatus(fake, { replicas: 3, updatedReplicas: 1, availableReplicas: 1 });
    expect((await kubectl(fake, "kubectl rollout status deploy web --watch=false")).text).toBe('Waiting for deployment "web" rollout to finish: 1 out of 3 new replicas have been updated...\n');
  });
  it("rollout status gives up after --timeout", async () => {
    const fake = new FakeTransport();
    fake.seed("deployments", deployment("web", 3));
    const r = await kubectl(fake, "kubectl rollout status deploy/web --timeout=5s");
    expect(r.code).toBe(1);
    expect(r.out.stderr()).toBe("error: timed out waiting for the condition\n");
  });
  it("rollout history lists revisions from the ReplicaSets", async () => {
    const fake = new FakeTransport();
    const d = fake.seed("deployments", deployment("web")) as Deployment;
    fake.seed("replicasets", replicaSet(d, "6d4cf56db6", 1, "nginx:1.26"));
    fake.seed("replicasets", replicaSet(d, "7c5ddbdf54", 2, "nginx:1.27"));
    expect((await kubectl(fake, "kubectl rollout history deployment/web")).text).toBe("deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n\n");
  });
  it("rollout undo restores the previous template", async () => {
    const fake = new FakeTransport();
    const d = fake.seed("deployments", deployment("web", 3, "nginx:1.27")) as Deployment;
    fake.seed("replicasets", replicaSet(d, "6d4cf56db6", 1, "nginx:1.26"));
    fake.seed("replicasets", replicaSet(d, "7c5ddbdf54", 2, "nginx:1.27"));
    expect((await kubectl(fake, "kubectl rollout undo deployment/web")).text).toBe("deployment.apps/web rolled back\n");
    const after = fake.get("deployments", "default", "web") as Deployment;
    expect(after.spec.template.spec.containers[0].image).toBe("nginx:1.26");
    expect(after.spec.template.metadata?.labels).toEqual({ app: "web" });
    expect((await kubectl(fake, "kubectl rollout undo deployment/web --to-revision=1")).text).toBe("deployment.apps/web skipped rollback (current template already matches revision 1)\n");
    expect((await kubectl(fake, "kubectl rollout undo deployment/web --to-revision=7")).text).toBe("error: unable to find specified revision 7 in history\n");
  });
  it("rollout restart, pause and resume", async () => {
    const fake = new FakeTransport();
    fake.seed("deployments", deployment("web"));
    expect((await kubectl(fake, "kubectl rollout restart deployment/web")).text).toBe("deployment.apps/web restarted\n");
    expect((fake.get("deployments", "default", "web") as Deployment).spec.template.metadata?.annotations?.["kubectl.kubernetes.io/restartedAt"]).toMatch(/^2026-01-01T09:00:00Z$/);
    expect((await kubectl(fake, "kubectl rollout pause deployment/web")).text).toBe("deployment.apps/web paused\n");
    expect((await kubectl(fake, "kubectl rollout pause deployment/web")).text).toBe('error: deployments.apps "web" is already paused\n');
    expect((await kubectl(fake, "kubectl rollout resume deployment/web")).text).toBe("deployment.apps/web resumed\n");
    expect((await kubectl(fake, "kubectl rollout resume deployment/web")).text).toBe('error: deployments.apps "web" is not paused\n');
  });
});
