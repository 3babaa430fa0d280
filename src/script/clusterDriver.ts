/**
 * Drives a simulated cluster for the interpreter: kubectl's transport (each request runs the
 * simulation until its response arrives; sleep advances the clock) and the `sim` controls.
 */
import type { ClusterTransport } from "../kubectl";
import type { ApiResponse, Cluster } from "../sim";
import type { SimCommand, SimControl } from "./simCommand";

/** kubectl's view of the cluster: each request drives the simulation until its response arrives. */
export function transportFor(cluster: Cluster): ClusterTransport {
  return {
    request(req) {
      return new Promise<ApiResponse>((resolvePromise) => {
        let response: ApiResponse | undefined;
        cluster.request(req, (r) => (response = r));
        while (!response && cluster.step()) {
          /* the kernel runs until the response is delivered */
        }
        resolvePromise(
          response ?? {
            ok: false,
            status: 0,
            error: {
              apiVersion: "v1",
              kind: "Status",
              status: "Failure",
              reason: "",
              message: "connection refused",
              code: 0,
            },
          },
        );
      });
    },
    watch: (req, onEvent) => cluster.watch(req, onEvent),
    async sleep(ms) {
      cluster.advance(ms);
    },
    now: () => cluster.now(),
  };
}

export function simControlFor(cluster: Cluster, bootedAt: number): SimControl {
  return {
    elapsed: () => cluster.now() - bootedAt,
    async run(cmd: SimCommand): Promise<string> {
      switch (cmd.type) {
        case "node":
          return cluster.inject({ type: `node-${cmd.action}`, node: cmd.node });
        case "node-add":
          return cluster.inject({ type: "node-add", ...(cmd.node ? { node: cmd.node } : {}) });
        case "component":
          return cluster.inject({ type: `component-${cmd.action}`, component: cmd.component });
        case "pod-crash":
          return cluster.inject({ type: "pod-crash", namespace: cmd.namespace, name: cmd.name });
        case "settle":
          cluster.settle(cmd.maxMs);
          return "";
        case "request":
          throw new Error("sim request is not available in this build");
        case "time":
          return "";
      }
    },
  };
}
