import type { Command } from "../context";
import { applyCommand } from "./apply";
import { createCommand } from "./create";
import { deleteCommand } from "./delete";
import { getCommand } from "./get";

/** The commands kubeglass implements. */
export const COMMANDS: Command[] = [applyCommand, createCommand, deleteCommand, getCommand];

/** Every top-level kubectl v1.34 command (for cobra's "Did you mean this?"), sorted as cobra sorts them. */
export const KUBECTL_COMMAND_NAMES = [
  "annotate", "api-resources", "api-versions", "apply", "attach", "auth", "autoscale", "certificate", "cluster-info",
  "completion", "config", "cordon", "cp", "create", "debug", "delete", "describe", "diff", "drain", "edit", "events",
  "exec", "explain", "expose", "get", "help", "kustomize", "label", "logs", "options", "patch", "plugin",
  "port-forward", "proxy", "replace", "rollout", "run", "scale", "set", "taint", "top", "uncordon", "version", "wait",
];
