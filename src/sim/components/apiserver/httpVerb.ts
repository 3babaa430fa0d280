import type { ApiRequest } from "./request";

const METHOD: Record<ApiRequest["verb"], string> = {
  get: "GET",
  list: "GET",
  watch: "GET",
  create: "POST",
  update: "PUT",
  patch: "PATCH",
  delete: "DELETE",
  deletecollection: "DELETE",
};

/** `POST deployments`, `PATCH pods/status`, `GET pods?watch` — the packet label of a request. */
export function requestSummary(req: ApiRequest): string {
  const sub = req.subresource ? `/${req.subresource}` : "";
  const watch = req.verb === "watch" ? "?watch" : "";
  return `${METHOD[req.verb]} ${req.resource}${sub}${watch}`;
}

/** The REST path, as the audit log would show it. */
export function requestPath(req: ApiRequest, group: string, version: string): string {
  const root = group ? `/apis/${group}/${version}` : `/api/${version}`;
  const ns = req.namespace ? `/namespaces/${req.namespace}` : "";
  const name = req.name ? `/${req.name}` : "";
  const sub = req.subresource ? `/${req.subresource}` : "";
  return `${root}${ns}/${req.resource}${name}${sub}`;
}

/** A plain verb phrase for narration: "create the Deployment web". */
export function verbPhrase(req: ApiRequest, kind: string): string {
  const what = req.name ? `${kind} ${req.name}` : req.verb === "list" || req.verb === "watch" ? `${req.resource}` : kind;
  switch (req.verb) {
    case "create":
      return req.subresource === "binding" ? `bind pod ${req.name}` : req.subresource === "eviction" ? `evict pod ${req.name}` : `create ${what}`;
    case "update":
    case "patch":
      return req.subresource === "status" ? `update the status of ${what}` : `update ${what}`;
    case "delete":
      return `delete ${what}`;
    case "get":
      return `read ${what}`;
    case "list":
      return `list ${what}`;
    case "watch":
      return `watch ${what}`;
    default:
      return `${req.verb} ${what}`;
  }
}
