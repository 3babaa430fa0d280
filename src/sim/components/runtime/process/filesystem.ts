/**
 * A container's writable layer, just enough for `touch`, `cat`, `rm`, `ls` and `echo > file`.
 * Built lazily on first write: most containers never touch it, and 30,000 of them must be cheap.
 */

const ROOT_DIRS: ReadonlySet<string> = new Set(["/", "/bin", "/dev", "/etc", "/home", "/proc", "/root", "/sys", "/tmp", "/usr", "/var"]);

export class FileSystem {
  private files: Map<string, string> | undefined;
  private dirs: Set<string> | undefined;
  /** Default entries (root dirs, generated files) removed by `rm`. */
  private removed: Set<string> | undefined;

  /** `generated` supplies files the image or kubelet provide (/etc/hostname), read on demand. */
  constructor(private readonly generated: (path: string) => string | undefined = () => undefined) {}

  static normalize(path: string): string {
    if (path.startsWith("/") && !path.includes("//") && !path.includes("/.") && (path.length === 1 || !path.endsWith("/"))) return path;
    const parts: string[] = [];
    for (const part of (path.startsWith("/") ? path : `/${path}`).split("/")) {
      if (part === "" || part === ".") continue;
      if (part === "..") parts.pop();
      else parts.push(part);
    }
    return `/${parts.join("/")}`;
  }

  private static parent(path: string): string {
    const i = path.lastIndexOf("/");
    return i <= 0 ? "/" : path.slice(0, i);
  }

  private fileAt(p: string): string | undefined {
    const own = this.files?.get(p);
    if (own !== undefined) return own;
    if (this.removed?.has(p)) return undefined;
    return p === "/dev/null" ? "" : this.generated(p);
  }

  private dirAt(p: string): boolean {
    if (this.dirs?.has(p)) return true;
    return ROOT_DIRS.has(p) && !this.removed?.has(p);
  }

  isFile(path: string): boolean {
    return this.fileAt(FileSystem.normalize(path)) !== undefined;
  }

  isDir(path: string): boolean {
    return this.dirAt(FileSystem.normalize(path));
  }

  exists(path: string): boolean {
    return this.isFile(path) || this.isDir(path);
  }

  read(path: string): string | undefined {
    return this.fileAt(FileSystem.normalize(path));
  }

  /** Writes (or appends to) a file; false if its directory does not exist (one level is created). */
  write(path: string, content: string, append = false): boolean {
    const p = FileSystem.normalize(path);
    if (p === "/dev/null") return true;
    const parent = FileSystem.parent(p);
    if (!this.dirAt(parent)) {
      if (parent.split("/").length > 2) return false;
      (this.dirs ??= new Set()).add(parent);
    }
    const files = (this.files ??= new Map());
    files.set(p, append ? (this.fileAt(p) ?? "") + content : content);
    this.removed?.delete(p);
    return true;
  }

  mkdir(path: string, parents: boolean): boolean {
    const p = FileSystem.normalize(path);
    if (this.dirAt(p)) return parents;
    if (!this.dirAt(FileSystem.parent(p))) {
      if (!parents) return false;
      this.mkdir(FileSystem.parent(p), true);
    }
    (this.dirs ??= new Set()).add(p);
    this.removed?.delete(p);
    return true;
  }

  remove(path: string): boolean {
    const p = FileSystem.normalize(path);
    if (p === "/") return false;
    if (this.fileAt(p) !== undefined) {
      this.files?.delete(p);
      (this.removed ??= new Set()).add(p);
      return true;
    }
    if (this.dirAt(p)) {
      this.dirs?.delete(p);
      (this.removed ??= new Set()).add(p);
      for (const f of [...(this.files?.keys() ?? [])]) if (f.startsWith(`${p}/`)) this.files?.delete(f);
      for (const d of [...(this.dirs ?? [])]) if (d.startsWith(`${p}/`)) this.dirs?.delete(d);
      return true;
    }
    return false;
  }

  /** Names directly inside `dir`, sorted (generated files are listed only once written). */
  list(dir: string): string[] {
    const p = FileSystem.normalize(dir);
    const prefix = p === "/" ? "/" : `${p}/`;
    const names = new Set<string>();
    const entries = [...(this.files?.keys() ?? []), ...(this.dirs ?? []), ...ROOT_DIRS, ...(p === "/dev" ? ["/dev/null"] : [])];
    for (const entry of entries) {
      if (this.removed?.has(entry)) continue;
      if (entry.startsWith(prefix) && entry !== p) {
        const rest = entry.slice(prefix.length);
        if (rest && !rest.includes("/")) names.add(rest);
      }
    }
    if (p === "/etc") for (const f of ["hostname", "hosts"]) if (this.fileAt(`/etc/${f}`) !== undefined) names.add(f);
    return [...names].sort();
  }
}
