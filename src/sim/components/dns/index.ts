export { CoreDns } from "./coreDns";
export { resolve, resolvConf, searchPath, formatNslookup, CLUSTER_DOMAIN, DNS_SERVICE_IP, type DnsAnswer } from "./dnsRecords";
