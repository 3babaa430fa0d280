import type { Container, Labels, Pod, PodAffinityTerm, Toleration } from "../../api/types";
import { compileLabelSelector, type LabelMatcher } from "./selectors";
import { cpuMillis, wholeUnits } from "./quantity";

/** schedutil.DefaultMilliCPURequest / DefaultMemoryRequest: what scoring assumes a request-less container asks for. */
export const DEFAULT_MILLI_CPU_REQUEST = 100;
export const DEFAULT_MEMORY_REQUEST = 200 * 1024 * 1024;

/** One parsed pod (anti-)affinity term. */
export interface AffinityTerm {
  readonly matches: LabelMatcher;
  /** Namespaces the term selects pods in (the owner's namespace when the term names none). */
  readonly namespaces: ReadonlySet<string>;
  readonly topologyKey: string;
  /** Preferred terms' weight; 1 for required terms. */
  readonly weight: number;
}

export interface PodAffinityInfo {
  readonly requiredAffinity: readonly AffinityTerm[];
  readonly requiredAntiAffinity: readonly AffinityTerm[];
  readonly preferredAffinity: readonly AffinityTerm[];
  readonly preferredAntiAffinity: readonly AffinityTerm[];
}

const NO_AFFINITY: PodAffinityInfo = { requiredAffinity: [], requiredAntiAffinity: [], preferredAffinity: [], preferredAntiAffinity: [] };

/**
 * The scheduler's precomputed view of one pod (framework.PodInfo plus the resource sums
 * NodeInfo keeps): computed once when the pod is seen, reused by every plugin and node.
 */
export interface PodInfo {
  readonly key: string;
  readonly pod: Pod;
  readonly namespace: string;
  readonly name: string;
  readonly labels: Labels;
  /** resource.PodRequests: sum of containers, at least the largest init container. */
  readonly milliCpu: number;
  readonly memory: number;
  /** The same with request-less containers counted as 100m / 200Mi (for scoring). */
  readonly nonZeroMilliCpu: number;
  readonly nonZeroMemory: number;
  /** Host ports as `PROTOCOL/port` (the host IP is always 0.0.0.0 here). */
  readonly hostPorts: readonly string[];
  readonly tolerations: readonly Toleration[];
  /** Normalised image names of init containers then containers (ImageLocality). */
  readonly images: readonly string[];
  readonly priority: number;
  /** Pods being deleted do not count for topology spreading. */
  readonly terminating: boolean;
  /** spec.affinity has podAffinity or podAntiAffinity (NodeInfo.PodsWithAffinity). */
  readonly hasPodAffinity: boolean;
  readonly affinity: PodAffinityInfo;
}

export function podKey(namespace: string | undefined, name: string | undefined): string {
  return `${namespace ?? "default"}/${name ?? ""}`;
}

/** ImageLocality's normalizedImageName: a name without a tag means `:latest`. */
export function normalizedImageName(name: string): string {
  return name.lastIndexOf(":") <= name.lastIndexOf("/") ? `${name}:latest` : name;
}

function request(c: Container, resource: "cpu" | "memory"): string | undefined {
  // API defaulting copies limits into missing requests; do the same if it has not run.
  return c.resources?.requests?.[resource] ?? c.resources?.limits?.[resource];
}

interface Requests {
  milliCpu: number;
  memory: number;
  nonZeroMilliCpu: number;
  nonZeroMemory: number;
}

/** One container's requests added (app containers) or maxed (init containers) into `r`. */
function addRequests(r: Requests, c: Container, init: boolean): void {
  const rc = request(c, "cpu");
  const rm = request(c, "memory");
  const cpu = rc === undefined ? 0 : cpuMillis(rc);
  const mem = rm === undefined ? 0 : wholeUnits(rm);
  const nzCpu = rc === undefined ? DEFAULT_MILLI_CPU_REQUEST : cpu;
  const nzMem = rm === undefined ? DEFAULT_MEMORY_REQUEST : mem;
  if (init) {
    if (cpu > r.milliCpu) r.milliCpu = cpu;
    if (mem > r.memory) r.memory = mem;
    if (nzCpu > r.nonZeroMilliCpu) r.nonZeroMilliCpu = nzCpu;
    if (nzMem > r.nonZeroMemory) r.nonZeroMemory = nzMem;
  } else {
    r.milliCpu += cpu;
    r.memory += mem;
    r.nonZeroMilliCpu += nzCpu;
    r.nonZeroMemory += nzMem;
  }
}

/** Containers summed, then at least the largest init container; the non-zero variant counts a missing request as 100m / 200Mi. */
function podRequests(pod: Pod): Requests {
  const r: Requests = { milliCpu: 0, memory: 0, nonZeroMilliCpu: 0, nonZeroMemory: 0 };
  for (const c of pod.spec.containers ?? []) addRequests(r, c, false);
  for (const c of pod.spec.initContainers ?? []) addRequests(r, c, true);
  return r;
}

const NONE: readonly never[] = Object.freeze([]);

function hostPortsOf(pod: Pod): readonly string[] {
  let out: string[] | undefined;
  for (const c of pod.spec.containers ?? []) {
    for (const p of c.ports ?? []) {
      // With hostNetwork, API defaulting makes hostPort equal containerPort.
      const hostPort = p.hostPort ?? (pod.spec.hostNetwork ? p.containerPort : 0);
      if (hostPort > 0) (out ??= []).push(`${p.protocol ?? "TCP"}/${hostPort}`);
    }
  }
  return out ?? NONE;
}

/** Init containers' then containers' images, in an array of exactly their number (PodInfos live as long as their pods). */
function imagesOf(pod: Pod): string[] {
  const init = pod.spec.initContainers ?? NONE;
  const containers = pod.spec.containers ?? NONE;
  const images = new Array<string>(init.length + containers.length);
  for (let i = 0; i < init.length; i++) images[i] = normalizedImageName(init[i].image);
  for (let i = 0; i < containers.length; i++) images[init.length + i] = normalizedImageName(containers[i].image);
  return images;
}

function terms(list: readonly PodAffinityTerm[] | undefined, ns: string): AffinityTerm[] {
  return (list ?? []).map((t) => termOf(t, ns, 1));
}

function termOf(t: PodAffinityTerm, ns: string, weight: number): AffinityTerm {
  return {
    matches: compileLabelSelector(t.labelSelector),
    namespaces: new Set(t.namespaces && t.namespaces.length > 0 ? t.namespaces : [ns]),
    topologyKey: t.topologyKey,
    weight,
  };
}

function affinityOf(pod: Pod, ns: string): PodAffinityInfo {
  const a = pod.spec.affinity;
  if (!a || (!a.podAffinity && !a.podAntiAffinity)) return NO_AFFINITY;
  return {
    requiredAffinity: terms(a.podAffinity?.requiredDuringSchedulingIgnoredDuringExecution, ns),
    requiredAntiAffinity: terms(a.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution, ns),
    preferredAffinity: (a.podAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []).map((w) => termOf(w.podAffinityTerm, ns, w.weight)),
    preferredAntiAffinity: (a.podAntiAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []).map((w) =>
      termOf(w.podAffinityTerm, ns, w.weight),
    ),
  };
}

/** `key` may be passed when the caller holds it already (the queue's string, hashed by its maps). */
export function makePodInfo(pod: Pod, key?: string): PodInfo {
  const namespace = pod.metadata.namespace ?? "default";
  const name = pod.metadata.name ?? "";
  const r = podRequests(pod);
  const images = imagesOf(pod);
  const a = pod.spec.affinity;
  return {
    key: key ?? `${namespace}/${name}`,
    pod,
    namespace,
    name,
    labels: pod.metadata.labels ?? {},
    milliCpu: r.milliCpu,
    memory: r.memory,
    nonZeroMilliCpu: r.nonZeroMilliCpu,
    nonZeroMemory: r.nonZeroMemory,
    hostPorts: hostPortsOf(pod),
    tolerations: pod.spec.tolerations ?? NONE,
    images,
    priority: pod.spec.priority ?? 0,
    terminating: pod.metadata.deletionTimestamp !== undefined,
    hasPodAffinity: !!a && (!!a.podAffinity || !!a.podAntiAffinity),
    affinity: affinityOf(pod, namespace),
  };
}
