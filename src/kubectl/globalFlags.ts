import type { FlagSpec } from "./parse/flags";

/** kubectl's persistent (global) flags. */
export const GLOBAL_FLAGS: FlagSpec[] = [
  { name: "namespace", short: "n", type: "string" },
  { name: "context", type: "string" },
  { name: "cluster", type: "string" },
  { name: "user", type: "string" },
  { name: "kubeconfig", type: "string" },
  { name: "server", short: "s", type: "string" },
  { name: "token", type: "string" },
  { name: "as", type: "string" },
  { name: "request-timeout", type: "string", default: "0" },
  { name: "insecure-skip-tls-verify", type: "bool" },
  { name: "match-server-version", type: "bool" },
  { name: "warnings-as-errors", type: "bool" },
  { name: "v", short: "v", type: "int", default: 0 },
  { name: "help", short: "h", type: "bool" },
];

/** Flags shared by many commands. */
export const F = {
  output: { name: "output", short: "o", type: "string" } as FlagSpec,
  selector: { name: "selector", short: "l", type: "string" } as FlagSpec,
  fieldSelector: { name: "field-selector", type: "string" } as FlagSpec,
  allNamespaces: { name: "all-namespaces", short: "A", type: "bool" } as FlagSpec,
  filename: { name: "filename", short: "f", type: "stringArray" } as FlagSpec,
  dryRun: { name: "dry-run", type: "string", default: "none", noOptDefault: "unchanged" } as FlagSpec,
  all: { name: "all", type: "bool" } as FlagSpec,
  overwrite: { name: "overwrite", type: "bool" } as FlagSpec,
  timeout: { name: "timeout", type: "string" } as FlagSpec,
  recursive: { name: "recursive", short: "R", type: "bool" } as FlagSpec,
  showLabels: { name: "show-labels", type: "bool" } as FlagSpec,
  noHeaders: { name: "no-headers", type: "bool" } as FlagSpec,
  fieldManager: { name: "field-manager", type: "string" } as FlagSpec,
  validate: { name: "validate", type: "string", default: "strict", noOptDefault: "strict" } as FlagSpec,
  record: { name: "record", type: "bool" } as FlagSpec,
};
