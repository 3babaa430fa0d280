import type { ProfileName } from "./clusterTypes";
import type { RegistryTimings, RuntimeTimings } from "./components/runtime";

/**
 * Every timing constant of the simulation, in virtual milliseconds. `real` is the emulated
 * release's defaults (Kubernetes v1.34); `fast` shortens the waits for a classroom. Latencies
 * are [min, max] ranges drawn from the seeded rng.
 */
export interface Profile {
  name: ProfileName;
  /** Emulated release. */
  kubernetesVersion: string;
  network: {
    /** One hop between two control-plane or node components. */
    hopMs: [number, number];
    /** kube-apiserver's own work per request (authn → admission → validation). */
    apiserverMs: [number, number];
    /** etcd commit (raft + fsync). */
    etcdMs: [number, number];
    /** A request kube-apiserver makes to etcd gives up after this long when etcd is down. */
    etcdTimeoutMs: number;
    /** A client retries a failed list/watch after this long (reflector back-off, first step). */
    relistBackoffMs: number;
  };
  kubelet: {
    /** Lease renewal (nodeLeaseDurationSeconds 40 / renew interval 10 s). */
    leaseRenewMs: number;
    leaseDurationSeconds: number;
    /** Node status is computed every 10 s and posted when it changed, or every 5 min. */
    nodeStatusUpdateMs: number;
    nodeStatusReportMs: number;
    /** Container restart back-off: 10 s doubling to 300 s, reset after 10 min running. */
    backoffInitialMs: number;
    backoffMaxMs: number;
    backoffResetMs: number;
  };
  /** containerd on every node: CRI latency, sandbox/create/start/stop, layer unpacking. */
  runtime: RuntimeTimings;
  /** The image registry: round trip, download bandwidth per node, jitter. */
  registry: RegistryTimings;
  controllers: {
    /** node-monitor-period */
    nodeMonitorPeriodMs: number;
    /** node-monitor-grace-period: 40 s up to v1.31, 50 s from v1.32. */
    nodeMonitorGracePeriodMs: number;
    /** DefaultTolerationSeconds admission for not-ready / unreachable. */
    defaultTolerationSeconds: number;
    /** Per-key reconcile time inside kube-controller-manager. */
    reconcileMs: [number, number];
  };
  scheduler: {
    /** One scheduling cycle (filter + score) for one pod. */
    cycleMs: [number, number];
    podInitialBackoffMs: number;
    podMaxBackoffMs: number;
    /** Unschedulable pods are retried at least this often. */
    unschedulableFlushMs: number;
  };
  cloud: {
    /** Provisioning a cloud load balancer. */
    loadBalancerMs: [number, number];
  };
}

const real: Profile = {
  name: "real",
  kubernetesVersion: "v1.34.1",
  network: {
    hopMs: [1, 3],
    apiserverMs: [1, 2],
    etcdMs: [2, 5],
    etcdTimeoutMs: 5_000,
    relistBackoffMs: 1_000,
  },
  kubelet: {
    leaseRenewMs: 10_000,
    leaseDurationSeconds: 40,
    nodeStatusUpdateMs: 10_000,
    nodeStatusReportMs: 300_000,
    backoffInitialMs: 10_000,
    backoffMaxMs: 300_000,
    backoffResetMs: 600_000,
  },
  runtime: { criLatencyMs: 1, unpackBytesPerMs: 150_000, sandboxMs: 300, createMs: 40, startMs: 80, stopMs: 10, removeMs: 15, execMs: 10 },
  registry: { rttMs: 80, bandwidthBytesPerMs: 40_000, jitter: 0.2, unreachableTimeoutMs: 10_000 },
  controllers: {
    nodeMonitorPeriodMs: 5_000,
    nodeMonitorGracePeriodMs: 50_000,
    defaultTolerationSeconds: 300,
    reconcileMs: [1, 3],
  },
  scheduler: {
    cycleMs: [2, 6],
    podInitialBackoffMs: 1_000,
    podMaxBackoffMs: 10_000,
    unschedulableFlushMs: 300_000,
  },
  cloud: { loadBalancerMs: [20_000, 40_000] },
};

/** Classroom timings: the same sequence of events, the long waits cut down. */
const fast: Profile = {
  ...real,
  name: "fast",
  kubelet: { ...real.kubelet, leaseRenewMs: 2_000, leaseDurationSeconds: 8, nodeStatusUpdateMs: 2_000, backoffInitialMs: 2_000, backoffMaxMs: 30_000, backoffResetMs: 60_000 },
  registry: { ...real.registry, bandwidthBytesPerMs: 150_000 },
  controllers: { ...real.controllers, nodeMonitorPeriodMs: 1_000, nodeMonitorGracePeriodMs: 10_000, defaultTolerationSeconds: 30 },
  cloud: { loadBalancerMs: [3_000, 6_000] },
};

export const PROFILES: Record<ProfileName, Profile> = { real, fast };

/** A latency drawn from a [min, max] range (whole ms keeps traces readable). */
export function draw(rng: { int(min: number, max: number): number }, range: [number, number]): number {
  return rng.int(range[0], range[1]);
}
