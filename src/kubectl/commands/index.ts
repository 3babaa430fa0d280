import type { Command } from "../context";
import { apiResourcesCommand } from "./apiResources";
import { applyCommand } from "./apply";
import { cordonCommand, uncordonCommand } from "./cordon";
import { createCommand } from "./create";
import { deleteCommand } from "./delete";
import { describeCommand } from "./describe";
import { drainCommand } from "./drain";
import { eventsCommand } from "./events";
import { execCommand } from "./exec";
import { explainCommand } from "./explain";
import { exposeCommand } from "./expose";
import { getCommand } from "./get";
import { authCommand, clusterInfoCommand, configCommand, versionCommand } from "./info";
import { annotateCommand, labelCommand } from "./labelAnnotate";
import { logsCommand } from "./logs";
import { rolloutCommand } from "./rollout";
import { runCommand } from "./run";
import { scaleCommand } from "./scale";
import { setCommand } from "./setImage";
import { taintCommand } from "./taint";
import { topCommand } from "./top";

/** The commands kubeglass implements. */
export const COMMANDS: Command[] = [
  annotateCommand,
  apiResourcesCommand,
  applyCommand,
  authCommand,
  clusterInfoCommand,
  configCommand,
  cordonCommand,
  createCommand,
  deleteCommand,
  describeCommand,
  drainCommand,
  eventsCommand,
  execCommand,
  explainCommand,
  exposeCommand,
  getCommand,
  labelCommand,
  logsCommand,
  rolloutCommand,
  runCommand,
  scaleCommand,
  setCommand,
  taintCommand,
  topCommand,
  uncordonCommand,
  versionCommand,
];

/** Every top-level kubectl v1.34 command (for cobra's "Did you mean this?"), sorted as cobra sorts them. */
export const KUBECTL_COMMAND_NAMES = [
  "annotate", "api-resources", "api-versions", "apply", "attach", "auth", "autoscale", "certificate", "cluster-info",
  "completion", "config", "cordon", "cp", "create", "debug", "delete", "describe", "diff", "drain", "edit", "events",
  "exec", "explain", "expose", "get", "help", "kustomize", "label", "logs", "options", "patch", "plugin",
  "port-forward", "proxy", "replace", "rollout", "run", "scale", "set", "taint", "top", "uncordon", "version", "wait",
];
