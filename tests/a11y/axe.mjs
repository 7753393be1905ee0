// Runs axe-core on HTML files in headless Chromium (via playwright-core) and prints every
// violation; exits 1 if there is any. Usage: node tests/a11y/axe.mjs FILE...
// Needs NODE_PATH with playwright-core and axe-core (scripts/deps.sh installs them).
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { readFileSync } from "node:fs";

const require = createRequire(import.meta.url);
const { chromium } = require("playwright-core");
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
let failures = 0;
try {
  for (const file of process.argv.slice(2)) {
    for (const scheme of ["light", "dark"]) {
      const page = await browser.newPage({ colorScheme: scheme, viewport: { width: 1000, height: 800 } });
      await page.goto(pathToFileURL(file).href);
      // The page forbids scripts by CSP; axe runs in an isolated world the CSP does not govern.
      await page.addScriptTag({ content: axeSource }).catch(() => page.evaluate(axeSource));
      const result = await page.evaluate(async () => await window.axe.run(document, {
        runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
      }));
      for (const v of result.violations) {
        failures++;
        console.log(`${file} [${scheme}]: ${v.id} (${v.impact}): ${v.help}`);
        for (const n of v.nodes.slice(0, 3)) console.log(`    ${n.target.join(" ")}: ${n.failureSummary.replace(/\n/g, " ")}`);
      }
      await page.close();
    }
  }
} finally {
  await browser.close();
}
process.exit(failures ? 1 : 0);
