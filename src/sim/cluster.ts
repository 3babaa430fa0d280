import type { KubeObject, Node, Pod } from "./api/types";
import { RESOURCES, resourceForKind } from "./api";
import type { Cluster, ClusterOptions, ComponentInfo, Fault, ObjectChange } from "./clusterTypes";
import { PROFILES } from "./profiles";
import { Kernel } from "./runtime/kernel";
import type { TraceListener } from "./runtime/trace";
import { EtcdServer } from "./components/etcd";
import { KubeApiserver, type ApiRequest, type ApiResponse, type WatchEvent } from "./components/apiserver";
import { ApiClientImpl, SharedInformerFactory } from "./components/client";
import { KubeControllerManager } from "./components/controllers/framework";
import { DEFAULT_CONTROLLERS } from "./components/controllers";
import { KubeScheduler } from "./components/scheduler";
import { CloudControllerManager, SimulatedCloud } from "./components/cloud";
import { CoreDns } from "./components/dns";
import { Registry } from "./components/runtime";
import { createNodeRuntime } from "./nodeRuntime";
import { bootstrapObjects, staticPods } from "./bootstrap/addons";
import { describeComponents, type Process } from "./componentCatalog";
import { DEFAULT_WORKERS } from "./clusterPlan";
import { controlPlaneMachine, workerMachine, CONTROL_PLANE } from "./machines";
import { NodeMachine } from "./nodeMachine";
import { applyFault } from "./faults/applyFault";
import { routeNodeProxy } from "./nodeProxy";
import { sendRequest, type RequestOptions, type RequestResult } from "./dataPath";

/** How long the cluster may take to come up before the user sees it (virtual ms). */
const BOOT_LIMIT_MS = 10 * 60_000;

/**
 * Builds the default cluster — a control-plane node running the control plane as static pods,
 * N workers, kube-proxy on every node, CoreDNS — and lets its own components bring it up, as
 * `kubeadm init` + `kubeadm join` would. The clock starts when the cluster is up.
 */
export function createCluster(opts: ClusterOptions = {}): ClusterImpl {
  return new ClusterImpl(opts);
}

export class ClusterImpl implements Cluster {
  readonly kernel: Kernel;
  readonly profile;
  readonly seed: number;
  readonly etcd: EtcdServer;
  readonly apiserver: KubeApiserver;
  readonly processes = new Map<string, Process>();
  readonly machines = new Map<string, NodeMachine>();
  readonly registry: Registry;
  readonly cloud: SimulatedCloud;
  readonly scheduler: KubeScheduler;
  readonly coredns: CoreDns;
  private readonly kubectl: ApiClientImpl;
  private nextWorker: number;
  /** Virtual ms at which the cluster finished booting (the clock the user sees starts here). */
  readonly bootedAt: number;

  constructor(opts: ClusterOptions) {
    this.seed = opts.seed ?? 1;
    this.profile = opts.profile ?? "real";
    const profile = PROFILES[this.profile];
    this.kernel = new Kernel(this.seed, opts.traceRetention ?? Infinity);
    const kernel = this.kernel;
    this.etcd = new EtcdServer(kernel);
    this.apiserver = new KubeApiserver(kernel, this.etcd, profile);
    const client = (id: string) => new ApiClientImpl(id, kernel, this.apiserver, profile);
    this.kubectl = client("kubectl");
    this.registry = new Registry(kernel, profile.registry);
    this.cloud = new SimulatedCloud();

    const kcmClient = client("kube-controller-manager");
    const kcm = new KubeControllerManager({ kernel, client: kcmClient, newInformerFactory: () => new SharedInformerFactory(kcmClient), controllers: DEFAULT_CONTROLLERS, config: { nodeMonitorPeriodMs: profile.controllers.nodeMonitorPeriodMs, nodeMonitorGracePeriodMs: profile.controllers.nodeMonitorGracePeriodMs } });
    this.scheduler = new KubeScheduler({ kernel, client: client("kube-scheduler"), profile });
    const ccm = new CloudControllerManager({ kernel, client: client("cloud-controller-manager"), cloud: this.cloud, profile });
    this.coredns = new CoreDns(client("coredns"));
    this.processes.set("kube-apiserver", this.apiserver);
    this.processes.set("etcd", this.etcd);
    this.processes.set("kube-scheduler", this.scheduler);
    this.processes.set("kube-controller-manager", kcm);
    this.processes.set("cloud-controller-manager", ccm);
    this.processes.set("coredns", this.coredns);

    // kubeadm init: the API objects of the add-ons, written before any controller runs.
    const kubeadm = client("kubeadm");
    const pending = bootstrapObjects(controlPlaneMachine(profile.kubernetesVersion).internalIP);
    const createNext = () => {
      const obj = pending.shift();
      if (!obj) return;
      kubeadm.request({ verb: "create", resource: resourceForKind(obj.apiVersion, obj.kind)!.resource, namespace: obj.metadata.namespace, body: obj }, (res) => {
        if (!res.ok) throw new Error(`kubeadm could not create ${obj.kind} ${obj.metadata.name}: ${res.error.message}`);
        createNext();
      });
    };
    createNext();
    this.settle(60_000);

    const cp = controlPlaneMachine(profile.kubernetesVersion);
    this.addMachine(new NodeMachine(cp, createNodeRuntime({ kernel, profile, nodeName: CONTROL_PLANE, registry: this.registry, cpus: 2, preloaded: "control-plane" }), kernel, this.apiserver, profile, podCidr(0), "iptables", staticPods(CONTROL_PLANE, cp.internalIP)));
    for (const p of this.processes.values()) if (p !== this.apiserver && p !== this.etcd) p.start();
    const workers = opts.workers ?? DEFAULT_WORKERS;
    for (let n = 1; n <= workers; n++) this.addWorker(n);
    this.nextWorker = workers + 1;
    this.apiserver.nodeProxy = routeNodeProxy(this);

    this.settle(BOOT_LIMIT_MS);
    // Up means every node Ready and every kube-system pod Ready (CoreDNS passes its readiness probe).
    for (let waited = 0; waited < BOOT_LIMIT_MS && !this.isUp(); waited += 1000) this.advance(1000);
    this.bootedAt = kernel.now;
    kernel.trace.events.length = 0;
  }

  private isUp(): boolean {
    const ready = (conds: { type: string; status: string }[] | undefined) => conds?.find((c) => c.type === "Ready")?.status === "True";
    const nodes = this.list<Node>("nodes");
    return nodes.length === this.machines.size && nodes.every((n) => ready(n.status?.conditions)) && this.list<Pod>("pods", "kube-system").every((p) => ready(p.status?.conditions));
  }

  private addMachine(m: NodeMachine): void {
    this.machines.set(m.name, m);
    this.cloud.addInstance(m.name, m.spec.internalIP);
    m.powerOn();
  }

  /** `sim node add`: a new worker joins (kubeadm join). */
  addWorker(n = this.nextWorker++, name?: string): NodeMachine {
    const profile = PROFILES[this.profile];
    const spec = workerMachine(n, profile.kubernetesVersion, name);
    if (this.machines.has(spec.name)) throw new Error(`node "${spec.name}" already exists`);
    const m = new NodeMachine(spec, createNodeRuntime({ kernel: this.kernel, profile, nodeName: spec.name, registry: this.registry, cpus: 4, preloaded: "worker" }), this.kernel, this.apiserver, profile, podCidr(n), "iptables");
    this.addMachine(m);
    return m;
  }

  now(): number {
    return this.kernel.now;
  }

  request(req: ApiRequest, cb: (res: ApiResponse) => void): void {
    this.kubectl.request(req, cb);
  }

  watch(req: ApiRequest, onEvent: (ev: WatchEvent) => void): () => void {
    const h = this.kubectl.watch(req, onEvent);
    return () => h.stop();
  }

  inject(fault: Fault): string {
    return applyFault(this, fault);
  }

  step(): boolean {
    return this.kernel.step();
  }

  advance(ms: number): void {
    this.kernel.runUntil(this.kernel.now + ms);
  }

  settle(maxMs = 10 * 60_000): number {
    const start = this.kernel.now;
    const limit = start + maxMs;
    while (this.kernel.busy) {
      const next = this.kernel.nextAt;
      if (next === undefined || next > limit) break;
      this.kernel.step();
    }
    return this.kernel.now - start;
  }

  subscribe(listener: TraceListener): () => void {
    return this.kernel.trace.subscribe(listener);
  }

  onObjectChange(listener: (change: ObjectChange) => void): () => void {
    return this.etcd.store.onWrite((w) => {
      const resource = resourceOfKey(w.key);
      listener({ type: w.type === "delete" ? "DELETED" : w.prev ? "MODIFIED" : "ADDED", object: w.value, resource, revision: w.revision });
    });
  }

  list<T extends KubeObject = KubeObject>(resource: string, namespace?: string): T[] {
    return this.apiserver.snapshot({ verb: "list", resource, namespace }) as T[];
  }

  /** `sim pod crash`: the main container's process dies (exit code 1); the kubelet takes it from there. */
  crashPod(namespace: string, name: string): { component: string } {
    const pod = this.etcd.store.get(`/registry/pods/${namespace}/${name}`)?.value as Pod | undefined;
    if (!pod) throw new Error(`pods "${name}" not found`);
    const machine = pod.spec.nodeName ? this.machines.get(pod.spec.nodeName) : undefined;
    const rec = machine?.kubelet.worker(namespace, name)?.containers.find((r) => r.state.running && r.containerID);
    if (!machine || !rec?.containerID) throw new Error(`pod ${namespace}/${name} has no running container`);
    machine.runtime.runtime.crashContainer(rec.containerID.replace(/^containerd:\/\//, ""), 1);
    return { component: `container-runtime@${machine.name}` };
  }

  /** `sim request [--from POD] URL`: one HTTP request through the data path; `cb` gets what curl would. Throws if the source pod is not running. */
  sendRequest(opts: RequestOptions, cb: (r: RequestResult) => void): void {
    sendRequest(this, opts, cb);
  }

  components(): ComponentInfo[] {
    return describeComponents(this.processes, [...this.machines.values()]);
  }
}

const BY_PREFIX = new Map(RESOURCES.map((r) => [r.etcdPrefix, r.resource]));

/** `/registry/services/specs/default/web` → `services`. */
function resourceOfKey(key: string): string {
  const parts = key.split("/");
  return BY_PREFIX.get(parts.slice(0, 3).join("/")) ?? BY_PREFIX.get(parts.slice(0, 4).join("/")) ?? parts[2];
}

/** 10.244.N.0/24 for the first 256 nodes, then the next /16s (a /14 cluster CIDR for big clusters). */
function podCidr(index: number): string {
  return `10.${244 + Math.floor(index / 256)}.${index % 256}.0/24`;
}
