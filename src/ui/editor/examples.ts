/** Ready manifests that each teach one thing, with what to watch for. Plain data (no CodeMirror). */
export interface Example {
  id: string;
  /** The picker's label and the name `kubectl apply -f NAME` accepts (also `NAME.yaml`). */
  title: string;
  /** One line: what to look at on the diagram while it runs. */
  watch: string;
  yaml: string;
}

export const EXAMPLES: readonly Example[] = [
  {
    id: "nginx",
    title: "nginx Deployment (3 replicas)",
    watch: "The Deployment controller creates a ReplicaSet, which creates 3 pods; the scheduler spreads them over the workers.",
    yaml: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: nginx
  labels:
    app: nginx
spec:
  replicas: 3
  selector:
    matchLabels:
      app: nginx
  template:
    metadata:
      labels:
        app: nginx
    spec:
      containers:
        - name: nginx
          image: nginx:1.27
          ports:
            - containerPort: 80
`,
  },
  {
    id: "web-service",
    title: "Deployment + Service (ClusterIP) + LoadBalancer",
    watch: "EndpointSlices fill as pods turn Ready, every kube-proxy reprograms its rules, and the cloud provider gives web-lb an external IP.",
    yaml: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: nginx
          image: nginx:1.27
          ports:
            - containerPort: 80
          readinessProbe:
            httpGet:
              path: /
              port: 80
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
    - port: 80
      targetPort: 80
---
apiVersion: v1
kind: Service
metadata:
  name: web-lb
spec:
  type: LoadBalancer
  selector:
    app: web
  ports:
    - port: 80
      targetPort: 80
`,
  },
  {
    id: "rolling-update",
    title: "Rolling update to a new image",
    watch: "Apply after the nginx example: a new ReplicaSet scales up while the old one scales down, 25 % at a time (maxSurge / maxUnavailable).",
    yaml: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: nginx
  labels:
    app: nginx
spec:
  replicas: 3
  selector:
    matchLabels:
      app: nginx
  template:
    metadata:
      labels:
        app: nginx
    spec:
      containers:
        - name: nginx
          image: nginx:1.28
          ports:
            - containerPort: 80
`,
  },
  {
    id: "crashloop",
    title: "A pod that crash-loops",
    watch: "The container exits with code 1; the kubelet restarts it after 10 s, 20 s, 40 s … and STATUS turns CrashLoopBackOff.",
    yaml: `apiVersion: v1
kind: Pod
metadata:
  name: crash
spec:
  containers:
    - name: app
      image: busybox:1.36
      command: ["sh", "-c", "echo starting; sleep 3; echo giving up; exit 1"]
`,
  },
  {
    id: "unschedulable",
    title: "A pod that cannot be scheduled (too much CPU)",
    watch: "Every node fails the NodeResourcesFit filter (Insufficient cpu): the pod stays Pending. Click kube-scheduler to see the table.",
    yaml: `apiVersion: v1
kind: Pod
metadata:
  name: greedy
spec:
  containers:
    - name: app
      image: nginx:1.27
      resources:
        requests:
          cpu: "16"
          memory: 256Mi
`,
  },
  {
    id: "affinity",
    title: "nodeSelector and node affinity",
    watch: "The NodeAffinity filter rejects worker-1 (and the control plane's taint stops it there): the pods land on worker-2 and worker-3 only.",
    yaml: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: picky
spec:
  replicas: 4
  selector:
    matchLabels:
      app: picky
  template:
    metadata:
      labels:
        app: picky
    spec:
      nodeSelector:
        kubernetes.io/os: linux
      affinity:
        nodeAffinity:
          requiredDuringSchedulingIgnoredDuringExecution:
            nodeSelectorTerms:
              - matchExpressions:
                  - key: kubernetes.io/hostname
                    operator: In
                    values: ["worker-2", "worker-3"]
      containers:
        - name: nginx
          image: nginx:1.27
`,
  },
  {
    id: "daemonset",
    title: "A DaemonSet (one pod per node)",
    watch: "The DaemonSet controller creates one pod per worker; press \"Add node\" in Faults and a new pod follows the new node.",
    yaml: `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: node-agent
spec:
  selector:
    matchLabels:
      app: node-agent
  template:
    metadata:
      labels:
        app: node-agent
    spec:
      containers:
        - name: agent
          image: busybox:1.36
          command: ["sh", "-c", "echo watching the node; sleep 3600"]
`,
  },
  {
    id: "init-container",
    title: "A pod with an init container",
    watch: "STATUS shows Init:0/1 while the init container runs; nginx is created only after it exits 0.",
    yaml: `apiVersion: v1
kind: Pod
metadata:
  name: with-init
spec:
  initContainers:
    - name: wait
      image: busybox:1.36
      command: ["sh", "-c", "echo preparing; sleep 5; echo ready"]
  containers:
    - name: nginx
      image: nginx:1.27
`,
  },
];

export function exampleById(id: string): Example | undefined {
  return EXAMPLES.find((e) => e.id === id);
}

/** `kubectl apply -f NAME`: an example by id, with or without `.yaml`/`.yml`. */
export function exampleByFileName(name: string): Example | undefined {
  const base = name.replace(/^\.\//, "").replace(/\.ya?ml$/, "");
  return exampleById(base);
}
