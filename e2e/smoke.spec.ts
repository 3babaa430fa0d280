import { expect, test } from "@playwright/test";
import { collectConsoleErrors } from "./consoleErrors";

test("the page opens with its title and no console errors", async ({ page }) => {
  const errors = collectConsoleErrors(page);
  await page.goto("./");
  await expect(page).toHaveTitle("kubeglass");
  await expect(page.getByRole("heading", { name: "kubeglass" })).toBeVisible();
  await page.screenshot({ path: "test-results/screenshots/smoke-1280x800.png" });
  expect(errors).toEqual([]);
});
