import type { Status, StatusCause } from "../../api/types";

/** Constructors for the Status objects kube-apiserver returns (k8s.io/apimachinery/pkg/api/errors). */

function status(code: number, reason: Status["reason"], message: string, details?: Status["details"]): Status {
  return { apiVersion: "v1", kind: "Status", status: "Failure", message, reason, details, code };
}

/** `pods "nope" not found` — resource is the qualified plural (`deployments.apps`). */
export function notFound(qualifiedResource: string, name: string): Status {
  return status(404, "NotFound", `${qualifiedResource} "${name}" not found`, { name, kind: qualifiedResource.split(".")[0] });
}

export function alreadyExists(qualifiedResource: string, name: string): Status {
  return status(409, "AlreadyExists", `${qualifiedResource} "${name}" already exists`, { name, kind: qualifiedResource.split(".")[0] });
}

export function conflict(qualifiedResource: string, name: string, why: string): Status {
  return status(409, "Conflict", `Operation cannot be fulfilled on ${qualifiedResource} "${name}": ${why}`, { name, kind: qualifiedResource.split(".")[0] });
}

export const STALE_OBJECT = "the object has been modified; please apply your changes to the latest version and try again";

/** `The Deployment "web" is invalid: spec.replicas: Invalid value: -1: must be …` (errors.NewInvalid). */
export function invalid(kind: string, group: string, name: string, causes: StatusCause[]): Status {
  const parts = causes.map((c) => (c.field ? `${c.field}: ${c.message}` : c.message));
  const joined = parts.length === 1 ? parts[0] : `[${parts.join(", ")}]`;
  const qualifiedKind = group ? `${kind}.${group}` : kind;
  return status(422, "Invalid", `${qualifiedKind} "${name}" is invalid: ${joined}`, { name, group, kind, causes });
}

export function badRequest(message: string): Status {
  return status(400, "BadRequest", message);
}

export function forbidden(message: string): Status {
  return status(403, "Forbidden", message);
}

export function methodNotAllowed(message: string): Status {
  return status(405, "MethodNotAllowed", message);
}

export function tooManyRequests(message: string, causes?: StatusCause[]): Status {
  return status(429, "TooManyRequests", message, causes ? { causes } : undefined);
}

export function internalError(message: string): Status {
  return status(500, "InternalError", message);
}

export function serviceUnavailable(message: string): Status {
  return status(503, "ServiceUnavailable", message);
}
