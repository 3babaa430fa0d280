/** IPv4 CIDR arithmetic for the range allocator (one /24 per node out of the cluster CIDR). */

function ipToInt(ip: string): number {
  const parts = ip.split(".").map(Number);
  if (parts.length !== 4 || parts.some((p) => !Number.isInteger(p) || p < 0 || p > 255)) throw new Error(`invalid IPv4 address ${ip}`);
  return ((parts[0] << 24) >>> 0) + (parts[1] << 16) + (parts[2] << 8) + parts[3];
}

function intToIp(n: number): string {
  return [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join(".");
}

/**
 * cidrset.CidrSet: the cluster CIDR cut into node-sized subnets, handed out from a rotating
 * `nextCandidate` (a freed subnet is not reused at once, as upstream).
 */
export class CidrSet {
  private readonly base: number;
  private readonly step: number;
  readonly size: number;
  private readonly used = new Set<number>();
  private nextCandidate = 0;

  constructor(
    readonly clusterCidr = "10.244.0.0/16",
    readonly nodeMaskSize = 24,
  ) {
    const [ip, prefix] = clusterCidr.split("/");
    const bits = Number(prefix);
    if (!(bits >= 0 && bits <= nodeMaskSize && nodeMaskSize <= 32)) throw new Error(`invalid cluster CIDR ${clusterCidr} for /${nodeMaskSize} nodes`);
    this.step = 2 ** (32 - nodeMaskSize);
    this.base = ipToInt(ip) - (ipToInt(ip) % 2 ** (32 - bits));
    this.size = 2 ** (nodeMaskSize - bits);
  }

  cidrAt(index: number): string {
    return `${intToIp(this.base + index * this.step)}/${this.nodeMaskSize}`;
  }

  /** The index of a CIDR inside this set, or undefined if it is not one of its subnets. */
  indexOf(cidr: string): number | undefined {
    const [ip, mask] = cidr.split("/");
    if (Number(mask) !== this.nodeMaskSize) return undefined;
    let n: number;
    try {
      n = ipToInt(ip);
    } catch {
      return undefined;
    }
    const offset = n - this.base;
    if (offset < 0 || offset % this.step !== 0 || offset / this.step >= this.size) return undefined;
    return offset / this.step;
  }

  /** Marks a CIDR already in use (a node that has one). */
  occupy(cidr: string): void {
    const i = this.indexOf(cidr);
    if (i !== undefined) this.used.add(i);
  }

  release(cidr: string): void {
    const i = this.indexOf(cidr);
    if (i !== undefined) this.used.delete(i);
  }

  /** The next free subnet, or undefined when the range is full (CIDRNotAvailable). */
  allocateNext(): string | undefined {
    for (let k = 0; k < this.size; k++) {
      const i = (this.nextCandidate + k) % this.size;
      if (this.used.has(i)) continue;
      this.used.add(i);
      this.nextCandidate = (i + 1) % this.size;
      return this.cidrAt(i);
    }
    return undefined;
  }
}
