export { EtcdStore, type EtcdEntry, type EtcdSlot, type EtcdSwap, type EtcdWrite } from "./etcdStore";
export { EtcdServer } from "./etcdServer";
