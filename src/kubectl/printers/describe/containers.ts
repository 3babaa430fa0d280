/** Containers, volumes and pod templates in describe output (describe.go describeContainers & co). */
import type {
  Container,
  ContainerPort,
  ContainerState,
  ContainerStatus,
  PodTemplateSpec,
  Probe,
  TopologySpreadConstraint,
} from "../../../sim/api/types";
import { formatLabelSelector, formatRFC1123Z } from "../../format";
import { DescribeWriter, LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3 } from "./describeWriter";
import { printLabelsMultiline, printAnnotationsMultiline, printTolerationsMultiline } from "./fields";

/** Fields of core/v1 the sim's types leave out but describe prints when present. */
interface VolumeMount {
  name: string;
  mountPath: string;
  readOnly?: boolean;
  subPath?: string;
}
export interface Volume {
  name: string;
  projected?: {
    sources: {
      serviceAccountToken?: { expirationSeconds?: number };
      configMap?: { name: string; optional?: boolean };
      downwardAPI?: unknown;
      secret?: { name: string; optional?: boolean };
    }[];
  };
  configMap?: { name: string; optional?: boolean };
  secret?: { secretName: string; optional?: boolean };
  emptyDir?: { medium?: string; sizeLimit?: string };
  hostPath?: { path: string; type?: string };
}
type ContainerWithMounts = Container & { volumeMounts?: VolumeMount[] };

function portString(ports: readonly ContainerPort[], host: boolean): string {
  return ports
    .map((p) => {
      const s = `${host ? (p.hostPort ?? 0) : p.containerPort}/${p.protocol ?? "TCP"}`;
      return p.name ? `${s} (${p.name})` : s;
    })
    .join(", ");
}

/** DescribeProbe: `http-get http://:8080/healthz delay=0s timeout=1s period=10s #success=1 #failure=3`. */
export function describeProbe(p: Probe): string {
  const attrs = `delay=${p.initialDelaySeconds ?? 0}s timeout=${p.timeoutSeconds ?? 1}s period=${p.periodSeconds ?? 10}s #success=${p.successThreshold ?? 1} #failure=${p.failureThreshold ?? 3}`;
  if (p.exec) return `exec [${p.exec.command.join(" ")}] ${attrs}`;
  if (p.httpGet) {
    const scheme = (p.httpGet.scheme ?? "HTTP").toLowerCase();
    return `http-get ${scheme}://:${p.httpGet.port}${p.httpGet.path ?? ""} ${attrs}`;
  }
  if (p.tcpSocket) return `tcp-socket :${p.tcpSocket.port} ${attrs}`;
  return `unknown ${attrs}`;
}

function describeState(w: DescribeWriter, name: string, state: ContainerState): void {
  if (state.running) {
    w.write(LEVEL_2, `${name}:\tRunning\n`);
    w.write(LEVEL_3, `Started:\t${formatRFC1123Z(state.running.startedAt)}\n`);
  } else if (state.waiting) {
    w.write(LEVEL_2, `${name}:\tWaiting\n`);
    if (state.waiting.reason) w.write(LEVEL_3, `Reason:\t${state.waiting.reason}\n`);
  } else if (state.terminated) {
    const t = state.terminated;
    w.write(LEVEL_2, `${name}:\tTerminated\n`);
    if (t.reason) w.write(LEVEL_3, `Reason:\t${t.reason}\n`);
    if (t.message) w.write(LEVEL_3, `Message:\t${t.message}\n`);
    w.write(LEVEL_3, `Exit Code:\t${t.exitCode}\n`);
    w.write(LEVEL_3, `Started:\t${formatRFC1123Z(t.startedAt)}\n`);
    w.write(LEVEL_3, `Finished:\t${formatRFC1123Z(t.finishedAt)}\n`);
  } else {
    w.write(LEVEL_2, `${name}:\tWaiting\n`);
  }
}

function describeResources(w: DescribeWriter, level: number, r: Container["resources"]): void {
  for (const [title, list] of [
    ["Limits", r?.limits],
    ["Requests", r?.requests],
  ] as const) {
    const names = Object.keys(list ?? {}).sort();
    if (names.length > 0) w.write(level, `${title}:\n`);
    for (const n of names) w.write(level + 1, `${n}:\t${list![n]}\n`);
  }
}

export function describeContainers(
  w: DescribeWriter,
  label: string,
  containers: readonly Container[],
  statuses: readonly ContainerStatus[] | undefined,
  space: string,
): void {
  const byName = new Map((statuses ?? []).map((s) => [s.name, s]));
  w.write(LEVEL_0, `${space}${label}:${containers.length === 0 ? " <none>" : ""}\n`);
  const nameIndent = space.length > 0 ? " " : "";
  for (const c of containers as readonly ContainerWithMounts[]) {
    const st = statuses ? byName.get(c.name) : undefined;
    w.write(LEVEL_1, `${nameIndent}${c.name}:\n`);
    if (st) w.write(LEVEL_2, `Container ID:\t${st.containerID ?? ""}\n`);
    w.write(LEVEL_2, `Image:\t${c.image}\n`);
    if (st) w.write(LEVEL_2, `Image ID:\t${st.imageID}\n`);
    const ports = portString(c.ports ?? [], false);
    w.write(LEVEL_2, ports.includes(",") ? `Ports:\t${ports}\n` : `Port:\t${ports || "<none>"}\n`);
    const hostPorts = portString(c.ports ?? [], true);
    w.write(
      LEVEL_2,
      hostPorts.includes(",") ? `Host Ports:\t${hostPorts}\n` : `Host Port:\t${hostPorts || "<none>"}\n`,
    );
    if (c.command?.length) {
      w.write(LEVEL_2, "Command:\n");
      for (const s of c.command.flatMap((x) => x.split("\n"))) w.write(LEVEL_3, `${s}\n`);
    }
    if (c.args?.length) {
      w.write(LEVEL_2, "Args:\n");
      for (const s of c.args.flatMap((x) => x.split("\n"))) w.write(LEVEL_3, `${s}\n`);
    }
    if (st) {
      describeState(w, "State", st.state);
      if (st.lastState?.terminated) describeState(w, "Last State", st.lastState);
      w.write(LEVEL_2, `Ready:\t${st.ready ? "True" : "False"}\n`);
      w.write(LEVEL_2, `Restart Count:\t${st.restartCount}\n`);
    }
    describeResources(w, LEVEL_2, c.resources);
    if (c.livenessProbe) w.write(LEVEL_2, `Liveness:\t${describeProbe(c.livenessProbe)}\n`);
    if (c.readinessProbe) w.write(LEVEL_2, `Readiness:\t${describeProbe(c.readinessProbe)}\n`);
    if (c.startupProbe) w.write(LEVEL_2, `Startup:\t${describeProbe(c.startupProbe)}\n`);
    const env = c.env ?? [];
    w.write(LEVEL_2, `Environment:${env.length === 0 ? "\t<none>" : ""}\n`);
    for (const e of env) {
      (e.value ?? "")
        .split("\n")
        .forEach((s, i) => w.write(LEVEL_3, i === 0 ? `${e.name}:\t${s}\n` : `\t${s}\n`));
    }
    const mounts = [...(c.volumeMounts ?? [])].sort((a, b) =>
      a.mountPath < b.mountPath ? -1 : a.mountPath > b.mountPath ? 1 : 0,
    );
    w.write(LEVEL_2, `Mounts:${mounts.length === 0 ? "\t<none>" : ""}\n`);
    for (const m of mounts) {
      const flags = [m.readOnly ? "ro" : "rw", ...(m.subPath ? [`path="${m.subPath}"`] : [])];
      w.write(LEVEL_3, `${m.mountPath} from ${m.name} (${flags.join(",")})\n`);
    }
  }
}

export function describeVolumes(
  w: DescribeWriter,
  volumes: readonly Volume[] | undefined,
  space: string,
): void {
  if (!volumes || volumes.length === 0) {
    w.write(LEVEL_0, `${space}Volumes:\t<none>\n`);
    return;
  }
  w.write(LEVEL_0, `${space}Volumes:\n`);
  const nameIndent = space.length > 0 ? " " : "";
  for (const v of volumes) {
    w.write(LEVEL_1, `${nameIndent}${v.name}:\n`);
    if (v.hostPath) {
      w.write(
        LEVEL_2,
        `Type:\tHostPath (bare host directory volume)\n    Path:\t${v.hostPath.path}\n    HostPathType:\t${v.hostPath.type || "<none>"}\n`,
      );
    } else if (v.emptyDir) {
      w.write(
        LEVEL_2,
        `Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n    Medium:\t${v.emptyDir.medium ?? ""}\n    SizeLimit:\t${v.emptyDir.sizeLimit || "<unset>"}\n`,
      );
    } else if (v.secret) {
      w.write(
        LEVEL_2,
        `Type:\tSecret (a volume populated by a Secret)\n    SecretName:\t${v.secret.secretName}\n    Optional:\t${v.secret.optional === true}\n`,
      );
    } else if (v.configMap) {
      w.write(
        LEVEL_2,
        `Type:\tConfigMap (a volume populated by a ConfigMap)\n    Name:\t${v.configMap.name}\n    Optional:\t${v.configMap.optional === true}\n`,
      );
    } else if (v.projected) {
      w.write(LEVEL_2, "Type:\tProjected (a volume that contains injected data from multiple sources)\n");
      for (const s of v.projected.sources) {
        if (s.secret)
          w.write(LEVEL_2, `SecretName:\t${s.secret.name}\n    Optional:\t${s.secret.optional === true}\n`);
        else if (s.downwardAPI) w.write(LEVEL_2, "DownwardAPI:\ttrue\n");
        else if (s.configMap)
          w.write(
            LEVEL_2,
            `ConfigMapName:\t${s.configMap.name}\n    Optional:\t${s.configMap.optional === true}\n`,
          );
        else if (s.serviceAccountToken)
          w.write(LEVEL_2, `TokenExpirationSeconds:\t${s.serviceAccountToken.expirationSeconds ?? 3607}\n`);
      }
    } else {
      w.write(LEVEL_1, "<unknown>\n");
    }
  }
}

/** DescribePodTemplate, as deployments, replicasets and daemonsets print it. */
export function describePodTemplate(w: DescribeWriter, template: PodTemplateSpec): void {
  w.write(LEVEL_0, "Pod Template:\n");
  printLabelsMultiline(w, "  Labels", template.metadata?.labels);
  const annotations = template.metadata?.annotations;
  if (annotations && Object.keys(annotations).length > 0)
    printAnnotationsMultiline(w, "  Annotations", annotations);
  if (template.spec.serviceAccountName)
    w.write(LEVEL_1, `Service Account:\t${template.spec.serviceAccountName}\n`);
  if (template.spec.initContainers?.length)
    describeContainers(w, "Init Containers", template.spec.initContainers, undefined, "  ");
  describeContainers(w, "Containers", template.spec.containers, undefined, "  ");
  describeVolumes(w, (template.spec as { volumes?: Volume[] }).volumes, "  ");
  describeTopologySpreadConstraints(w, template.spec.topologySpreadConstraints, "  ");
  printLabelsMultiline(w, "  Node-Selectors", template.spec.nodeSelector);
  printTolerationsMultiline(w, "  Tolerations", template.spec.tolerations);
}

/** describeTopologySpreadConstraints: sorted by topology key, one per line. */
export function describeTopologySpreadConstraints(
  w: DescribeWriter,
  tscs: readonly TopologySpreadConstraint[] | undefined,
  space: string,
): void {
  if (!tscs || tscs.length === 0) return;
  const sorted = [...tscs].sort((a, b) =>
    a.topologyKey < b.topologyKey ? -1 : a.topologyKey > b.topologyKey ? 1 : 0,
  );
  w.write(LEVEL_0, `${space}Topology Spread Constraints:\t`);
  sorted.forEach((t, i) => {
    if (i !== 0) w.write(LEVEL_0, `${space}\t`);
    let s = `${t.topologyKey}:${t.whenUnsatisfiable} when max skew ${t.maxSkew} is exceeded`;
    if (t.labelSelector) s += ` for selector ${formatLabelSelector(t.labelSelector)}`;
    w.write(LEVEL_0, s + "\n");
  });
}
