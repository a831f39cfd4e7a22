// Browser tests of the reference web client against a running Livemarket in
// local mode (demo data seeded), in headless Chromium driven by
// playwright-core.
//
//   LIVEMARKET_URL=http://127.0.0.1:8080 SCREENSHOT_DIR=test-output/screenshots node tests/browser.mjs
//
// CHROMIUM (default /usr/bin/chromium) names the browser. The Go test
// browser_test.go builds and starts the binary and runs this script.
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const BASE = (process.env.LIVEMARKET_URL ?? 'http://127.0.0.1:8080').replace(/\/$/, '');
const SHOTS = resolve(process.env.SCREENSHOT_DIR ?? 'test-output/screenshots');
const PASSWORD = 'livemarket-demo';
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };
const SHOW_TITLE = 'Friday Glow-Up';
const LIPSTICK = 'Velvet Matte Lipstick - Ruby';

mkdirSync(SHOTS, { recursive: true });
for (const f of readdirSync(SHOTS)) if (f.startsWith('failure-')) rmSync(join(SHOTS, f));

const started = Date.now();
function log(msg) {
  console.log(`[${((Date.now() - started) / 1000).toFixed(1)}s] ${msg}`);
}
function check(cond, msg) {
  if (!cond) throw new Error(`check failed: ${msg}`);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-dev-shm-usage'],
});
const pages = {};

async function newPage(name, viewport = DESKTOP) {
  const context = await browser.newContext({
    viewport,
    timezoneId: 'UTC',
    locale: 'en-US',
    deviceScaleFactor: 1,
    isMobile: viewport.width < 500,
    hasTouch: viewport.width < 500,
  });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  page.on('pageerror', (e) => console.log(`[${name}] page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') console.log(`[${name}] console error: ${m.text()}`);
  });
  pages[name] = page;
  return page;
}

async function shot(page, name) {
  const file = join(SHOTS, `${name}.png`);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
  log(`screenshot ${file}`);
}

/** Screenshots at desktop and phone sizes (the page's own size first). */
async function shotBoth(page, name) {
  const own = page.viewportSize();
  for (const [label, size] of [
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ]) {
    await page.setViewportSize(size);
    await page.waitForTimeout(150);
    await shot(page, `${name}-${label}`);
  }
  await page.setViewportSize(own);
}

/** Every visible form control has a label (or an accessible name). */
async function checkLabels(page, where) {
  const unlabelled = await page.evaluate(() =>
    [...document.querySelectorAll('input, select, textarea')]
      .filter((el) => el.type !== 'hidden')
      .filter((el) => !(el.labels && el.labels.length) && !el.getAttribute('aria-label') && !el.getAttribute('aria-labelledby'))
      .map((el) => el.outerHTML.slice(0, 120)),
  );
  check(unlabelled.length === 0, `${where}: unlabelled controls: ${unlabelled.join(', ')}`);
}

async function signIn(page, email) {
  await page.goto(`${BASE}/signin`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: /Sign out/ }).waitFor();
}

function localInput(ms) {
  // datetime-local value in the contexts' time zone (UTC).
  return new Date(ms).toISOString().slice(0, 16);
}

async function stockOf(page, title) {
  const v = await page.locator('li.product', { hasText: title }).locator('.stock').getAttribute('data-stock');
  return Number(v);
}

async function main() {
  // --- 1. A new shopper signs up, searches "lipstik" as they type, finds the
  // upcoming show featuring the lipstick and sets a reminder.
  const shopper = await newPage('shopper');
  await shopper.goto(`${BASE}/signup`);
  await checkLabels(shopper, 'sign up');
  await shopper.getByLabel('Name').fill('Test Shopper');
  await shopper.getByLabel('Email').fill(`shopper-${Date.now()}@example.com`);
  await shopper.getByLabel('Password').fill('correct horse battery');
  await shopper.getByRole('button', { name: 'Sign up' }).click();
  await shopper.getByRole('heading', { name: 'Discover live shopping' }).waitFor();
  log('shopper signed up');

  await shopper.getByLabel('Search shows and products').pressSequentially('lipstik', { delay: 40 });
  const card = shopper.locator('article.show-card', { hasText: SHOW_TITLE });
  await card.waitFor();
  check(await card.getByText(LIPSTICK).isVisible(), 'the show card lists the lipstick');
  check((await shopper.locator('article.show-card').count()) >= 1, 'search found shows');
  await shopper.locator('li.product-hit', { hasText: LIPSTICK }).waitFor();
  log('search "lipstik" found the show and the lipstick');
  await checkLabels(shopper, 'discover');
  await shotBoth(shopper, 'discover');

  await card.getByRole('button', { name: /Remind me/ }).click();
  await card.getByRole('button', { name: /Reminder set/ }).waitFor();
  check((await card.getByRole('button', { name: /Reminder set/ }).getAttribute('aria-pressed')) === 'true', 'reminder button pressed');
  log('reminder set');

  // The shopper opens the show page (still scheduled).
  await card.getByRole('link', { name: new RegExp(SHOW_TITLE) }).click();
  await shopper.getByRole('heading', { level: 1, name: new RegExp(SHOW_TITLE) }).waitFor();
  await shopper.getByText('Video not configured').waitFor();
  await shopper.locator('.live-state[data-state="live"]').waitFor();
  const showUrl = shopper.url();
  log(`shopper on the show page ${showUrl}`);

  // --- 2. The host (@anna) moves the show to now and goes live in her
  // studio; pins the lipstick; the shopper sees the pin within 2 s.
  const host = await newPage('host');
  await signIn(host, 'anna@creators.example');
  await host.goto(`${BASE}/studio`);
  await host.getByRole('link', { name: new RegExp(SHOW_TITLE) }).click();
  await host.getByRole('heading', { name: 'Host controls' }).waitFor();
  await checkLabels(host, 'host show page');
  await host.getByLabel('Starts').fill(localInput(Date.now() + 5 * 60_000));
  await host.getByLabel('Ends').fill(localInput(Date.now() + 65 * 60_000));
  await host.getByRole('button', { name: 'Reschedule' }).click();
  await host.getByRole('button', { name: 'Go live' }).click();
  await host.getByRole('button', { name: 'End show' }).waitFor();
  log('host is live');
  await shopper.getByLabel('Ask the host a question').waitFor();
  log('shopper sees the show live');

  // A third viewer, a guest on a phone, watches the stock.
  const viewer = await newPage('viewer', PHONE);
  await viewer.goto(showUrl);
  await viewer.locator('li.product', { hasText: LIPSTICK }).waitFor();
  await viewer.locator('.live-state[data-state="live"]').waitFor();
  const stockBefore = await stockOf(viewer, LIPSTICK);
  check(stockBefore > 0, `stock shown to the viewer (${stockBefore})`);
  log(`viewer sees stock ${stockBefore}`);

  const t0 = Date.now();
  await host.getByRole('button', { name: `Pin ${LIPSTICK}` }).click();
  await shopper.locator('.pinned-panel .pinned-product', { hasText: LIPSTICK }).waitFor({ timeout: 2000 });
  const pinMs = Date.now() - t0;
  await shopper.locator('li.product.pinned', { hasText: LIPSTICK }).waitFor({ timeout: 500 });
  log(`shopper saw the pin after ${pinMs} ms`);
  check(pinMs <= 2000, 'pin shown within 2 s');

  // Q&A.
  const question = `Does the Ruby shade last all day? (${Date.now() % 10000})`;
  await shopper.getByLabel('Ask the host a question').fill(question);
  await shopper.getByRole('button', { name: 'Ask', exact: true }).click();
  const answerField = host.getByLabel(`Answer to “${question}”`);
  await answerField.waitFor();
  await answerField.fill('Yes: eight hours, even through lunch.');
  await host.locator('li.question', { hasText: question }).getByRole('button', { name: 'Answer' }).click();
  await shopper.locator('li.question', { hasText: question }).locator('.answer', { hasText: 'eight hours' }).waitFor();
  log('shopper asked, host answered, shopper sees the answer');

  // Chat and moderation.
  await shopper.getByLabel('Chat message').fill('Love this colour!');
  await shopper.getByRole('button', { name: 'Send' }).click();
  const msg = host.locator('ul.chat li', { hasText: 'Love this colour!' });
  await msg.waitFor();
  await msg.getByRole('button', { name: /Remove/ }).click();
  await shopper.locator('ul.chat li', { hasText: 'Love this colour!' }).waitFor({ state: 'detached' });
  log('chat message posted, removed by the host, gone for the shopper');

  // --- 3. The vendor's live sales page is open; the shopper buys the
  // pinned product: first with a declined token, then with tok_visa.
  const vendor = await newPage('vendor');
  await signIn(vendor, 'owner@glow.example');
  await vendor.goto(`${BASE}/vendor`);
  await vendor.getByRole('link', { name: 'Live sales' }).click();
  await vendor.getByText('Listening for sales').waitFor();
  log('vendor live sales page open');

  await shopper.getByRole('button', { name: 'Buy pinned product now' }).click();
  await shopper.getByRole('heading', { name: 'Your cart' }).waitFor();
  await shopper.locator('li.cart-line', { hasText: LIPSTICK }).waitFor();
  await checkLabels(shopper, 'cart');
  await shopper.getByLabel('Full name').fill('Test Shopper');
  await shopper.getByLabel('Address', { exact: true }).fill('1 Market Street');
  await shopper.getByLabel('City').fill('Springfield');
  await shopper.getByLabel('Postal code').fill('12345');
  await shopper.getByLabel('Country code').fill('US');

  // --- 4. Declined: the error is shown next to the payment token field and
  // the stock does not move.
  await shopper.getByLabel('Payment token').fill('tok_declined');
  await shopper.getByRole('button', { name: /Place order/ }).click();
  const tokenField = shopper.locator('.field', { has: shopper.getByLabel('Payment token') });
  await tokenField.locator('.error').waitFor();
  const declined = await tokenField.locator('.error').innerText();
  check(/declin/i.test(declined), `declined message next to the token field: ${declined}`);
  check((await shopper.getByLabel('Payment token').getAttribute('aria-invalid')) === 'true', 'token field marked invalid');
  log(`declined: "${declined}"`);
  await viewer.waitForTimeout(1000);
  check((await stockOf(viewer, LIPSTICK)) === stockBefore, 'stock unchanged for the viewer after the decline');
  await viewer.reload();
  await viewer.locator('li.product', { hasText: LIPSTICK }).waitFor();
  check((await stockOf(viewer, LIPSTICK)) === stockBefore, 'stock unchanged on the server after the decline');
  await viewer.locator('.live-state[data-state="live"]').waitFor();
  await viewer.waitForTimeout(300);
  log('stock unchanged after the decline');

  await shopper.getByLabel('Payment token').fill('tok_visa');
  await shopper.getByRole('button', { name: /Place order/ }).click();
  await shopper.getByRole('heading', { name: /Order .* is confirmed/ }).waitFor();
  check(await shopper.getByText(LIPSTICK).first().isVisible(), 'confirmation lists the lipstick');
  log('order confirmed');

  await viewer.locator('li.product', { hasText: LIPSTICK }).locator(`.stock[data-stock="${stockBefore - 1}"]`).waitFor({ timeout: 5000 });
  log(`viewer sees stock drop to ${stockBefore - 1}`);

  const byShow = vendor.locator('#totals-show tbody tr', { hasText: SHOW_TITLE });
  await byShow.waitFor({ timeout: 5000 });
  await vendor.locator('#totals-influencer tbody tr', { hasText: '@anna' }).waitFor();
  await vendor.locator('ol.sales li', { hasText: LIPSTICK }).waitFor();
  check((await byShow.locator('td').first().innerText()).trim() === '1', 'one order for the show');
  log('vendor live sales show the sale for the show and @anna');

  // Screenshots of the show page and the live sales page.
  await shopper.goto(showUrl);
  await shopper.locator('.pinned-panel .pinned-product').waitFor();
  await shopper.locator('li.question .answer').first().waitFor();
  await shopper.locator('.live-state[data-state="live"]').waitFor();
  await checkLabels(shopper, 'show page');
  await shotBoth(shopper, 'show');
  await shot(viewer, 'show-guest-phone');
  await shot(host, 'show-host-desktop');
  await checkLabels(vendor, 'vendor live sales');
  await shotBoth(vendor, 'vendor-live-sales');

  // The shopper's orders list the order.
  await shopper.goto(`${BASE}/orders`);
  await shopper.locator('ul.orders li', { hasText: LIPSTICK }).filter({ hasText: /\bpaid\b/ }).waitFor();
  await shopper.locator('ul.orders li', { hasText: LIPSTICK }).filter({ hasText: /cancelled/ }).waitFor();
  log('orders page lists the paid order and the declined (cancelled) one');

  // The other studio and dashboard pages load, with labelled controls.
  for (const [path, text] of [
    ['/studio', 'Create a show'],
    ['/studio/collaborations', 'Showcase'],
    ['/studio/earnings', 'Earnings by show'],
  ]) {
    await host.goto(`${BASE}${path}`);
    await host.getByRole('heading', { name: text }).waitFor();
    await checkLabels(host, path);
  }
  await host.locator('table tr', { hasText: SHOW_TITLE }).waitFor();
  await shot(host, 'studio-earnings-desktop');
  const vendorBase = vendor.url().replace(/\/live$/, '');
  for (const [tab, text] of [
    ['products', 'Products and stock'],
    ['collaborations', 'Requests waiting for you'],
    ['reports', 'Sales report'],
    ['money', 'Balances and payouts'],
  ]) {
    await vendor.goto(`${vendorBase}/${tab}`);
    await vendor.getByRole('heading', { name: text }).waitFor();
    await checkLabels(vendor, tab);
  }
  log('studio and dashboard pages load');
}

let failed = false;
try {
  await main();
  log('all browser scenarios passed');
} catch (e) {
  failed = true;
  console.error(e);
  for (const [name, page] of Object.entries(pages)) {
    try {
      await page.screenshot({ path: join(SHOTS, `failure-${name}.png`), fullPage: true });
      console.error(`failure screenshot: ${join(SHOTS, `failure-${name}.png`)} (${page.url()})`);
    } catch {
      // the page may be gone
    }
  }
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);
