export { KubeProxy, MIN_SYNC_PERIOD_MS } from "./kubeProxy";
export { computeRules, chainName, pickEndpoint, type ProxyRules, type ProxyServicePort, type ProxyEndpoint, type ProxyMode } from "./proxyRules";
export { iptablesSave, ipvsadmList } from "./iptablesSave";
