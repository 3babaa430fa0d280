/** Helpers for the process tests: a real Kernel as the scheduler and resolved catalogue images. */
import { Kernel } from "../../../runtime";
import { parseImageReference } from "../imageReference";
import { resolveImage } from "../images";
import { startProcess } from "./launch";
import type { ExitReason, Process, ProcessSpec } from "./types";

export interface Started {
  kernel: Kernel;
  proc: Process;
  exits: { code: number; reason: ExitReason; at: number }[];
  text(): string[];
}

export function imageOf(ref: string): ProcessSpec["image"] {
  const p = parseImageReference(ref);
  if (!p.ok) throw new Error(p.error);
  const r = resolveImage(p.ref);
  if (!r.found) throw new Error(`${ref} not found`);
  return r.image;
}

export function start(image: string, opts: Partial<Omit<ProcessSpec, "image">> = {}): Started {
  const kernel = new Kernel(1);
  const exits: Started["exits"] = [];
  const spec: ProcessSpec = { image: imageOf(image), hostname: "web-0", podIP: "10.244.1.5", cpus: 2, ...opts };
  const proc = startProcess(spec, { now: () => kernel.now, after: (ms, fn) => kernel.after(ms, fn) }, (code, reason) => exits.push({ code, reason, at: kernel.now }));
  if ("message" in proc) throw new Error(proc.message);
  return { kernel, proc, exits, text: () => proc.logs().map((l) => l.text) };
}
