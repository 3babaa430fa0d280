/** Commands that describe the client and the cluster's endpoints: version, cluster-info, config, auth. */
import { stringify } from "yaml";
import type { Service } from "../../sim/api/types";
import type { Command } from "../context";
import { CONNECTION_REFUSED, KubectlError, plainError } from "../errors";
import { F } from "../globalFlags";
import { GET_TABWRITER, tabwrite } from "../format";
import { lookupResource } from "../resources";
import { listObjects } from "./objects";

export const KUBECTL_VERSION = "v1.34.1";
export const KUSTOMIZE_VERSION = "v5.7.1";
export const SERVER_URL = "https://192.168.49.2:6443";
export const CLUSTER_NAME = "kubeglass";
export const USER_NAME = "kubernetes-admin";
export const CONTEXT_NAME = `${USER_NAME}@${CLUSTER_NAME}`;

export const versionCommand: Command = {
  name: "version",
  flags: [F.output, { name: "client", type: "bool" }],
  run: async (ctx) => {
    ctx.out.line(`Client Version: ${KUBECTL_VERSION}`);
    ctx.out.line(`Kustomize Version: ${KUSTOMIZE_VERSION}`);
    if (ctx.bool("client")) return 0;
    // kube-apiserver answers /version; any response proves it is up.
    const res = await ctx.transport.request({ verb: "get", resource: "namespaces", name: "default" });
    if (!res.ok && res.status === 0) throw new KubectlError(CONNECTION_REFUSED);
    ctx.out.line(`Server Version: ${KUBECTL_VERSION}`);
    return 0;
  },
};

export const clusterInfoCommand: Command = {
  name: "cluster-info",
  subcommands: [{ name: "dump", run: async () => Promise.reject(plainError("cluster-info dump is not available in kubeglass")) }],
  run: async (ctx) => {
    const svcType = lookupResource("services");
    if (!svcType) return 1;
    const services = (await listObjects(ctx, svcType, { namespace: "kube-system", labelSelector: "kubernetes.io/cluster-service=true" })) as Service[];
    ctx.out.line(`Kubernetes control plane is running at ${SERVER_URL}`);
    for (const svc of services) {
      const port = svc.spec.ports?.[0];
      let name = svc.metadata.name ?? "";
      if (port) {
        const scheme = port.name === "https" || port.port === 443 ? "https" : "";
        name = [scheme, name, port.name ?? ""].filter((p, i) => p !== "" || i === 1).join(":");
      }
      const label = svc.metadata.labels?.["kubernetes.io/name"] || svc.metadata.name;
      ctx.out.line(`${label} is running at ${SERVER_URL}/api/v1/namespaces/kube-system/services/${name}/proxy`);
    }
    ctx.out.line("");
    ctx.out.line("To further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.");
    return 0;
  },
};

const KUBECONFIG = {
  apiVersion: "v1",
  clusters: [{ cluster: { "certificate-authority-data": "DATA+OMITTED", server: SERVER_URL }, name: CLUSTER_NAME }],
  contexts: [{ context: { cluster: CLUSTER_NAME, user: USER_NAME }, name: CONTEXT_NAME }],
  "current-context": CONTEXT_NAME,
  kind: "Config",
  preferences: {},
  users: [{ name: USER_NAME, user: { "client-certificate-data": "DATA+OMITTED", "client-key-data": "DATA+OMITTED" } }],
};

export const configCommand: Command = {
  name: "config",
  subcommands: [
    {
      name: "view",
      flags: [F.output, { name: "minify", type: "bool" }, { name: "raw", type: "bool" }, { name: "flatten", type: "bool" }],
      run: async (ctx) => {
        const format = ctx.str("output") || "yaml";
        ctx.out.write("stdout", format === "json" ? JSON.stringify(KUBECONFIG, null, 4) + "\n" : stringify(KUBECONFIG));
        return 0;
      },
    },
    { name: "current-context", run: async (ctx) => (ctx.out.line(CONTEXT_NAME), 0) },
    {
      name: "get-contexts",
      flags: [F.output, F.noHeaders],
      run: async (ctx) => {
        if (ctx.str("output") === "name") return (ctx.out.line(CONTEXT_NAME), 0);
        const rows = [...(ctx.bool("no-headers") ? [] : ["CURRENT\tNAME\tCLUSTER\tAUTHINFO\tNAMESPACE"]), `*\t${CONTEXT_NAME}\t${CLUSTER_NAME}\t${USER_NAME}\t`];
        ctx.out.write("stdout", tabwrite(rows.join("\n") + "\n", GET_TABWRITER));
        return 0;
      },
    },
    {
      name: "use-context",
      run: async (ctx) => {
        const name = ctx.args[0] ?? "";
        if (name !== CONTEXT_NAME) throw plainError(`no context exists with the name: "${name}"`);
        ctx.out.line(`Switched to context "${name}".`);
        return 0;
      },
    },
  ],
};

export const authCommand: Command = {
  name: "auth",
  subcommands: [
    {
      name: "can-i",
      flags: [F.allNamespaces, { name: "list", type: "bool" }, { name: "quiet", short: "q", type: "bool" }, { name: "subresource", type: "string" }],
      run: async (ctx) => {
        if (ctx.args.length < 1 && !ctx.bool("list")) throw new KubectlError(`error: you must specify two arguments: verb resource or a URL\nSee 'kubectl auth can-i -h' for help and examples`);
        // kubernetes-admin is bound to cluster-admin: everything is allowed.
        if (!ctx.bool("quiet")) ctx.out.line("yes");
        return 0;
      },
    },
    {
      name: "whoami",
      flags: [F.output],
      run: async (ctx) => {
        ctx.out.write("stdout", tabwrite(`ATTRIBUTE\tVALUE\nUsername\t${USER_NAME}\nGroups\t[kubeadm:cluster-admins system:authenticated]\n`, GET_TABWRITER));
        return 0;
      },
    },
  ],
};
