import { lookupResource, ALL_CATEGORY, type ResourceType } from "../resources";
import { plainError } from "../errors";

/** What `get pods web db`, `get pods,svc`, `get deploy/web svc/web` name. */
export interface ResourceTarget {
  type: ResourceType;
  /** Empty: all objects of the type (subject to selectors). */
  names: string[];
}

function resolveType(typed: string): ResourceType {
  const t = lookupResource(typed);
  if (!t) throw plainError(`the server doesn't have a resource type "${typed}"`);
  return t;
}

/**
 * kubectl's resource builder argument forms: `TYPE[,TYPE…] [NAME…]` or `TYPE/NAME …`.
 * `all` expands to the all category.
 */
export function parseResourceArgs(args: readonly string[]): ResourceTarget[] {
  if (args.length === 0) return [];
  const slashed = args.filter((a) => a.includes("/"));
  if (slashed.length > 0) {
    if (slashed.length !== args.length) {
      throw plainError(
        "there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'",
      );
    }
    const targets: ResourceTarget[] = [];
    for (const a of args) {
      const slash = a.indexOf("/");
      const type = resolveType(a.slice(0, slash));
      const name = a.slice(slash + 1);
      if (!name) throw plainError(`arguments in resource/name form must have a single resource and name`);
      const existing = targets.find((t) => t.type === type);
      if (existing) existing.names.push(name);
      else targets.push({ type, names: [name] });
    }
    return targets;
  }
  const [typesArg, ...names] = args;
  const types: ResourceType[] = [];
  for (const typed of typesArg.split(",").filter((s) => s !== "")) {
    if (typed.toLowerCase() === "all") {
      for (const r of ALL_CATEGORY) types.push(resolveType(r));
    } else {
      types.push(resolveType(typed));
    }
  }
  return types.map((type) => ({ type, names: [...names] }));
}
