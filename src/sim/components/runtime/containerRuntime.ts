/**
 * The container runtime of one node (containerd 2.x) as the kubelet sees it through CRI. Every
 * call is a request message kubelet → runtime and a reply runtime → kubelet (kind "cri"); the
 * result reaches the kubelet's callback when the reply arrives. Containers run simulated
 * processes on the kernel's clock; their exits are reported to `onContainerExit` listeners
 * (the kubelet's PLEG) at the moment they happen.
 */
import type { ContainerConfig, ContainerInfo, CreateResult, ExecResult, StartResult } from "./criTypes";
import { startProcess } from "./process";
import { RuntimeCore } from "./runtimeCore";

export { CONTAINERD_VERSION, PAUSE_IMAGE, DEFAULT_RUNTIME_TIMINGS, type RuntimeOptions, type RuntimeTimings } from "./runtimeCore";

export class ContainerRuntime extends RuntimeCore {

  /** CRI CreateContainer, in a ready sandbox, from an image on the node. */
  createContainer(sandboxId: string, config: ContainerConfig, cb: (r: CreateResult) => void): void {
    const sb = this.sandboxes.get(sandboxId);
    const ctx = sb ? { namespace: sb.config.namespace, name: sb.config.podName } : {};
    this.call<CreateResult>(
      "CreateContainer",
      ctx,
      () => [`CreateContainer ${config.name}`, `The kubelet asks containerd to create container ${config.name} from ${config.image}.`],
      (reply) => {
        const epoch = this.epoch;
        const s = this.sandboxes.get(sandboxId);
        const image = this.localImage(config.image);
        if (!s || s.state !== "ready" || !image) {
          const error = !s || s.state !== "ready" ? `failed to create containerd container: sandbox ${sandboxId} is not ready` : `failed to create containerd container: failed to get image "${config.image}": not found`;
          reply({ ok: false, error }, () => [`CreateContainer ${config.name}: failed`, error]);
          return;
        }
        this.later(this.timings.createMs, epoch, () => {
          const id = this.newId();
          const c = s.config;
          const info: ContainerInfo = {
            id,
            containerID: `containerd://${id}`,
            sandboxId,
            podName: c.podName,
            namespace: c.namespace,
            podUid: c.podUid,
            name: config.name,
            attempt: config.attempt ?? 0,
            image: image.repoTags[0],
            imageRef: image.repoDigests[0],
            state: "created",
            createdAt: this.kernel.now,
          };
          // Every field in the literal: a record keeps its shape when its process starts or stops.
          this.records.set(id, { info, config, process: undefined, killTimer: undefined, stopWaiters: undefined });
          reply({ ok: true, containerId: id }, () => [`CreateContainer ${config.name}: ${id.slice(0, 13)}`, `containerd created container ${config.name} (${id.slice(0, 13)}).`]);
        });
      },
      cb,
    );
  }

  /** CRI StartContainer: starts its process. Fails (StartError, exit 128) if the command cannot run. */
  startContainer(containerId: string, cb: (r: StartResult) => void): void {
    const { ctx, name } = this.about(containerId);
    this.call<StartResult>(
      "StartContainer",
      ctx,
      () => [`StartContainer ${name}`, `The kubelet asks containerd to start container ${name}.`],
      (reply) => {
        const epoch = this.epoch;
        this.later(this.timings.startMs, epoch, () => {
          const rec = this.records.get(containerId);
          const sb = rec ? this.sandboxes.get(rec.info.sandboxId) : undefined;
          const image = rec ? this.localImage(rec.config.image) : undefined;
          if (!rec || !sb || !image || rec.info.state !== "created") {
            const error = `failed to start container "${containerId}": container is not in created state`;
            reply({ ok: false, error }, () => [`StartContainer ${name}: failed`, error]);
            return;
          }
          const info = rec.info;
          const cfg = rec.config;
          const started = startProcess(
            { image: image.image, command: cfg.command, args: cfg.args, env: cfg.env, hostname: sb.config.podName, podIP: sb.config.podIP, memoryLimitBytes: cfg.memoryLimitBytes, declaredPorts: cfg.ports, cpus: this.cpus },
            this.scheduler,
            this.exitHandler(rec),
          );
          if ("message" in started) {
            Object.assign(info, { state: "exited", exitCode: 128, reason: "StartError", message: started.message, startedAt: this.kernel.now, finishedAt: this.kernel.now });
            reply({ ok: false, error: started.message }, () => [`StartContainer ${name}: StartError`, `containerd could not start ${name}: its command is not in the image.`]);
            return;
          }
          rec.process = started;
          info.state = "running";
          info.startedAt = this.kernel.now;
          reply({ ok: true }, () => [`StartContainer ${name}: running`, `Container ${name} is running (${started.description}).`]);
        });
      },
      cb,
    );
  }

  /** CRI StopContainer: the image's stop signal, then SIGKILL after `timeoutSeconds` (the grace period). */
  stopContainer(containerId: string, timeoutSeconds: number, cb: (ok: boolean) => void): void {
    const { ctx, name } = this.about(containerId);
    this.call<boolean>(
      "StopContainer",
      ctx,
      () => [`StopContainer ${name} (${timeoutSeconds}s)`, `The kubelet asks containerd to stop ${name}, allowing ${timeoutSeconds}s before SIGKILL.`],
      (reply) => {
        const epoch = this.epoch;
        const rec = this.records.get(containerId);
        const done = () =>
          this.later(this.timings.stopMs, epoch, () =>
            reply(rec !== undefined, () => [`StopContainer ${name}: exited ${rec?.info.exitCode ?? ""}`.trim(), rec ? `${name} exited with code ${rec.info.exitCode ?? 0}.` : `There is no container ${name}.`]),
          );
        const proc = rec?.process;
        if (!rec || !proc || rec.info.state !== "running") {
          done();
          return;
        }
        (rec.stopWaiters ??= []).push(done);
        if (timeoutSeconds <= 0) {
          proc.signal("SIGKILL");
          return;
        }
        proc.signal("SIGTERM");
        if (proc.running && !rec.killTimer) rec.killTimer = this.kernel.after(timeoutSeconds * 1000, () => proc.signal("SIGKILL"));
      },
      cb,
    );
  }

  /** CRI RemoveContainer: forgets it (and its logs). */
  removeContainer(containerId: string, cb: (ok: boolean) => void): void {
    const { ctx, name } = this.about(containerId);
    this.call<boolean>(
      "RemoveContainer",
      ctx,
      () => [`RemoveContainer ${name}`, `The kubelet asks containerd to remove the old container ${name}.`],
      (reply) => {
        const epoch = this.epoch;
        this.later(this.timings.removeMs, epoch, () => {
          const rec = this.records.get(containerId);
          if (rec) this.quietly(() => rec.process?.signal("SIGKILL"));
          this.records.delete(containerId);
          reply(rec !== undefined, () => [`RemoveContainer ${name}: ${rec ? "removed" : "not found"}`, rec ? `Container ${name} is removed.` : `There is no container ${name}.`]);
        });
      },
      cb,
    );
  }

  /** CRI ContainerStatus. */
  containerStatus(containerId: string, cb: (info: ContainerInfo | undefined) => void): void {
    const { ctx, name } = this.about(containerId);
    this.call<ContainerInfo | undefined>(
      "ContainerStatus",
      ctx,
      () => [`ContainerStatus ${name}`, `The kubelet asks containerd for the state of ${name}.`],
      (reply) => {
        const info = this.container(containerId);
        reply(info, () => [`ContainerStatus ${name}: ${info?.state ?? "not found"}`, info ? `${name} is ${info.state}.` : `There is no container ${name}.`]);
      },
      cb,
    );
  }

  /** CRI ExecSync (exec probes, `kubectl exec`): runs a command in a running container. */
  execSync(containerId: string, cmd: readonly string[], timeoutSeconds: number, cb: (r: ExecResult) => void): void {
    const { ctx, name } = this.about(containerId);
    const line = cmd.join(" ");
    this.call<ExecResult>(
      "ExecSync",
      ctx,
      () => [`ExecSync ${name}: ${line}`, `The kubelet asks containerd to run \`${line}\` inside ${name}.`],
      (reply) => {
        const epoch = this.epoch;
        this.later(this.timings.execMs, epoch, () => {
          const proc = this.records.get(containerId)?.process;
          let result: ExecResult;
          if (!proc || !proc.running) result = { kind: "error", message: "container is not created or running" };
          else {
            const out = proc.exec(cmd, timeoutSeconds * 1000);
            if (out.kind === "exited") result = out;
            else if (out.kind === "timeout") result = { kind: "timeout", timeoutSeconds };
            else result = { kind: "error", message: `OCI runtime exec failed: exec failed: unable to start container process: exec: "${out.command}": executable file not found in $PATH: unknown` };
          }
          reply(result, () => [`ExecSync ${name}: ${result.kind === "exited" ? `exit ${result.exitCode}` : result.kind}`, result.kind === "exited" ? `\`${line}\` exited with ${result.exitCode}.` : `\`${line}\` did not run to completion.`]);
        });
      },
      cb,
    );
  }

}
