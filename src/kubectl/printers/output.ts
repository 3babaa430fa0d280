/**
 * What `kubectl get` prints for a set of objects, by output format: the human-readable table
 * (default / wide), name, json, yaml, jsonpath, custom-columns — with kubectl's messages for
 * empty results and bad formats. Pure: objects and the virtual time in, text out.
 */
import type { KubeObject } from "../../sim/api/types";
import { parseCustomColumns, renderCustomColumns } from "./customColumns";
import { JsonPathError, executeJsonPath, parseJsonPath } from "./jsonpath";
import { isClusterScoped, kindPrefix } from "./kinds";
import { asList, canonical, toJson, toYaml } from "./serialize";
import { renderTable } from "./table";
import { tableFor } from "./tables";

export interface PrintResult {
  stdout: string;
  stderr: string;
  exitCode: 0 | 1;
}

export interface GetPrintOptions {
  /** Virtual time now (ms), for AGE columns. */
  now: number;
  /** The raw value of `-o` ("", "wide", "yaml", "json", "name", "jsonpath=…", "custom-columns=…"). */
  output?: string;
  /** -A / --all-namespaces. */
  allNamespaces?: boolean;
  /** Namespace of the request, for "No resources found in X namespace.". Default "default". */
  namespace?: string;
  /** Whether the requested resource is namespaced (false for nodes, namespaces). Default true. */
  namespaced?: boolean;
  showLabels?: boolean;
  noHeaders?: boolean;
  /** `get pod web-x` (by name): json/yaml/jsonpath print the object itself, not a List. */
  singleItem?: boolean;
  /** Prefix names with their kind (several resource types requested). Default: when kinds differ. */
  withKind?: boolean;
}

export const ALLOWED_FORMATS =
  "custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml";

const ok = (stdout: string, stderr = ""): PrintResult => ({ stdout, stderr, exitCode: 0 });
const fail = (message: string): PrintResult => ({
  stdout: "",
  stderr: `error: ${message.endsWith("\n") ? message : message + "\n"}`,
  exitCode: 1,
});

/** Checks an `-o` value without printing anything: null when valid, else kubectl's error. */
export function validateOutputFormat(output: string): string | null {
  const r = printObjects([], { now: 0, output });
  return r.exitCode === 0 ? null : r.stderr;
}

/** The object (get by name) or kubectl's List; not deep-copied: jsonpath only reads it. */
function view(objects: readonly KubeObject[], singleItem: boolean): unknown {
  return singleItem && objects.length === 1 ? objects[0] : asList(objects);
}

function plain(objects: readonly KubeObject[], singleItem: boolean): unknown {
  return canonical(view(objects, singleItem));
}

function noResources(opts: GetPrintOptions): string {
  const namespaced = (opts.namespaced ?? true) && !opts.allNamespaces;
  return namespaced
    ? `No resources found in ${opts.namespace ?? "default"} namespace.\n`
    : "No resources found\n";
}

export function printObjects(objects: readonly KubeObject[], opts: GetPrintOptions): PrintResult {
  const output = opts.output ?? "";
  const eq = output.indexOf("=");
  const format = eq < 0 ? output : output.slice(0, eq);
  const arg = eq < 0 ? "" : output.slice(eq + 1);
  const single = opts.singleItem ?? false;

  switch (format) {
    case "":
    case "wide":
      return printTables(objects, opts, format === "wide");
    case "name":
      return ok(
        objects.map((o) => `${kindPrefix(o.kind, o.apiVersion)}/${o.metadata.name ?? ""}\n`).join(""),
      );
    case "json":
      return ok(toJson(plain(objects, single)));
    case "yaml":
      return ok(toYaml(plain(objects, single)));
    case "jsonpath":
    case "jsonpath-as-json": {
      if (arg.length === 0) return fail("template format specified but no template given");
      try {
        const nodes = parseJsonPath(arg);
        const data = view(objects, single);
        if (format === "jsonpath-as-json") return ok(toJson(evalAsJson(nodes, data)));
        return ok(executeJsonPath(nodes, data));
      } catch (e) {
        if (e instanceof JsonPathError) return fail(`error parsing jsonpath ${arg}, ${e.message}\n`);
        throw e;
      }
    }
    case "custom-columns":
      try {
        const columns = parseCustomColumns(arg);
        if (objects.length === 0) return ok("", noResources(opts));
        return ok(renderCustomColumns(columns, objects, opts.noHeaders ?? false));
      } catch (e) {
        return fail(e instanceof Error ? e.message : String(e));
      }
    case "go-template":
    case "go-template-file":
    case "template":
    case "templatefile":
    case "custom-columns-file":
    case "jsonpath-file":
      return fail(`output format "${format}" is not supported by kubeglass`);
    default:
      return fail(
        `unable to match a printer suitable for the output format "${output}", allowed formats are: ${ALLOWED_FORMATS}`,
      );
  }
}

/** jsonpath-as-json: the results of the template's expressions as a JSON array. */
function evalAsJson(nodes: ReturnType<typeof parseJsonPath>, data: unknown): unknown[] {
  const out: unknown[] = [];
  for (const n of nodes) {
    if (n.t === "expr") {
      const text = executeJsonPath([n], data);
      try {
        out.push(JSON.parse(text));
      } catch {
        out.push(text);
      }
    }
  }
  return out;
}

/** One table per kind in order of first appearance, separated by a blank line (get.go). */
function printTables(objects: readonly KubeObject[], opts: GetPrintOptions, wide: boolean): PrintResult {
  if (objects.length === 0) return ok("", noResources(opts));
  const groups = new Map<string, KubeObject[]>();
  for (const o of objects) {
    const g = groups.get(o.kind);
    if (g) g.push(o);
    else groups.set(o.kind, [o]);
  }
  const withKind = opts.withKind ?? groups.size > 1;
  const parts: string[] = [];
  for (const [kind, items] of groups) {
    parts.push(
      renderTable(tableFor(kind), items, {
        now: opts.now,
        wide,
        withNamespace: (opts.allNamespaces ?? false) && !isClusterScoped(kind),
        showLabels: opts.showLabels,
        noHeaders: opts.noHeaders,
        withKind,
      }),
    );
  }
  return ok(parts.join(opts.noHeaders ? "" : "\n"));
}
