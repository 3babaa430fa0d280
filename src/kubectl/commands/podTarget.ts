import type { Pod } from "../../sim/api/types";
import type { CommandContext } from "../context";
import { plainError } from "../errors";
import { lookupResource } from "../resources";
import { getObject, listObjects } from "./objects";
import { byLogging, byMostActive, firstPod } from "./podSelection";

/**
 * The pod `logs`/`exec` talk to: `POD`, `pod/POD`, or `deployment/web`. For a controller kubectl
 * sorts the selector's pods (`logs`: ByLogging, and it says which it took on stderr, as
 * logsForObject does; `exec`: the most active pod, silently, as attachablePodForObject does).
 */
export async function resolvePod(ctx: CommandContext, arg: string, purpose: "logs" | "exec"): Promise<Pod> {
  const podType = lookupResource("pods");
  if (!podType) throw plainError("pods are not served");
  const slash = arg.indexOf("/");
  if (slash < 0) return (await getObject(ctx, podType, arg)) as Pod;
  const type = lookupResource(arg.slice(0, slash));
  if (!type) throw plainError(`the server doesn't have a resource type "${arg.slice(0, slash)}"`);
  const name = arg.slice(slash + 1);
  if (type.resource === "pods") return (await getObject(ctx, podType, name)) as Pod;
  const owner = (await getObject(ctx, type, name)) as { spec?: { selector?: { matchLabels?: Record<string, string> } } };
  const labels = owner.spec?.selector?.matchLabels ?? {};
  const selector = Object.entries(labels).map(([k, v]) => `${k}=${v}`).join(",");
  const pods = (await listObjects(ctx, podType, { labelSelector: selector })) as Pod[];
  const pod = firstPod(pods, purpose === "logs" ? byLogging : byMostActive);
  if (!pod) throw plainError(`timed out waiting for the condition`);
  if (purpose === "logs" && pods.length > 1) ctx.out.errLine(`Found ${pods.length} pods, using pod/${pod.metadata.name}`);
  return pod;
}

/** `-c`, else the default-container annotation, else the first container (with kubectl's notice). */
export function chooseContainer(ctx: CommandContext, pod: Pod): string {
  const names = pod.spec.containers.map((c) => c.name);
  const asked = ctx.str("container");
  if (asked) {
    const all = [...names, ...(pod.spec.initContainers ?? []).map((c) => c.name)];
    if (!all.includes(asked)) throw plainError(`container ${asked} is not valid for pod ${pod.metadata.name}`);
    return asked;
  }
  const annotated = pod.metadata.annotations?.["kubectl.kubernetes.io/default-container"];
  if (annotated && names.includes(annotated)) return annotated;
  if (names.length > 1) ctx.out.errLine(`Defaulted container "${names[0]}" out of: ${names.join(", ")}`);
  return names[0] ?? "";
}
