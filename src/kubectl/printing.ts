/**
 * The seam between commands and the printers (`./printers`): commands print through these
 * few functions, so the printers' API is used in one place.
 */
import type { KubeObject } from "../sim/api/types";
import { KubectlError } from "./errors";
import { printObjects as print, validateOutputFormat, type GetPrintOptions } from "./printers";

export type { GetPrintOptions };

/** Throws kubectl's error for an `-o` value no printer accepts. */
export function checkOutputFormat(format: string): void {
  const err = validateOutputFormat(format);
  if (err) throw new KubectlError(err.replace(/\n$/, ""));
}

/** Everything `kubectl get` prints for these objects: stdout text, stderr text (e.g. "No resources found"). */
export function printGet(objects: readonly KubeObject[], opts: GetPrintOptions): { stdout: string; stderr: string; exitCode: number } {
  return print(objects, opts);
}

/** One object in an `-o` format (`create --dry-run=client -o yaml`, `get -w -o name`). */
export function printOne(object: KubeObject, output: string, now: number): string {
  const r = print([object], { now, output, singleItem: true });
  if (r.exitCode !== 0) throw new KubectlError(r.stderr.replace(/\n$/, ""));
  return r.stdout;
}
