/** `kubectl describe namespace` (describe.go describeNamespace; the sim has no quotas or limit ranges). */
import type { Namespace } from "../../../sim/api/types";
import { DescribeWriter, LEVEL_0 } from "./describeWriter";
import { printAnnotationsMultiline, printLabelsMultiline } from "./fields";

export function describeNamespace(ns: Namespace): string {
  const w = new DescribeWriter();
  w.write(LEVEL_0, `Name:\t${ns.metadata.name ?? ""}\n`);
  printLabelsMultiline(w, "Labels", ns.metadata.labels);
  printAnnotationsMultiline(w, "Annotations", ns.metadata.annotations);
  w.write(LEVEL_0, `Status:\t${ns.status?.phase ?? ""}\n`);
  w.write(LEVEL_0, "\n");
  w.write(LEVEL_0, "No resource quota.\n");
  w.write(LEVEL_0, "\n");
  w.write(LEVEL_0, "No LimitRange resource.\n");
  return w.toString();
}
