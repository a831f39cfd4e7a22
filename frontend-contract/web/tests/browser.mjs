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
const OTHER_SHOW = 'Cast iron 101';

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

/**
 * At 390 px the page does not scroll sideways and no table is wider than
 * its container (tables turn into one card per row).
 */
async function checkPhoneOverflow(page, where) {
  const own = page.viewportSize();
  await page.setViewportSize(PHONE);
  await page.waitForTimeout(150);
  const problems = await page.evaluate((width) => {
    const out = [];
    const sw = document.documentElement.scrollWidth;
    if (sw > width) out.push(`the page is ${sw} px wide`);
    for (const t of document.querySelectorAll('table')) {
      const parent = t.parentElement;
      const tw = Math.ceil(t.getBoundingClientRect().width);
      if (tw > parent.clientWidth + 1 || parent.scrollWidth > parent.clientWidth + 1)
        out.push(`table ${t.id || t.caption?.textContent || ''} is ${tw} px (scroll ${parent.scrollWidth}) in ${parent.clientWidth} px`);
    }
    return out;
  }, PHONE.width);
  await page.setViewportSize(own);
  check(problems.length === 0, `${where} at 390 px: ${problems.join('; ')}`);
  log(`${where}: no horizontal overflow at 390 px`);
}

/** Presses Tab until the focused element matches, at most max times. */
async function tabTo(page, what, test, arg, max = 80) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(test, arg)) return;
  }
  throw new Error(`check failed: Tab never reached ${what}`);
}

const focused = (page) =>
  page.evaluate(() => {
    const a = document.activeElement;
    return { tag: a?.tagName, id: a?.id, text: (a?.textContent ?? '').trim(), inMain: !!a?.closest('main') };
  });

/** Records the live connections of a page, so a test can close them. */
async function trackSockets(page) {
  const sockets = [];
  await page.routeWebSocket(/\/graphql$/, (ws) => {
    sockets.push(ws);
    ws.connectToServer();
  });
  return sockets;
}

async function signIn(page, email, next) {
  await page.goto(`${BASE}/signin${next ? `?next=${next}` : ''}`);
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

  // Keyboard only: the skip link, then a show opened and "Remind me" pressed.
  await shopper.goto(`${BASE}/`);
  const castIron = shopper.locator('article.show-card', { hasText: OTHER_SHOW });
  await castIron.waitFor();
  await shopper.keyboard.press('Tab');
  check((await focused(shopper)).text === 'Skip to content', `first Tab reaches the skip link (${JSON.stringify(await focused(shopper))})`);
  await shopper.keyboard.press('Enter');
  const afterSkip = await focused(shopper);
  check(afterSkip.id === 'main' || afterSkip.inMain, `Enter on the skip link moves focus into main (${JSON.stringify(afterSkip)})`);
  await tabTo(shopper, `the link to "${OTHER_SHOW}"`, (t) => document.activeElement?.tagName === 'A' && document.activeElement.textContent.includes(t), OTHER_SHOW, 60);
  await shopper.keyboard.press('Enter');
  await shopper.getByRole('heading', { level: 1, name: OTHER_SHOW }).waitFor();
  const afterNav = await focused(shopper);
  check(afterNav.id === 'main' || afterNav.inMain, `focus is in main after navigating (${JSON.stringify(afterNav)})`);
  await shopper.getByRole('button', { name: /Remind me/ }).waitFor();
  await tabTo(shopper, '"Remind me"', () => /Remind me/.test(document.activeElement?.textContent ?? ''), null, 40);
  await shopper.keyboard.press('Enter');
  await shopper.getByRole('button', { name: /Reminder set/ }).waitFor();
  check((await shopper.getByRole('button', { name: /Reminder set/ }).getAttribute('aria-pressed')) === 'true', 'reminder set with the keyboard');
  log('keyboard only: skip link, show opened, reminder set');

  // Typo-tolerant search: with no query Discover lists every upcoming show;
  // the answer to "lipstik" keeps only the show featuring the lipstick.
  await shopper.goto(`${BASE}/`);
  await castIron.waitFor();
  const lipstikAnswer = shopper.waitForResponse((r) => {
    if (!r.url().endsWith('/graphql')) return false;
    const body = r.request().postDataJSON();
    return body?.operationName === 'SearchShows' && body.variables?.query === 'lipstik';
  });
  await shopper.getByLabel('Search shows and products').pressSequentially('lipstik', { delay: 40 });
  const answer = await (await lipstikAnswer).json();
  const titles = answer.data.searchShows.edges.map((e) => e.node.title);
  check(titles.some((t) => t.includes(SHOW_TITLE)), `the search for "lipstik" finds ${SHOW_TITLE}: ${titles}`);
  check(!titles.some((t) => t.includes(OTHER_SHOW)), `the search for "lipstik" does not find ${OTHER_SHOW}: ${titles}`);
  await castIron.waitFor({ state: 'detached' });
  const card = shopper.locator('article.show-card', { hasText: SHOW_TITLE });
  await card.waitFor();
  check(await card.getByText(LIPSTICK).isVisible(), 'the show card lists the lipstick');
  await shopper.locator('li.product-hit', { hasText: LIPSTICK }).waitFor();
  check((await shopper.getByLabel('Search shows and products').inputValue()) === 'lipstik', 'the query is in the box');
  log('search "lipstik" found the show and the lipstick, and no longer lists Cast iron 101');
  await checkLabels(shopper, 'discover');
  await shotBoth(shopper, 'discover');
  await checkPhoneOverflow(shopper, 'discover');

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
  const viewerSockets = await trackSockets(viewer);
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
  const vendorSockets = await trackSockets(vendor);
  // A next that resolves to another origin is ignored.
  await signIn(vendor, 'owner@glow.example', '/%5Cexample.com');
  await vendor.waitForURL(`${BASE}/`);
  await vendor.goto(`${BASE}/vendor`);
  await vendor.getByRole('link', { name: 'Live sales' }).click();
  await vendor.getByText('Listening for sales').waitFor();
  await vendor.locator('#live-headline').filter({ hasText: /order/ }).waitFor();
  log('vendor live sales page open');

  // The server drops the vendor's live connection as a slow consumer
  // (1008, which graphql-ws does not retry): the page subscribes again.
  check(vendorSockets.length === 1, `one live connection for the vendor (${vendorSockets.length})`);
  await vendorSockets[0].close({ code: 1008, reason: 'slow consumer' });
  await vendor.waitForFunction(() => document.querySelector('.live-state')?.getAttribute('data-state') !== 'live');
  await vendor.locator('.live-state[data-state="live"]').waitFor({ timeout: 10_000 });
  check(vendorSockets.length === 2, `the vendor reconnected (${vendorSockets.length} connections)`);
  log('vendor live sales resubscribed after a 1008 close');

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
  // The first checkout request fails on the network: the retry sends the
  // same idempotency key; after the decline (a definite answer) a new one.
  const checkoutKeys = [];
  let dropped = 0;
  await shopper.route('**/graphql', async (route) => {
    const body = route.request().postDataJSON();
    if (body?.operationName === 'Checkout') {
      checkoutKeys.push(body.variables.input.idempotencyKey);
      if (dropped++ === 0) return route.abort('connectionreset');
    }
    return route.fallback();
  });
  await shopper.getByLabel('Payment token').fill('tok_declined');
  await shopper.getByRole('button', { name: /Place order/ }).click();
  await shopper.getByRole('alert').filter({ hasText: /Cannot reach the server/ }).waitFor();
  log('checkout request lost on the network; retrying');
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

  // The viewer's live connection is closed as a slow consumer (1008): the
  // page subscribes again and still sees the stock drop below.
  const viewerConns = viewerSockets.length;
  await viewerSockets[viewerConns - 1].close({ code: 1008, reason: 'slow consumer' });
  await viewer.waitForFunction(() => document.querySelector('.live-state')?.getAttribute('data-state') !== 'live');
  await viewer.locator('.live-state[data-state="live"]').waitFor({ timeout: 10_000 });
  check(viewerSockets.length === viewerConns + 1, `the viewer reconnected (${viewerSockets.length} connections)`);
  log('viewer resubscribed after a 1008 close');

  await shopper.getByLabel('Payment token').fill('tok_visa');
  await shopper.getByRole('button', { name: /Place order/ }).click();
  await shopper.getByRole('heading', { name: /Order .* is confirmed/ }).waitFor();
  check(await shopper.getByText(LIPSTICK).first().isVisible(), 'confirmation lists the lipstick');
  log('order confirmed');
  await shopper.unroute('**/graphql');
  check(checkoutKeys.length === 3, `three checkout requests (${checkoutKeys.length})`);
  check(checkoutKeys[0] === checkoutKeys[1], 'the retry after a network failure reuses the idempotency key');
  check(checkoutKeys[2] !== checkoutKeys[1], 'a new checkout after the decline uses a new idempotency key');
  log('idempotency key reused for the retry, renewed after the decline');

  await viewer.locator('li.product', { hasText: LIPSTICK }).locator(`.stock[data-stock="${stockBefore - 1}"]`).waitFor({ timeout: 5000 });
  log(`viewer sees stock drop to ${stockBefore - 1}`);

  const byShow = vendor.locator('#totals-show tbody tr', { hasText: SHOW_TITLE });
  await byShow.waitFor({ timeout: 5000 });
  await vendor.locator('#totals-influencer tbody tr', { hasText: '@anna' }).waitFor();
  await vendor.locator('ol.sales li', { hasText: LIPSTICK }).waitFor();
  await vendor.locator('#totals-show tbody tr', { hasText: SHOW_TITLE }).locator('td').first().filter({ hasText: /^\s*1\s*$/ }).waitFor();
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
  await checkPhoneOverflow(vendor, 'vendor live sales');
  await checkPhoneOverflow(shopper, 'show page');

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
  await checkPhoneOverflow(host, 'studio earnings');
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
    if (tab === 'reports') {
      await vendor.locator('table tr', { hasText: SHOW_TITLE }).waitFor();
      await checkPhoneOverflow(vendor, 'sales report');
    }
  }
  log('studio and dashboard pages load');

  // The vendor sees the lipstick's open offer and withdraws it.
  await vendor.goto(`${vendorBase}/products`);
  const lipstickItem = vendor.locator('li.card', { has: vendor.locator('strong', { hasText: LIPSTICK }) });
  await lipstickItem.locator('.offer-line', { hasText: 'Open offer' }).waitFor();
  await lipstickItem.getByRole('button', { name: `Withdraw the offer on ${LIPSTICK}` }).click();
  await lipstickItem.locator('.offer-line', { hasText: 'No open offer' }).waitFor();
  await vendor.reload();
  await lipstickItem.locator('.offer-line', { hasText: 'No open offer' }).waitFor();
  log('vendor withdrew the open offer on the lipstick');

  // A shop the vendor does not own.
  await vendor.goto(`${BASE}/vendor/not-my-shop/products`);
  await vendor.getByRole('heading', { name: 'Shop not found' }).waitFor();
  await vendor.getByRole('main').getByRole('link', { name: /Glow/ }).first().waitFor();
  log('unknown shop: "Shop not found" with links to the viewer\'s shops');

  // The server cannot be reached while the app loads: the vendor stays
  // signed in, sees the error, and the app recovers by itself.
  await vendor.route('**/graphql', (route) => route.abort('connectionrefused'));
  await vendor.goto(`${vendorBase}/products`);
  await vendor.getByRole('alert').filter({ hasText: /Cannot reach the server/ }).waitFor();
  check((await vendor.getByRole('link', { name: 'Sign in' }).count()) === 0, 'no "Sign in" link while the server is unreachable');
  check((await vendor.evaluate(() => localStorage.getItem('livemarket.token'))) !== null, 'the token is kept');
  await vendor.unroute('**/graphql');
  await vendor.getByRole('heading', { name: 'Products and stock' }).waitFor({ timeout: 15_000 });
  await vendor.getByRole('button', { name: /Sign out/ }).waitFor();
  log('network failure on load: error shown, still signed in after the retry');
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
