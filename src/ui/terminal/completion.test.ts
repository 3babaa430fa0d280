import { describe, expect, it } from "vitest";
import { completeLine, type CompletionContext } from "./completion";

const ctx: CompletionContext = {
  names: (resource, ns) =>
    ({
      pods: ns === "kube-system" ? ["etcd-control-plane", "kube-proxy-abcde"] : ["nginx-7c5ddbdf54-x2k9p", "nginx-7c5ddbdf54-b8z4q", "crash"],
      nodes: ["control-plane", "worker-1", "worker-2"],
      deployments: ["nginx"],
      namespaces: ["default", "kube-system"],
    })[resource] ?? [],
  files: ["nginx.yaml", "crashloop.yaml", "editor.yaml"],
  components: ["kube-apiserver", "kube-scheduler"],
};

describe("completeLine", () => {
  it("completes commands and kubectl subcommands", () => {
    expect(completeLine("kub", ctx)).toEqual({ line: "kubectl ", options: [] });
    expect(completeLine("kubectl ge", ctx)).toEqual({ line: "kubectl get ", options: [] });
    expect(completeLine("kubectl de", ctx).options).toEqual(["delete", "describe"]);
  });

  it("completes resource types, then object names of that type", () => {
    expect(completeLine("kubectl get deploy", ctx).line).toBe("kubectl get deploy");
    expect(completeLine("kubectl get deploy", ctx).options).toEqual(["deployment", "deployments", "deploy"].sort());
    expect(completeLine("kubectl get pods ng", ctx)).toEqual({ line: "kubectl get pods nginx-7c5ddbdf54-", options: [] });
    expect(completeLine("kubectl describe po cr", ctx).line).toBe("kubectl describe po crash ");
    expect(completeLine("kubectl get pods -n kube-system et", ctx).line).toBe("kubectl get pods -n kube-system etcd-control-plane ");
  });

  it("completes files for -f, namespaces for -n and pods for logs", () => {
    expect(completeLine("kubectl apply -f cr", ctx).line).toBe("kubectl apply -f crashloop.yaml ");
    expect(completeLine("kubectl get pods -n kube-", ctx).line).toBe("kubectl get pods -n kube-system ");
    expect(completeLine("kubectl logs cra", ctx).line).toBe("kubectl logs crash ");
  });

  it("completes sim commands with node and component names", () => {
    expect(completeLine("sim n", ctx).line).toBe("sim node ");
    expect(completeLine("sim node st", ctx).options).toEqual(["start", "stop"]);
    expect(completeLine("sim node stop worker-", ctx).options).toEqual(["worker-1", "worker-2"]);
    expect(completeLine("sim component stop kube-s", ctx).line).toBe("sim component stop kube-scheduler ");
  });

  it("leaves the line alone when nothing fits", () => {
    expect(completeLine("kubectl get pods zzz", ctx)).toEqual({ line: "kubectl get pods zzz", options: [] });
  });
});
