import type { ApiRequest, ApiResponse } from "../sim/components/apiserver/request";
import { appStore, currentSession } from "./session";
import { whenSession } from "./sessionWatch";
import { isSpeed, nextSpeed, type Speed } from "./slices/playbackSlice";

// Module-level actions: the UI calls these, never setState directly.

export function play(): void {
  appStore.setState({ playing: true, focusSeq: null });
}

export function pause(): void {
  appStore.setState({ playing: false });
}

export function togglePlay(): void {
  if (appStore.getState().playing) pause();
  else play();
}

export function setSpeed(speed: number): void {
  if (isSpeed(speed)) appStore.setState({ speed });
}

export function changeSpeed(dir: 1 | -1): void {
  appStore.setState((s) => ({ speed: nextSpeed(s.speed, dir) as Speed }));
}

export function setSmart(smart: boolean): void {
  appStore.setState({ smart });
}

export function stepHop(): void {
  currentSession()?.driver.step(performance.now());
}

export function select(id: string | null): void {
  appStore.setState({ selected: id });
}

export function selectMark(id: string | null): void {
  appStore.setState({ selectedMark: id });
}

/**
 * Sends a request as the user's kubectl would; resolves with kube-apiserver's response. While
 * the cluster is still starting the request waits for it (the page shows the cluster before it is up).
 */
export function kubectlRequest(req: ApiRequest): Promise<ApiResponse> {
  return whenSession().then((session) => new Promise((resolve) => session.cluster.request({ fieldManager: "kubectl-client-side-apply", ...req }, resolve)));
}
