export { EtcdStore, type EtcdEntry, type EtcdSwap, type EtcdWrite } from "./etcdStore";
export { EtcdServer } from "./etcdServer";
