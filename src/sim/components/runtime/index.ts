/**
 * The node-local machinery under the kubelet: the container runtime (containerd 2.x over CRI),
 * the image registry, the simulated processes that run in containers, probes and back-off.
 *
 * ## Wiring (cluster.ts)
 *   const registry = new Registry(kernel);                          // one per cluster, id "registry"
 *   const rt = new ContainerRuntime({ kernel, node: "worker-1", registry, cpus: 4,
 *     preloadImages: [...] });                                       // id "container-runtime@worker-1"
 *   Timings: DEFAULT_REGISTRY_TIMINGS / DEFAULT_RUNTIME_TIMINGS, overridable per profile.
 *
 * ## CRI (each call = message kubelet@node → container-runtime@node and a reply, kind "cri";
 * the callback runs when the reply reaches the kubelet; nothing is answered while powered off)
 *   rt.imageStatus(image, cb(ImageInfo|undefined))      — kubelet checks presence (IfNotPresent)
 *   rt.pullImage(image, cb(PullResult), ctx?)           — always asks the registry (kind "pull");
 *       downloads layers unless present; concurrent pulls of one image on a node coalesce.
 *       PullResult: {ok, imageRef, image, pullMs} | {ok:false, error, reason: ErrImagePull|InvalidImageName}
 *   rt.runPodSandbox({podName, namespace, podUid, podIP}, cb({ok, sandboxId}|{ok:false,error}))
 *       — pulls registry.k8s.io/pause:3.10.1 first if absent (pinned).
 *   rt.createContainer(sandboxId, {name, image, command?, args?, env?, memoryLimitBytes?, ports?, attempt?}, cb)
 *   rt.startContainer(id, cb({ok}|{ok:false,error}))    — StartError (exit 128) if argv[0] is not in the image
 *   rt.stopContainer(id, graceSeconds, cb)              — stop signal, SIGKILL after the grace period
 *   rt.removeContainer(id, cb) · rt.containerStatus(id, cb) · rt.stopPodSandbox · rt.removePodSandbox
 *   rt.execSync(id, cmd, timeoutSeconds, cb(ExecResult)) — exec probes, kubectl exec
 *
 * ## Local reads (no message)
 *   rt.container(id) / rt.containersOf(podUid): ContainerInfo (state, exitCode, reason,
 *     containerID "containerd://…", image, imageRef, startedAt/finishedAt in virtual ms)
 *   rt.process(id): Process — listening(port), http(req), memoryBytes() (probes, data path)
 *   rt.logs(id): LogLine[] {at, stream, text} — kubectl logs (exited containers keep theirs
 *     until removed: `--previous`); rfc3339Nano(at) for --timestamps
 *   rt.hasImage(image), rt.images(), rt.statusImages() (Node.status.images)
 *   rt.onContainerExit(listener) — every exit of a started container (crash, completion, OOM,
 *     stop), synchronously when it happens: the kubelet's PLEG decides when to react.
 * ## Faults
 *   rt.crashContainer(id, code) · rt.powerOff() / rt.powerOn() · registry.setAvailable(false)
 *
 * ## What runs in a container (process/launch.ts)
 *   argv = command ?? ENTRYPOINT, + args ?? CMD. The image's server binary → a server (listens on
 *   its ports after readyAfterMs, access logs, graceful stop); `sh -c` or a subset command → the
 *   shell interpreter over virtual time (sleep/echo/exit/…); anything else runs until stopped.
 *   Shell PID 1 ignores SIGTERM (killed at the grace period, 137) unless it has `trap … TERM`,
 *   which runs once the foreground command returns. busybox/alpine have no bash. Memory limit below the
 *   image's base use, `stress --vm-bytes` above it, or `tail /dev/zero` → OOMKilled (137).
 *   Process sleeps are background timers by default (they do not keep the cluster "busy").
 *
 * ## Images (images.ts)
 *   Catalogued images know their tags (`nginx:doesnotexist` → not found). Uncatalogued names
 *   exist (size derived from the name) except obvious fakes (`doesnotexist`, `fake`, `bogus`,
 *   `invalid`, `missing`, …) and typos of catalogued official images (`ngnix`), which fail
 *   with Docker Hub's "pull access denied" text. They run as an app listening on the pod's
 *   declared containerPorts, answering 200 on every path.
 */
export { ContainerRuntime, CONTAINERD_VERSION, PAUSE_IMAGE, DEFAULT_RUNTIME_TIMINGS, type RuntimeOptions, type RuntimeTimings } from "./containerRuntime";
export type { ContainerConfig, ContainerInfo, ContainerState, CreateResult, ExecResult, ImageInfo, PullResult, SandboxConfig, SandboxInfo, SandboxResult, StartResult } from "./criTypes";
export { Registry, REGISTRY_ID, DEFAULT_REGISTRY_TIMINGS, formatMegabytes, type RegistryTimings } from "./registry";
export { parseImageReference, familiarName, type ImageReference, type ParsedReference } from "./imageReference";
export { resolveImage, type Resolution } from "./images";
export { CATALOG, catalogEntry } from "./imageCatalog";
export type { ResolvedImage, ImageBehaviour } from "./imageTypes";
export {
  formatGoDuration,
  pullingMessage,
  pulledMessage,
  alreadyPresentMessage,
  failedToPullMessage,
  errorReasonMessage,
  backOffPullingMessage,
  imagePullBackOffWaitingMessage,
  invalidImageNameMessage,
  neverPullMessage,
} from "./imageMessages";
export { Backoff, BACKOFF_INITIAL_MS, BACKOFF_MAX_MS, podDescriptor, backOffRestartingMessage, crashLoopWaitingMessage } from "./backoff";
export {
  runProbe,
  probeHttpGet,
  probeTcpSocket,
  execProbeOutcome,
  unhealthyMessage,
  probeKillMessage,
  resolveProbePort,
  PROBE_DEFAULTS,
  PROBE_USER_AGENT,
  type ProbeType,
  type ProbeOutcome,
  type ProbeResult,
  type ProbeTarget,
  type ExecFn,
} from "./probes";
export { rfc3339Nano, MAX_LOG_LINES, type LogLine, type Process, type HttpRequest, type HttpOutcome, type ExitReason } from "./process";
