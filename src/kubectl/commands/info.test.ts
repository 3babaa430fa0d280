// kubectl version / cluster-info / config / auth can-i / api-resources / explain (v1.34):
// staging/src/k8s.io/kubectl/pkg/cmd/{version,clusterinfo,config,auth,apiresources,explain}; explain's
// plaintext template is pkg/explain/v2/templates/plaintext.tmpl.
import { describe, expect, it } from "vitest";
import { FakeTransport, kubectl } from "../testing";

describe("kubectl version / cluster-info / config / auth / api-resources / explain", () => {
  it("version prints client, kustomize and server versions", async () => {
    const fake = new FakeTransport();
    expect((await kubectl(fake, "kubectl version")).text).toBe("Client Version: v1.34.1\nKustomize Version: v5.7.1\nServer Version: v1.34.1\n");
    fake.down = true;
    expect((await kubectl(fake, "kubectl version")).text).toBe(
      "Client Version: v1.34.1\nKustomize Version: v5.7.1\nThe connection to the server 192.168.49.2:6443 was refused - did you specify the right host or port?\n",
    );
  });
  it("cluster-info lists the control plane and cluster services", async () => {
    const fake = new FakeTransport();
    fake.seed("services", {
      apiVersion: "v1",
      kind: "Service",
      metadata: { name: "kube-dns", namespace: "kube-system", labels: { "kubernetes.io/cluster-service": "true", "kubernetes.io/name": "CoreDNS" } },
      spec: { ports: [{ name: "dns", port: 53, protocol: "UDP" }] },
    } as never);
    expect((await kubectl(fake, "kubectl cluster-info")).text).toBe(
      "Kubernetes control plane is running at https://192.168.49.2:6443\nCoreDNS is running at https://192.168.49.2:6443/api/v1/namespaces/kube-system/services/kube-dns:dns/proxy\n\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n",
    );
  });
  it("config shows the kubeconfig and the context", async () => {
    const fake = new FakeTransport();
    expect((await kubectl(fake, "kubectl config current-context")).text).toBe("kubernetes-admin@kubeglass\n");
    const view = (await kubectl(fake, "kubectl config view")).text;
    expect(view).toContain("    server: https://192.168.49.2:6443\n");
    expect(view).toContain("current-context: kubernetes-admin@kubeglass\n");
    expect(view).toContain("client-key-data: DATA+OMITTED");
  });
  it("auth can-i answers yes for the admin", async () => {
    expect((await kubectl(new FakeTransport(), "kubectl auth can-i create deployments")).text).toBe("yes\n");
  });
  it("api-resources lists served types", async () => {
    const text = (await kubectl(new FakeTransport(), "kubectl api-resources")).text;
    const lines = text.split("\n");
    expect(lines[0]).toMatch(/^NAME\s+SHORTNAMES\s+APIVERSION\s+NAMESPACED\s+KIND$/);
    expect(text).toMatch(/\ndeployments\s+deploy\s+apps\/v1\s+true\s+Deployment\n/);
    expect(text).toMatch(/\nnodes\s+no\s+v1\s+false\s+Node\n/);
  });
  it("explain prints a kind and walks field paths", async () => {
    const fake = new FakeTransport();
    const top = (await kubectl(fake, "kubectl explain deployment")).text;
    expect(top.startsWith("GROUP:      apps\nKIND:       Deployment\nVERSION:    v1\n\nDESCRIPTION:\n")).toBe(true);
    expect(top).toContain("FIELDS:\n  apiVersion\t<string>\n");
    // plaintext.tmpl: FIELD line + empty enum line + blank line; description wrapped and indented 4
    // with its trailing newline indented too; fields in sorted key order; the template's final newline.
    expect((await kubectl(fake, "kubectl explain deployment.spec.replicas")).text).toBe(
      "GROUP:      apps\nKIND:       Deployment\nVERSION:    v1\n\nFIELD: replicas <integer>\n\n\nDESCRIPTION:\n    Number of desired pods. Defaults to 1.\n    \n\n",
    );
    const spec = (await kubectl(fake, "kubectl explain deployment.spec")).text;
    expect(spec).toContain("DESCRIPTION:\n    Specification of the desired behavior of the Deployment.\n    \nFIELDS:\n  minReadySeconds\t<integer>\n");
    expect([...spec.matchAll(/^ {2}(\w+)\t/gm)].map((m) => m[1])).toEqual(["minReadySeconds", "paused", "progressDeadlineSeconds", "replicas", "revisionHistoryLimit", "selector", "strategy", "template"]);
    expect(spec.endsWith("\n\n\n")).toBe(true);
    expect((await kubectl(fake, "kubectl explain pods.spec.nope")).text).toBe('error: field "nope" does not exist\n');
    expect((await kubectl(fake, "kubectl explain foo")).text).toBe('error: the server doesn\'t have a resource type "foo"\n');
  });
});
