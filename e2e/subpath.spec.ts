import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { expect, test } from "@playwright/test";
import { collectConsoleErrors } from "./consoleErrors";

// The static site is hosted under a sub-path (a GitHub Pages project page, a course web server).
// The build the other specs use is served a second time under /course/kubeglass/ and used there.
const SUBPATH = "/course/kubeglass/";

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      const port = typeof address === "object" && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

async function waitForServer(url: string, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no server at ${url}`);
}

let server: ChildProcess | undefined;
let base = "";

test.beforeAll(async () => {
  const port = await freePort();
  // dist/ was built by the web server that serves the other specs.
  server = spawn("npx", ["vite", "preview", "--host", "127.0.0.1", "--port", String(port), "--strictPort", "--base", SUBPATH], { stdio: "ignore", detached: true });
  base = `http://127.0.0.1:${port}${SUBPATH}`;
  await waitForServer(base);
});

test.afterAll(() => {
  if (server?.pid) process.kill(-server.pid);
});

test("served under a sub-path, the cluster runs and the lazy panels load", async ({ page }) => {
  const errors = collectConsoleErrors(page);
  await page.goto(base);
  await expect(page.getByRole("button", { name: "kube-apiserver", exact: true })).toBeVisible();
  // The simulation chunk is fetched relative to the page: the nodes come up.
  await expect(page.getByRole("region", { name: "Cluster diagram" }).getByRole("group", { name: "worker-1, Ready", exact: true })).toBeVisible({ timeout: 30_000 });
  // Panels loaded on demand (the terminal, kubectl's printers: their own chunks) work too.
  await page.getByRole("tab", { name: "Terminal" }).click();
  const terminal = page.getByRole("region", { name: "Terminal" });
  await expect(terminal).toBeVisible();
  await terminal.locator(".xterm").click();
  await page.keyboard.type("kubectl get nodes");
  await page.keyboard.press("Enter");
  await expect(terminal.locator(".xterm-rows")).toContainText("worker-3", { timeout: 15_000 });
  expect(errors).toEqual([]);
});
