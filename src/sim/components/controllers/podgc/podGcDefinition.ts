import type { ControllerDefinition } from "../framework/kubeControllerManager";
import { POD_GC_CHECK_PERIOD_MS, POD_GC_KEY, POD_GC_QUARANTINE_MS, PodGcController } from "./podGcController";

/** kube-controller-manager's "pod-garbage-collector". */
export const podGcControllerDefinition: ControllerDefinition = {
  name: "pod-garbage-collector",
  create(setup) {
    const runner = setup.run(new PodGcController(setup.config.podGcCheckPeriodMs ?? POD_GC_CHECK_PERIOD_MS, setup.config.podGcQuarantineMs ?? POD_GC_QUARANTINE_MS));
    setup.informer("pods");
    setup.informer("nodes");
    // The first pass runs one period after start, then the runner resyncs it every period.
    setup.kernel.after(setup.config.podGcCheckPeriodMs ?? POD_GC_CHECK_PERIOD_MS, () => runner.enqueue(POD_GC_KEY), { background: true });
  },
};
