export { SimulatedCloud, CloudProvider, defaultLoadBalancerName, LOAD_BALANCER_FIRST_IP, type CloudLoadBalancer, type LoadBalancerPort } from "./cloudProvider";
export { TracedCloudClient, CLOUD_TIMINGS, type CloudApi, type CloudTimings } from "./cloudClient";
export { ServiceController, loadBalancerNodes, LOAD_BALANCER_FINALIZER, LABEL_EXCLUDE_FROM_LB } from "./serviceController";
export { CloudNodeLifecycleController, CLOUD_NODE_MONITOR_KEY, CLOUD_NODE_MONITOR_PERIOD_MS, TAINT_NODE_SHUTDOWN } from "./cloudNodeLifecycleController";
export { CloudControllerManager, type CloudControllerManagerOptions } from "./cloudControllerManager";
