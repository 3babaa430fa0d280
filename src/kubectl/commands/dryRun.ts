import type { CommandContext } from "../context";
import { plainError } from "../errors";

export type DryRun = "none" | "client" | "server";

/** `--dry-run=client|server|none`. */
export function dryRunStrategy(ctx: CommandContext): DryRun {
  const v = ctx.str("dry-run") || "none";
  if (v === "none" || v === "client" || v === "server") return v;
  throw plainError(`Invalid dry-run value (${v}). Must be "none", "server", or "client".`);
}

/** ` (dry run)` / ` (server dry run)` after an operation. */
export function dryRunSuffix(d: DryRun): string {
  return d === "client" ? " (dry run)" : d === "server" ? " (server dry run)" : "";
}
