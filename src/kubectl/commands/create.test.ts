// kubectl create / create deployment / run / expose (v1.34): staging/src/k8s.io/kubectl/pkg/cmd/create/
// create.go and create_deployment.go (container named after the image), pkg/cmd/run/run.go,
// pkg/cmd/expose/expose.go (`service/web exposed`), pkg/generate/versioned.
import { describe, expect, it } from "vitest";
import type { Deployment, Pod, Service } from "../../sim/api/types";
import { FakeTransport, deployment, kubectl, pod } from "../testing";

describe("kubectl create / run / expose", () => {
  it("create deployment names the container after the image and labels app=NAME", async () => {
    const fake = new FakeTransport();
    const r = await kubectl(fake, "kubectl create deployment web --image=registry.k8s.io/nginx:1.26 --replicas=3 --port=80");
    expect(r.text).toBe("deployment.apps/web created\n");
    const d = fake.get("deployments", "default", "web") as Deployment;
    expect(d.spec.replicas).toBe(3);
    expect(d.spec.selector.matchLabels).toEqual({ app: "web" });
    expect(d.spec.template.spec.containers).toEqual([{ name: "nginx", image: "registry.k8s.io/nginx:1.26", ports: [{ containerPort: 80 }], resources: {} }]);
  });
  it("create deployment requires exactly one name and --image", async () => {
    const fake = new FakeTransport();
    expect((await kubectl(fake, "kubectl create deployment --image=nginx")).text).toBe("error: exactly one NAME is required, got 0\nSee 'kubectl create deployment -h' for help and examples\n");
    expect((await kubectl(fake, "kubectl create deploy web")).text).toBe('error: required flag(s) "image" not set\n');
  });
  it("create reports AlreadyExists with its source", async () => {
    const fake = new FakeTransport();
    await kubectl(fake, "kubectl create deployment web --image=nginx");
    expect((await kubectl(fake, "kubectl create deployment web --image=nginx")).text).toBe('Error from server (AlreadyExists): deployments.apps "web" already exists\n');
    const yaml = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec: {}\n";
    expect((await kubectl(fake, "kubectl create -f -", { stdin: yaml })).text).toBe('Error from server (AlreadyExists): error when creating "STDIN": deployments.apps "web" already exists\n');
  });
  it("create namespace, configmap, secret generic and serviceaccount", async () => {
    const fake = new FakeTransport();
    expect((await kubectl(fake, "kubectl create namespace demo")).text).toBe("namespace/demo created\n");
    expect((await kubectl(fake, "kubectl create configmap cfg --from-literal=a=1 --from-literal=b=two")).text).toBe("configmap/cfg created\n");
    expect(fake.get("configmaps", "default", "cfg")).toMatchObject({ data: { a: "1", b: "two" } });
    expect((await kubectl(fake, "kubectl create secret generic s --from-literal=password=hunter2")).text).toBe("secret/s created\n");
    expect(fake.get("secrets", "default", "s")).toMatchObject({ data: { password: "aHVudGVyMg==" }, type: "Opaque" });
    expect((await kubectl(fake, "kubectl create sa robot -n demo")).text).toBe("serviceaccount/robot created\n");
  });
  it("create --dry-run=client -o yaml prints without sending", async () => {
    const fake = new FakeTransport();
    const r = await kubectl(fake, "kubectl create deployment web --image=nginx --dry-run=client -o yaml");
    expect(r.text).toContain("kind: Deployment");
    expect(r.text).toContain("name: nginx");
    expect(fake.requests).toHaveLength(0);
  });
  it("run creates a pod labelled run=NAME, with --command or args after --", async () => {
    const fake = new FakeTransport();
    expect((await kubectl(fake, "kubectl run box --image=busybox --restart=Never --command -- sleep 3600")).text).toBe("pod/box created\n");
    const p = fake.get("pods", "default", "box") as Pod;
    expect(p.metadata.labels).toEqual({ run: "box" });
    expect(p.spec.restartPolicy).toBe("Never");
    expect(p.spec.containers[0]).toMatchObject({ name: "box", image: "busybox", command: ["sleep", "3600"] });
    await kubectl(fake, "kubectl run echo --image=busybox -- echo hi");
    expect((fake.get("pods", "default", "echo") as Pod).spec.containers[0]).toMatchObject({ args: ["echo", "hi"] });
  });
  it("expose builds a service from the deployment's selector", async () => {
    const fake = new FakeTransport();
    fake.seed("deployments", deployment("web"));
    expect((await kubectl(fake, "kubectl expose deployment web --port=80 --target-port=8080 --type=NodePort")).text).toBe("service/web exposed\n");
    const s = fake.get("services", "default", "web") as Service;
    expect(s.spec).toEqual({ ports: [{ port: 80, protocol: "TCP", targetPort: 8080 }], selector: { app: "web" }, type: "NodePort" });
    fake.seed("pods", pod("solo", { labels: { run: "solo" } }));
    expect((await kubectl(fake, "kubectl expose pod solo")).text).toBe("error: couldn't find port via --port flag or introspection\nSee 'kubectl expose -h' for help and examples\n");
  });
});
