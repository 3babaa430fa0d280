import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import lz from "lz-string";
import { collectConsoleErrors } from "./consoleErrors";

// The side panels: manifest editor, terminal, inspector, faults, and shared links.

const SHOTS = "test-results/screenshots";

async function openTab(page: Page, name: "Editor" | "Terminal" | "Inspector" | "Faults") {
  const tab = page.getByRole("tab", { name });
  if ((await tab.getAttribute("aria-selected")) !== "true") await tab.click();
}

async function setSpeed(page: Page, speed: string) {
  await page.getByRole("combobox", { name: "Speed" }).selectOption(speed);
}

/** Waits for the live cluster, as a user does (the diagram is drawn, as starting, before it is up). */
async function booted(page: Page) {
  await expect(page.getByRole("region", { name: "Cluster diagram" }).getByRole("group", { name: "worker-1, Ready", exact: true })).toBeVisible({ timeout: 20_000 });
}

async function typeInTerminal(page: Page, line: string) {
  await page.getByRole("region", { name: "Terminal" }).locator(".xterm").click();
  await page.keyboard.type(line);
  await page.keyboard.press("Enter");
}

const terminalText = (page: Page) => page.getByRole("region", { name: "Terminal" }).locator(".xterm-rows");

/** Pods straight from the cluster (for what the diagram does not print: which node). */
async function pods(page: Page, prefix: string): Promise<{ name: string; node: string; phase: string; deleting: boolean }[]> {
  return page.evaluate((p) => {
    const list = window.kubeglass?.session.cluster.list("pods", "default") ?? [];
    return list
      .filter((o) => (o.metadata.name ?? "").startsWith(p))
      .map((o) => {
        const pod = o as unknown as { spec: { nodeName?: string }; status?: { phase?: string }; metadata: { name?: string; deletionTimestamp?: string } };
        return { name: pod.metadata.name ?? "", node: pod.spec.nodeName ?? "", phase: pod.status?.phase ?? "", deleting: !!pod.metadata.deletionTimestamp };
      });
  }, prefix);
}

/** Replaces the text (after its indentation) of the first editor line that contains `find`. */
async function editLine(page: Page, find: string, replacement: string) {
  const editor = page.getByRole("region", { name: "Manifest editor" });
  await editor.locator(".cm-line", { hasText: find }).first().click();
  await page.keyboard.press("End");
  await page.keyboard.press("Shift+Home"); // CodeMirror stops at the indentation
  await page.keyboard.type(replacement);
  await expect(editor.locator(".cm-line", { hasText: replacement })).toHaveCount(1);
}

test("pick an example, edit it, apply it: its pods appear and run", async ({ page }) => {
  const errors = collectConsoleErrors(page);
  await page.goto("./");
  await booted(page);
  await openTab(page, "Editor");
  const editor = page.getByRole("region", { name: "Manifest editor" });
  await expect(editor).toBeVisible();
  await editor.getByRole("combobox", { name: "Examples" }).selectOption({ label: "nginx Deployment (3 replicas)" });
  await expect(editor.getByLabel("What to watch")).toContainText("creates a ReplicaSet");
  await editLine(page, "replicas: 3", "replicas: 2");
  await expect(editor.getByText("No problems")).toBeVisible();
  await expect(editor.locator(".cm-lintRange-error")).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/panels-editor-1280x800.png` });
  await editor.getByRole("button", { name: "Apply" }).click();
  await expect(editor.getByRole("status", { name: "Apply result" })).toHaveText("deployment.apps/nginx created", { timeout: 20_000 });
  await setSpeed(page, "10");
  const diagram = page.getByRole("region", { name: "Cluster diagram" });
  await expect(diagram.getByRole("button", { name: /^nginx-[a-z0-9]+-[a-z0-9]{5}, Running$/ })).toHaveCount(2, { timeout: 45_000 });
  await page.screenshot({ path: `${SHOTS}/panels-editor-applied-1280x800.png` });
  expect(errors).toEqual([]);
});

test("an invalid manifest is marked at its line and creates nothing", async ({ page }) => {
  const errors = collectConsoleErrors(page);
  await page.goto("./");
  await booted(page);
  await openTab(page, "Editor");
  const editor = page.getByRole("region", { name: "Manifest editor" });
  await editor.getByRole("combobox", { name: "Examples" }).selectOption({ label: "nginx Deployment (3 replicas)" });
  await editLine(page, "replicas: 3", "replicas: -1");
  const problems = editor.getByRole("list", { name: "Problems" });
  await expect(problems).toContainText('line 8 The Deployment "nginx" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0');
  // The squiggle sits on the replicas line itself.
  await expect(editor.locator(".cm-line", { hasText: "replicas: -1" }).locator(".cm-lintRange-error")).toHaveCount(1);
  await editor.locator(".cm-lintRange-error").first().hover();
  await expect(page.locator(".cm-tooltip-lint")).toContainText("must be greater than or equal to 0");
  await page.screenshot({ path: `${SHOTS}/panels-editor-invalid-1280x800.png` });
  await page.keyboard.press("Escape");
  await editor.getByRole("button", { name: "Apply" }).click();
  await expect(editor.getByLabel("Apply result")).toContainText("Not applied — line 8:");
  await setSpeed(page, "10");
  await page.waitForTimeout(1500);
  const deployments = await page.evaluate(() => window.kubeglass?.session.cluster.list("deployments", "default").length);
  expect(deployments).toBe(0);
  expect(errors).toEqual([]);
});

test("the terminal runs kubectl: -w streams, Ctrl+C stops, the real table, completion, history, apply -f NAME", async ({ page }) => {
  const errors = collectConsoleErrors(page);
  await page.goto("./");
  await booted(page);
  await setSpeed(page, "10");
  await openTab(page, "Terminal");
  await expect(page.getByRole("region", { name: "Terminal" })).toBeVisible();
  // Wider, so kubectl's tables do not wrap (the separator moves 40 px per key press).
  const handle = page.getByRole("separator", { name: "Resize the side panel" });
  await handle.focus();
  for (let i = 0; i < 4; i++) await handle.press("ArrowLeft");
  await expect(handle).toHaveAttribute("aria-valuenow", "640");
  await typeInTerminal(page, "kubectl get pods -w");
  await expect(terminalText(page)).toContainText("No resources found in default namespace.", { timeout: 20_000 });
  // The watch streams the pods the Deployment creates, until Ctrl+C.
  await page.getByRole("button", { name: "Apply example: nginx Deployment" }).click();
  await expect(terminalText(page)).toContainText(/nginx-[a-z0-9]+-[a-z0-9]{5}\s+0\/1\s+Pending/, { timeout: 30_000 });
  await expect(terminalText(page)).toContainText(/nginx-[a-z0-9]+-[a-z0-9]{5}\s+1\/1\s+Running/, { timeout: 45_000 });
  await page.getByRole("region", { name: "Terminal" }).locator(".xterm").click();
  await page.keyboard.press("Control+c");
  await expect(terminalText(page)).toContainText("^C");
  // Tab completes the command and the resource type.
  await page.keyboard.type("kubectl g");
  await page.keyboard.press("Tab");
  await page.keyboard.type("pods");
  await page.keyboard.press("Enter");
  await expect(terminalText(page)).toContainText("$ kubectl get pods");
  // The table kubectl prints: its header, then one row per pod.
  await expect(terminalText(page)).toContainText("RESTARTS", { timeout: 20_000 });
  const rows = await terminalText(page).locator("div").allTextContents();
  const after = rows.slice(rows.lastIndexOf("$ kubectl get pods") + 1).map((r) => r.replace(/\u00a0/g, " ").trimEnd());
  expect(after[0]).toMatch(/^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE$/);
  for (const row of after.slice(1, 4)) expect(row).toMatch(/^nginx-[a-z0-9]+-[a-z0-9]{5}\s+[01]\/1\s+(Running|ContainerCreating)\s+0\s+\d+s$/);
  // ↑ brings the last command back; Ctrl+C drops the line.
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("ArrowUp");
  await expect(terminalText(page).locator("div").filter({ hasText: /^\$ kubectl get pods -w\s*$/ }).last()).toBeVisible();
  await page.keyboard.press("Control+c");
  await typeInTerminal(page, "kubectl apply -f crashloop.yaml");
  await expect(terminalText(page)).toContainText("pod/crash created", { timeout: 20_000 });
  await typeInTerminal(page, "sim time");
  await expect(terminalText(page)).toContainText(/t=\d/);
  await page.screenshot({ path: `${SHOTS}/panels-terminal-1280x800.png` });
  expect(errors).toEqual([]);
});

/** Applies the nginx example with the top bar's button and waits for 3 Running pods. */
async function nginxRunning(page: Page) {
  await page.getByRole("button", { name: "Apply example: nginx Deployment" }).click();
  await setSpeed(page, "10");
  await expect(page.getByRole("region", { name: "Cluster diagram" }).getByRole("button", { name: /^nginx-.*, Running$/ })).toHaveCount(3, { timeout: 45_000 });
}

test("click a pod: the inspector shows its owner chain, events and YAML; then the scheduler's table", async ({ page }) => {
  const errors = collectConsoleErrors(page);
  await page.goto("./");
  await booted(page);
  await nginxRunning(page);
  await page.getByRole("button", { name: "Pause" }).click();
  const diagram = page.getByRole("region", { name: "Cluster diagram" });
  const chip = diagram.getByRole("button", { name: /^nginx-.*, Running$/ }).first();
  const podName = ((await chip.getAttribute("aria-label")) ?? "").split(",")[0];
  await chip.click();
  const inspector = page.getByRole("region", { name: "Inspector" });
  await expect(inspector).toBeVisible();
  await expect(inspector.getByRole("region", { name: "YAML" })).toContainText(`kind: Pod`);
  await expect(inspector.getByRole("region", { name: "YAML" })).toContainText(`name: ${podName}`);
  await expect(inspector.getByRole("region", { name: "YAML" })).toContainText("phase: Running");
  const events = inspector.getByRole("region", { name: "Events" });
  await expect(events).toContainText(`Successfully assigned default/${podName} to worker-`);
  await expect(events).toContainText("Started");
  await expect(inspector.getByRole("region", { name: "Owner chain" })).toContainText("owned by Deployment nginx");
  await page.screenshot({ path: `${SHOTS}/panels-inspector-pod-1280x800.png` });

  await diagram.getByRole("button", { name: "kube-scheduler", exact: true }).click();
  await expect(inspector.getByRole("combobox", { name: "Pod" })).toHaveValue(`default/${podName}`);
  const table = inspector.getByRole("table", { name: "Filter and score plugins per node" });
  await expect(table).toBeVisible();
  for (const plugin of ["NodeUnschedulable", "TaintToleration", "NodeResourcesFit", "NodeResourcesBalancedAllocation", "ImageLocality"]) await expect(table).toContainText(plugin);
  await expect(table).toContainText("node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }");
  await expect(table.locator("thead th.sched__col--chosen")).toContainText("chosen");
  await expect(inspector.getByRole("region", { name: "What it does" })).toContainText("filter plugins rule nodes out");
  await page.screenshot({ path: `${SHOTS}/panels-inspector-scheduler-1280x800.png` });

  await diagram.getByRole("button", { name: "etcd", exact: true }).click();
  await expect(inspector.getByRole("region", { name: "Keys" })).toContainText(`/registry/pods/default/${podName}`);
  await expect(inspector.getByRole("region", { name: "Latest writes" })).toContainText("/registry/");
  await page.screenshot({ path: `${SHOTS}/panels-inspector-etcd-1280x800.png` });

  await diagram.getByRole("button", { name: "kube-proxy on worker-1", exact: true }).click();
  await expect(inspector.getByRole("region", { name: "iptables rules" })).toContainText("-A KUBE-SERVICES -d 10.96.0.10/32 -p udp");
  await expect(inspector.getByRole("region", { name: "Recent messages" })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/panels-inspector-proxy-1280x800.png` });
  expect(errors).toEqual([]);
});

test("stop a worker: it goes NotReady and its pods are replaced on the other workers", async ({ page }) => {
  const errors = collectConsoleErrors(page);
  await page.goto("./");
  await booted(page);
  await nginxRunning(page);
  const before = await pods(page, "nginx-");
  const victim = before[0].node;
  await openTab(page, "Faults");
  const faults = page.getByRole("region", { name: "Faults" });
  await faults.getByRole("button", { name: `Stop ${victim}` }).click();
  await expect(faults.getByRole("status", { name: "Fault result" })).not.toBeEmpty();
  await expect(faults.getByRole("button", { name: `Start ${victim}` })).toBeVisible();
  await setSpeed(page, "600");
  const diagram = page.getByRole("region", { name: "Cluster diagram" });
  await expect(diagram.getByRole("group", { name: `${victim}, NotReady` })).toBeVisible({ timeout: 30_000 });
  await page.screenshot({ path: `${SHOTS}/panels-faults-1280x800.png` });
  // After the 300 s toleration the pod is evicted and the ReplicaSet replaces it elsewhere.
  await expect
    .poll(async () => (await pods(page, "nginx-")).filter((p) => !p.deleting && p.phase === "Running" && p.node !== victim).length, { timeout: 60_000 })
    .toBe(3);
  expect((await pods(page, "nginx-")).some((p) => p.node === victim && p.deleting)).toBe(true);
  expect(errors).toEqual([]);
});

test("stop the scheduler: new pods stay Pending until it starts again", async ({ page }) => {
  const errors = collectConsoleErrors(page);
  await page.goto("./");
  await booted(page);
  await openTab(page, "Faults");
  const faults = page.getByRole("region", { name: "Faults" });
  await faults.getByRole("button", { name: "Stop kube-scheduler" }).click();
  await expect(faults.getByRole("button", { name: "Start kube-scheduler" })).toBeVisible();
  await page.getByRole("button", { name: "Apply example: nginx Deployment" }).click();
  await setSpeed(page, "60");
  const diagram = page.getByRole("region", { name: "Cluster diagram" });
  await expect(diagram.getByRole("button", { name: /^nginx-.*, Pending$/ })).toHaveCount(3, { timeout: 30_000 });
  const t0 = await page.evaluate(() => window.kubeglass?.session.cluster.now() ?? 0);
  await expect.poll(() => page.evaluate(() => window.kubeglass?.session.cluster.now() ?? 0), { timeout: 30_000 }).toBeGreaterThan(t0 + 60_000);
  await expect(diagram.getByRole("button", { name: /^nginx-.*, Pending$/ })).toHaveCount(3);
  expect((await pods(page, "nginx-")).every((p) => p.node === "")).toBe(true);
  await page.screenshot({ path: `${SHOTS}/panels-faults-scheduler-stopped-1280x800.png` });
  await faults.getByRole("button", { name: "Start kube-scheduler" }).click();
  await expect(diagram.getByRole("button", { name: /^nginx-.*, Running$/ })).toHaveCount(3, { timeout: 45_000 });
  expect(errors).toEqual([]);
});

/** Opens a shared link in a fresh page, waits for its replay report, then runs at ×600. */
async function openSharedLink(context: BrowserContext, link: string, report: string) {
  const fresh = await context.newPage();
  const freshErrors = collectConsoleErrors(fresh);
  await fresh.goto(link);
  await booted(fresh);
  await expect(fresh.getByRole("status").filter({ hasText: report })).toBeVisible({ timeout: 45_000 });
  await setSpeed(fresh, "600");
  return { fresh, freshErrors };
}

test("a shared link recreates the scenario in a fresh page", async ({ page, context }) => {
  const errors = collectConsoleErrors(page);
  await page.goto("./");
  await booted(page);
  await openTab(page, "Editor");
  const editor = page.getByRole("region", { name: "Manifest editor" });
  await editor.getByRole("combobox", { name: "Examples" }).selectOption({ label: "A DaemonSet (one pod per node)" });
  await editor.getByRole("button", { name: "Apply" }).click();
  await expect(editor.getByRole("status", { name: "Apply result" })).toHaveText("daemonset.apps/node-agent created", { timeout: 20_000 });
  await setSpeed(page, "10");
  await openTab(page, "Faults");
  await page.getByRole("region", { name: "Faults" }).getByRole("button", { name: "Stop worker-2" }).click();
  await page.getByRole("button", { name: "Share" }).click();
  const link = await page.getByRole("textbox", { name: "Scenario link" }).inputValue();
  expect(link).toMatch(/\?profile=real&seed=1&workers=3#scenario=/);
  await page.screenshot({ path: `${SHOTS}/panels-share-1280x800.png` });

  const { fresh, freshErrors } = await openSharedLink(context, link, "Shared scenario: 2 of 2 steps replayed.");
  const diagram = fresh.getByRole("region", { name: "Cluster diagram" });
  await expect(diagram.getByRole("group", { name: "worker-2, NotReady" })).toBeVisible({ timeout: 30_000 });
  await expect(diagram.getByRole("button", { name: /^node-agent-[a-z0-9]{5}, Running$/ })).toHaveCount(2, { timeout: 30_000 });
  // The editor opens with the shared text, rendered as text.
  await fresh.getByRole("tab", { name: "Editor" }).click();
  await expect(fresh.getByRole("region", { name: "Manifest editor" }).locator(".cm-content")).toContainText("name: node-agent");
  await fresh.screenshot({ path: `${SHOTS}/panels-shared-link-1280x800.png` });
  expect(freshErrors).toEqual([]);
  expect(errors).toEqual([]);
});

test("the guided Apply example is part of a shared link", async ({ page, context }) => {
  const errors = collectConsoleErrors(page);
  await page.goto("./");
  await booted(page);
  await page.getByRole("button", { name: "Apply example: nginx Deployment" }).click();
  await expect(page.getByText("deployment.apps/nginx created")).toBeVisible({ timeout: 20_000 });
  await page.getByRole("button", { name: "Share" }).click();
  const link = await page.getByRole("textbox", { name: "Scenario link" }).inputValue();

  const { fresh, freshErrors } = await openSharedLink(context, link, "Shared scenario: 1 of 1 steps replayed.");
  const diagram = fresh.getByRole("region", { name: "Cluster diagram" });
  await expect(diagram.getByRole("button", { name: /^nginx-[a-z0-9]+-[a-z0-9]{5}, Running$/ })).toHaveCount(3, { timeout: 30_000 });
  expect(freshErrors).toEqual([]);
  expect(errors).toEqual([]);
});

test("a link cannot run anything but manifests and sim actions", async ({ page }) => {
  const errors = collectConsoleErrors(page);
  // A hand-made scenario: markup in the editor text and a step that is not a sim line.
  const { compressToEncodedURIComponent } = lz;
  const bad = compressToEncodedURIComponent(JSON.stringify({ v: 1, p: "real", s: 1, w: 3, e: "<img src=x onerror=alert(1)>", st: [{ x: "sim node stop worker-1; kubectl delete ns default" }] }));
  await page.goto(`./#scenario=${bad}`);
  await booted(page);
  await expect(page.getByRole("status").filter({ hasText: "could not be read" })).toBeVisible();
  const markup = `<img src=x onerror=alert(1)>`;
  const good = compressToEncodedURIComponent(JSON.stringify({ v: 1, p: "real", s: 1, w: 3, e: markup, st: [] }));
  await page.goto(`./?seed=1#scenario=${good}`);
  await booted(page);
  await openTab(page, "Editor");
  await expect(page.getByRole("region", { name: "Manifest editor" }).locator(".cm-content")).toContainText(markup);
  expect(await page.locator("img[src=x]").count()).toBe(0);
  expect(errors).toEqual([]);
});

test("the fault panel: profile switch resets the cluster, Add node, Crash a selected pod", async ({ page }) => {
  const errors = collectConsoleErrors(page);
  await page.goto("./");
  await booted(page);
  await openTab(page, "Faults");
  const faults = page.getByRole("region", { name: "Faults" });
  await expect(faults).toContainText("Real timings: a stopped node turns NotReady after the 50 s grace period");
  await faults.getByRole("radio", { name: "fast (classroom timings)" }).check();
  await expect(faults.getByRole("status", { name: "Fault result" })).toHaveText("A fresh cluster (fast timings, seed 1) is up.", { timeout: 30_000 });
  await expect(faults).toContainText("Classroom timings: a stopped node turns NotReady after the 10 s grace period and its pods are evicted 30 s later.");
  await expect.poll(() => page.url()).toContain("?profile=fast&seed=1&workers=3#scenario=");
  await faults.getByRole("button", { name: "Add node" }).click();
  await setSpeed(page, "10");
  const diagram = page.getByRole("region", { name: "Cluster diagram" });
  await expect(diagram.getByRole("group", { name: "worker-4, Ready" })).toBeVisible({ timeout: 30_000 });
  await nginxRunning(page);
  const chip = diagram.getByRole("button", { name: /^nginx-.*, Running$/ }).first();
  const podName = ((await chip.getAttribute("aria-label")) ?? "").split(",")[0];
  await chip.click();
  await openTab(page, "Faults");
  await faults.getByRole("button", { name: `Crash ${podName}` }).click();
  await expect(faults.getByRole("status", { name: "Fault result" })).not.toBeEmpty();
  const restarts = () =>
    page.evaluate((name) => {
      const pod = window.kubeglass?.session.cluster.list("pods", "default").find((p) => p.metadata.name === name) as unknown as { status?: { containerStatuses?: { restartCount: number }[] } } | undefined;
      return pod?.status?.containerStatuses?.[0]?.restartCount ?? 0;
    }, podName);
  await expect.poll(restarts, { timeout: 30_000 }).toBeGreaterThanOrEqual(1);
  await page.screenshot({ path: `${SHOTS}/panels-faults-fast-1280x800.png` });
  expect(errors).toEqual([]);
});

test("the editor's text survives a reload (localStorage)", async ({ page }) => {
  const errors = collectConsoleErrors(page);
  await page.goto("./");
  await booted(page);
  await openTab(page, "Editor");
  const editor = page.getByRole("region", { name: "Manifest editor" });
  await editor.getByRole("combobox", { name: "Examples" }).selectOption({ label: "A pod with an init container" });
  await editLine(page, "name: with-init", "name: kept-after-reload");
  await page.goto("./");
  await booted(page);
  await openTab(page, "Editor");
  await expect(page.getByRole("region", { name: "Manifest editor" }).locator(".cm-content")).toContainText("name: kept-after-reload");
  expect(errors).toEqual([]);
});
