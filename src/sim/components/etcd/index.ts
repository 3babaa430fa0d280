export { EtcdStore, type EtcdEntry, type EtcdPath, type EtcdSlot, type EtcdSwap, type EtcdWrite } from "./etcdStore";
export { EtcdServer } from "./etcdServer";
