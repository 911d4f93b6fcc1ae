import t from 'tap';
import type { Page } from 'playwright-core';
import { screenshot, seriousViolations, watchPage, webSuite, WIDTHS, nobodySignedIn } from './support/browser.js';

/**
 * The online station as a citizen uses it, signed out: every page at a
 * phone's width and a desk's, then the whole errand — find the village,
 * write to a deputy, keep the code, track it, press it; book a deputy and
 * look the booking up.
 */
// More lookups than a visitor's hour allows: this file tracks, presses and locks on purpose.
const { server, browser } = await webSuite(t, { env: { RATE_LIMIT_PUBLIC_TRACK: '200', RATE_LIMIT_PUBLIC_WRITE: '50' } });
/** Answers a signed-out visitor gets on purpose: no session, and the refusals a step below provokes. */
let allowed: (status: number, url: string) => boolean;


async function openPage(width: (typeof WIDTHS)[number]): Promise<{ page: Page; problems: string[] }> {
  const context = await browser.newContext({ viewport: width, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  allowed = nobodySignedIn;
  const problems = watchPage(page, (status, url) => allowed(status, url));
  return { page, problems };
}

const PAGES = [
  { path: '/', name: 'public-home', ready: '#place-search-input' },
  { path: '/message?deputy=dep-zhou-lan&name=周兰', name: 'public-message', ready: '#message-name' },
  { path: '/appointment?deputy=dep-zhou-lan&name=周兰', name: 'public-appointment', ready: 'input[name="slot"]' },
  { path: '/track', name: 'public-track', ready: '#track-code' },
  { path: '/activities', name: 'public-activities', ready: '.activity-card' },
  { path: '/stations/st-panlong', name: 'public-station', ready: '.receptions li, .tiles li' },
];

t.test('every page, signed out, at both widths', async (t) => {
  // The two widths side by side: one browser, two windows, half the wait.
  await Promise.all(
    WIDTHS.map(async (width) => {
      const { page, problems } = await openPage(width);
      for (const p of PAGES) {
        await page.goto(`${server.url}${p.path}`);
        for (const selector of p.ready.split(', ')) await page.waitForSelector(selector);
        t.equal(await page.locator('h1').count(), 1, `${p.name} has one h1`);
        t.same(await seriousViolations(page), [], `${p.name} at ${width.width}: no serious accessibility violations`);
        await screenshot(page, p.name);
      }
      t.same(problems, [], `no problems at ${width.width}`);
      await page.context().close();
    }),
  );
});

t.test('find a village by its initials, write to its deputy, track and press the matter', async (t) => {
  const { page, problems } = await openPage(WIDTHS[0]);
  await page.goto(server.url);
  await page.locator('#place-search-input').pressSequentially('fnc');
  await page.getByRole('option', { name: /法那村/ }).waitFor();
  // The keyboard walks the list and picks with Enter.
  await page.locator('#place-search-input').press('ArrowDown');
  t.equal(await page.locator('#place-search-input').getAttribute('aria-activedescendant'), 'place-option-0');
  await page.locator('#place-search-input').press('Enter');
  await page.getByRole('heading', { name: '为法那村服务的联络站' }).waitFor();
  t.ok(await page.getByText('代表之家（法那村）').isVisible(), 'the village’s own station is listed');
  await screenshot(page, 'public-found-fnc');

  await page.getByRole('link', { name: '给杨美云留言' }).first().click();
  await page.waitForURL(/\/message\?deputy=dep-yang-meiyun/);
  // Sent empty: each field says what it needs, and nothing is sent.
  await page.getByRole('button', { name: '提交留言' }).click();
  await page.getByText('请填写您的姓名').waitFor();
  t.ok(await page.getByText('请写下您想反映的事情').isVisible(), 'the summary says what it needs');
  await page.locator('#message-name').fill('张大爷');
  await page.locator('#message-phone').fill('138 0000 4321');
  await page.locator('#message-summary').fill('法那村四组到镇上的路有一段塌方，雨天孩子上学不安全，希望尽快修好。');
  await page.getByRole('button', { name: '提交留言' }).click();
  const codeBox = page.getByTestId('tracking-code');
  await codeBox.waitFor();
  const code = (await codeBox.textContent())!.trim();
  t.match(code, /^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/, 'a tracking code as printed');
  t.ok(await page.getByText('手机号码的后 4 位').isVisible(), 'the receipt says to keep the phone digits');
  await screenshot(page, 'public-message-sent');

  // From the receipt the matter opens at once: the digits came along, not in the address.
  await page.getByRole('link', { name: '查询办理进度' }).last().click();
  await page.waitForURL(new RegExp(`/track/${code}$`));
  await page.getByTestId('status-text').waitFor();
  t.equal(await page.getByTestId('status-text').textContent(), '已受理');
  t.equal(await page.locator('[aria-current="step"]').count(), 1, 'one step is marked as the current one');

  // Wrong digits: the server's refusal, in words.
  allowed = (status, url) => nobodySignedIn(status, url) || (status === 404 && url.includes('/api/public/track/'));
  await page.goto(`${server.url}/track`);
  await page.locator('#track-code').fill(code.toLowerCase().replace('-', ''));
  await page.locator('#track-phone4').fill('0000');
  await page.getByRole('button', { name: '查询', exact: true }).click();
  await page.getByText('没有找到这件事项').waitFor();
  t.ok(await page.getByText('no matter with this tracking code').isVisible(), 'the server’s own words are shown too');

  await page.locator('#track-phone4').fill('4321');
  await page.getByRole('button', { name: '查询', exact: true }).click();
  await page.getByTestId('status-text').waitFor();
  t.equal(await page.locator('#track-code').inputValue(), code, 'the code is tidied as printed');

  allowed = (status, url) => nobodySignedIn(status, url) || (status === 429 && url.includes('/press'));
  await page.getByRole('button', { name: '催办' }).click();
  await page.getByText('已催办，工作人员会尽快处理。').waitFor();
  t.ok(await page.getByText('已催办 1 次').isVisible(), 'the count of presses follows');
  await page.getByRole('button', { name: '催办' }).click();
  await page.getByText('今天已经催办过了').waitFor();
  t.ok(await page.getByText('pressed today already').isVisible(), 'the second press is refused in the server’s words');
  await screenshot(page, 'public-track-pressed');
  t.same(await seriousViolations(page), [], 'the tracked matter has no serious accessibility violations');

  // Five wrong tries lock a code; the sixth says so in words.
  allowed = (status, url) => nobodySignedIn(status, url) || ((status === 404 || status === 429) && url.includes('/api/public/track/'));
  await page.locator('#track-code').fill('WXYZ-2345');
  for (let i = 0; i < 6; i++) {
    await page.locator('#track-phone4').fill(String(1000 + i));
    const answer = page.waitForResponse((r) => r.url().includes('/api/public/track/WXYZ-2345'));
    await page.getByRole('button', { name: '查询', exact: true }).click();
    await answer;
  }
  await page.getByText('尝试次数太多').waitFor();
  t.same(problems, [], 'no problems on the way');
  await page.context().close();
});

t.test('book a deputy’s slot, look it up by its code and call it off', async (t) => {
  const { page, problems } = await openPage(WIDTHS[1]);
  await page.goto(`${server.url}/appointment?deputy=dep-zhou-lan&name=周兰`);
  await page.locator('label.time').first().click();
  await page.locator('#booking-name').fill('李秀英');
  await page.locator('#booking-phone').fill('13900005678');
  await page.locator('#booking-topic').fill('想和代表谈谈村里老人就医难的事。');
  await page.getByRole('button', { name: '确认预约' }).click();
  const code = (await page.getByTestId('tracking-code').textContent())!.trim();
  t.match(code, /^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/, 'a booking code');

  // Looked up by hand, as a citizen would the next day.
  await page.goto(`${server.url}/appointment`);
  await page.locator('#booking-lookup-code').fill(code);
  await page.locator('#booking-lookup-phone4').fill('5678');
  await page.getByRole('button', { name: '查询', exact: true }).click();
  const view = page.getByTestId('booking-view');
  await view.waitFor();
  t.match(await view.textContent(), /周兰/, 'the deputy is named');
  t.match(await view.textContent(), /待确认/, 'the booking awaits the station’s confirmation');
  await screenshot(page, 'public-booking-found');

  await page.getByRole('button', { name: '取消这次预约' }).click();
  await page.getByRole('button', { name: '确定' }).click();
  await page.getByText('预约已取消。').waitFor();
  t.match(await view.textContent(), /已取消/);
  t.same(problems, [], 'no problems on the way');
  await page.context().close();
});

t.test('the kind of activity narrows the list', async (t) => {
  const { page, problems } = await openPage(WIDTHS[0]);
  await page.goto(`${server.url}/activities`);
  await page.locator('.activity-card').first().waitFor();
  const all = await page.locator('.activity-card').count();
  await page.getByLabel('学习培训').check();
  const study = await page.locator('.activity-card').count();
  t.ok(study < all && study > 0, `studies (${study}) are fewer than all (${all})`);
  for (const kind of await page.locator('.activity-card .kind').allTextContents()) t.equal(kind, '学习培训');
  t.same(problems, []);
  await page.context().close();
});
