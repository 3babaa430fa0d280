export { EtcdStore, type EtcdEntry, type EtcdWrite } from "./etcdStore";
export { EtcdServer } from "./etcdServer";
