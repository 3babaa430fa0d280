import { expect, test, type Page } from "@playwright/test";
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

/** Waits for the diagram (the cluster has booted). */
async function booted(page: Page) {
  await expect(page.getByRole("region", { name: "Cluster diagram" }).getByRole("button", { name: "kube-apiserver", exact: true })).toBeVisible({ timeout: 20_000 });
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
