// Dispatch and cobra's errors as kubectl v1.34 prints them: `error: unknown command "x" for "kubectl"`,
// `error: unknown flag: --x` + `See 'kubectl get --help' for usage.` (component-base/cli, cmd/kubectl).
import { describe, expect, it } from "vitest";
import { FakeTransport, kubectl } from "./testing";

describe("kubectl command line", () => {
  it("rejects unknown commands with cobra's suggestions", async () => {
    const fake = new FakeTransport();
    expect(await kubectl(fake, "kubectl frobnicate")).toMatchObject({ code: 1, text: 'error: unknown command "frobnicate" for "kubectl"\n' });
    expect((await kubectl(fake, "kubectl gte pods")).text).toBe('error: unknown command "gte" for "kubectl"\n\nDid you mean this?\n\tget\n');
    expect((await kubectl(fake, "kubectl lable pods")).text).toBe('error: unknown command "lable" for "kubectl"\n\nDid you mean this?\n\tlabel\n');
    expect((await kubectl(fake, "kubectl appy -f x.yaml")).text).toBe('error: unknown command "appy" for "kubectl"\n\nDid you mean this?\n\tapply\n');
  });
  it("finds the command after global flags", async () => {
    const fake = new FakeTransport();
    const r = await kubectl(fake, "kubectl -n kube-system get pods");
    expect(r.text).toBe("No resources found in kube-system namespace.\n");
    expect(fake.requests[0]).toMatchObject({ verb: "list", resource: "pods", namespace: "kube-system" });
  });
  it("reports flag errors with the usage hint", async () => {
    const fake = new FakeTransport();
    expect((await kubectl(fake, "kubectl get pods --frob")).text).toBe("error: unknown flag: --frob\nSee 'kubectl get --help' for usage.\n");
    expect((await kubectl(fake, "kubectl get pods -z")).text).toBe("error: unknown shorthand flag: 'z' in -z\nSee 'kubectl get --help' for usage.\n");
    expect((await kubectl(fake, "kubectl create deployment web")).text).toBe('error: required flag(s) "image" not set\n');
    // the root command parses its flags too, before it finds nothing to run
    expect((await kubectl(fake, "kubectl -n")).text).toBe("error: flag needs an argument: 'n' in -n\nSee 'kubectl --help' for usage.\n");
    expect((await kubectl(fake, "kubectl --frob")).text).toBe("error: unknown flag: --frob\nSee 'kubectl --help' for usage.\n");
  });
  it("reports unknown resource types", async () => {
    const r = await kubectl(new FakeTransport(), "kubectl get foo");
    expect(r).toMatchObject({ code: 1, text: 'error: the server doesn\'t have a resource type "foo"\n' });
  });
  it("prints the connection error when kube-apiserver is down", async () => {
    const fake = new FakeTransport();
    fake.down = true;
    const r = await kubectl(fake, "kubectl get pods");
    expect(r).toMatchObject({ code: 1, text: "The connection to the server 192.168.49.2:6443 was refused - did you specify the right host or port?\n" });
  });
  it("reports unterminated quotes instead of throwing", async () => {
    expect((await kubectl(new FakeTransport(), `kubectl get "pods`)).text).toBe("error: unterminated quoted string\n");
  });
  it("rejects unknown subcommands of command groups", async () => {
    const r = await kubectl(new FakeTransport(), "kubectl rollout frob web");
    expect(r.text).toBe(`error: unknown command "frob web"\nSee 'kubectl rollout -h' for help and examples\n`);
  });
});
