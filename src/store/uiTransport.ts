import type { ClusterTransport } from "../kubectl/transport";
import type { ApiRequest, ApiResponse } from "../sim/components/apiserver/request";
import type { Session } from "./session";
import { appStore, currentSession } from "./session";

const REFUSED: ApiResponse = {
  ok: false,
  status: 0,
  error: { apiVersion: "v1", kind: "Status", status: "Failure", reason: "", message: "connection refused", code: 0 },
};

/**
 * kubectl's transport in the app. Unlike the CLI's (which runs the simulation until each
 * response arrives), this one only sends: the frame loop moves the cluster at the chosen speed,
 * so every request is seen travelling on the diagram. `sleep` waits for cluster time to pass,
 * so a paused cluster pauses kubectl too. A "Reset cluster" ends every pending wait.
 */
export function uiTransport(session: Session, signal?: AbortSignal): ClusterTransport {
  const { cluster } = session;
  // Ctrl+C (the signal) or a new session ends every wait, even on a paused cluster.
  const gone = () => currentSession() !== session || signal?.aborted === true;
  const watchEnd = (check: () => void) => {
    const off = appStore.subscribe(check);
    signal?.addEventListener("abort", check);
    return () => {
      off();
      signal?.removeEventListener("abort", check);
    };
  };
  return {
    request(req: ApiRequest): Promise<ApiResponse> {
      if (gone()) return Promise.resolve(REFUSED);
      return new Promise((resolve) => {
        let done = false;
        const finish = (res: ApiResponse) => {
          if (done) return;
          done = true;
          off();
          resolve(res);
        };
        const off = watchEnd(() => {
          if (gone()) finish(REFUSED);
        });
        cluster.request(req, finish);
      });
    },
    watch: (req, onEvent) => cluster.watch(req, onEvent),
    sleep(ms: number): Promise<void> {
      const until = cluster.now() + ms;
      if (ms <= 0 || gone()) return Promise.resolve();
      return new Promise((resolve) => {
        const off = watchEnd(() => {
          if (cluster.now() >= until || gone()) {
            off();
            resolve();
          }
        });
      });
    },
    now: () => cluster.now(),
  };
}
