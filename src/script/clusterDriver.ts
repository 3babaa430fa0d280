/**
 * Drives a simulated cluster for the interpreter: kubectl's transport (each request runs the
 * simulation until its response arrives; sleep advances the clock) and the `sim` controls.
 */
import type { ClusterTransport } from "../kubectl";
import type { ApiResponse, Cluster, RequestOptions, RequestResult } from "../sim";
import { formatCurl } from "../sim";
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
          return sendRequest(cluster, cmd);
        case "time":
          return "";
      }
    },
  };
}

/** The data path, when the cluster has one (ClusterImpl.sendRequest). */
interface DataPath {
  sendRequest(opts: RequestOptions, cb: (r: RequestResult) => void): void;
}
function hasDataPath(c: Cluster): c is Cluster & DataPath {
  return typeof (c as Partial<DataPath>).sendRequest === "function";
}

/**
 * `sim request [--from [NS/]POD] URL`: one request through the data path, run until curl would
 * print. Prints each hop (`from → to: what`), then what curl prints.
 */
function sendRequest(cluster: Cluster, cmd: Extract<SimCommand, { type: "request" }>): string {
  if (!hasDataPath(cluster)) throw new Error("sim request is not available in this build");
  const from = cmd.from === undefined ? undefined : parsePodRef(cmd.from);
  let result: RequestResult | undefined;
  cluster.sendRequest({ url: cmd.url, ...(from ? { from } : {}) }, (r) => (result = r));
  while (!result && cluster.step()) {
    /* the kernel runs until curl has its answer (or gives up) */
  }
  if (!result) throw new Error("the request never completed");
  const hops = result.hops.map((h) => `${h.from} → ${h.to}: ${h.what}`);
  const curl = formatCurl(result).replace(/\n$/, "");
  return [...hops, curl].join("\n");
}

/** `web-1` (namespace default) or `kube-system/coredns-…`. */
function parsePodRef(ref: string): { namespace: string; pod: string } {
  const slash = ref.indexOf("/");
  return slash < 0 ? { namespace: "default", pod: ref } : { namespace: ref.slice(0, slash), pod: ref.slice(slash + 1) };
}
