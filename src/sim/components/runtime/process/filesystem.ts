/** A container's writable layer, just enough for `touch`, `cat`, `rm`, `ls` and `echo > file`. */

const ROOT_DIRS = ["/bin", "/dev", "/etc", "/home", "/proc", "/root", "/sys", "/tmp", "/usr", "/var"];

export class FileSystem {
  private readonly files = new Map<string, string>();
  private readonly dirs = new Set<string>(["/", ...ROOT_DIRS]);

  constructor(initial: Readonly<Record<string, string>> = {}) {
    for (const [path, content] of Object.entries(initial)) this.write(path, content);
    this.files.set("/dev/null", "");
  }

  static normalize(path: string): string {
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

  isFile(path: string): boolean {
    return this.files.has(FileSystem.normalize(path));
  }

  isDir(path: string): boolean {
    return this.dirs.has(FileSystem.normalize(path));
  }

  exists(path: string): boolean {
    return this.isFile(path) || this.isDir(path);
  }

  read(path: string): string | undefined {
    return this.files.get(FileSystem.normalize(path));
  }

  /** Writes (or appends to) a file; false if the directory does not exist. */
  write(path: string, content: string, append = false): boolean {
    const p = FileSystem.normalize(path);
    if (p === "/dev/null") return true;
    const parent = FileSystem.parent(p);
    if (!this.dirs.has(parent)) {
      if (parent.split("/").length > 2) return false;
      this.dirs.add(parent);
    }
    this.files.set(p, append ? (this.files.get(p) ?? "") + content : content);
    return true;
  }

  mkdir(path: string, parents: boolean): boolean {
    const p = FileSystem.normalize(path);
    if (this.dirs.has(p)) return parents;
    if (!this.dirs.has(FileSystem.parent(p))) {
      if (!parents) return false;
      this.mkdir(FileSystem.parent(p), true);
    }
    this.dirs.add(p);
    return true;
  }

  remove(path: string): boolean {
    const p = FileSystem.normalize(path);
    if (this.files.delete(p)) return true;
    if (p !== "/" && this.dirs.delete(p)) {
      for (const f of [...this.files.keys()]) if (f.startsWith(`${p}/`)) this.files.delete(f);
      for (const d of [...this.dirs]) if (d.startsWith(`${p}/`)) this.dirs.delete(d);
      return true;
    }
    return false;
  }

  /** Names directly inside `dir`, sorted. */
  list(dir: string): string[] {
    const p = FileSystem.normalize(dir);
    const prefix = p === "/" ? "/" : `${p}/`;
    const names = new Set<string>();
    for (const entry of [...this.files.keys(), ...this.dirs]) {
      if (entry.startsWith(prefix) && entry !== p) {
        const rest = entry.slice(prefix.length);
        if (rest && !rest.includes("/")) names.add(rest);
      }
    }
    return [...names].sort();
  }
}
