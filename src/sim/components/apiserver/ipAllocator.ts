import type { Rng } from "../../runtime/rng";

/** Service ClusterIPs from 10.96.0.0/12 (10.96.0.0 – 10.111.255.255) and NodePorts from 30000–32767. */
export class ServiceAllocator {
  private readonly ips = new Set<string>();
  private readonly ports = new Set<number>();

  constructor(private readonly rng: Rng) {}

  reserveIp(ip: string): boolean {
    if (this.ips.has(ip)) return false;
    this.ips.add(ip);
    return true;
  }

  allocateIp(): string {
    for (;;) {
      const n = this.rng.int(11, (1 << 20) - 2); // skip the first addresses kubeadm hands out by name
      const ip = `10.${96 + (n >> 16)}.${(n >> 8) & 255}.${n & 255}`;
      if (this.reserveIp(ip)) return ip;
    }
  }

  releaseIp(ip: string): void {
    this.ips.delete(ip);
  }

  static inRange(ip: string): boolean {
    const p = ip.split(".").map(Number);
    return p.length === 4 && p[0] === 10 && p[1] >= 96 && p[1] <= 111 && p.every((x) => Number.isInteger(x) && x >= 0 && x <= 255);
  }

  reservePort(port: number): boolean {
    if (this.ports.has(port)) return false;
    this.ports.add(port);
    return true;
  }

  allocatePort(): number {
    for (;;) {
      const p = this.rng.int(30000, 32767);
      if (this.reservePort(p)) return p;
    }
  }

  releasePort(port: number): void {
    this.ports.delete(port);
  }
}
