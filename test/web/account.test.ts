import t from 'tap';
import { DEMO_PASSWORD, lookedAt, signedInContext, watchPage, WIDTHS, webSuite, nobodySignedIn } from './support/browser.js';

/**
 * Signing in as a person does it: the demo's accounts listed on the page,
 * a wrong password refused in words, each role landing where its day
 * starts, a first password set by an administrator changed before anything
 * else, a page the role may not open, a page that does not exist, and
 * signing out.
 */
const { server, browser } = await webSuite(t);
const [phone, desk] = WIDTHS;

for (const viewport of [phone, desk]) {
  t.test(`the sign-in page at ${viewport.width} px lists the demo's people and signs one in`, async (t) => {
    const context = await browser.newContext({ viewport, locale: 'zh-CN' });
    const page = await context.newPage();
    // Expected: nobody is signed in yet, and one wrong password on purpose.
    const problems = watchPage(page, nobodySignedIn);
    await page.goto(`${server.url}/dashboard`);
    await page.waitForURL(/\/sign-in\?next=(%2F|\/)dashboard$/);
    await page.getByRole('heading', { name: '演示账号' }).waitFor();
    t.ok(await page.getByText(DEMO_PASSWORD).isVisible(), 'the demo password is on the page');
    t.ok(await page.getByRole('cell', { name: 'sup-shuicheng' }).isVisible(), 'a supervisor is listed');
    await lookedAt(t, page, 'account-sign-in');

    await page.locator('#sign-in-account').fill('sup-shuicheng');
    await page.locator('#sign-in-password').fill('not the password');
    await page.locator('#sign-in-password').press('Enter');
    await page.getByRole('alert').getByText('账号或密码不正确。').waitFor();

    await page.locator('#sign-in-password').fill(DEMO_PASSWORD);
    await page.locator('#sign-in-password').press('Enter');
    await page.waitForURL(/\/dashboard$/);
    await page.getByRole('heading', { level: 1, name: '督办看板' }).waitFor();
    t.pass('signed in, the supervisor is taken back to the page he asked for');
    t.same(problems, [], 'no console errors, failed requests or unexpected answers');
    await context.close();
  });
}

t.test('a first password set by an administrator is changed before anything else', async (t) => {
  const admin = await signedInContext(browser, server.url, 'admin-demo', desk);
  const set = await admin.request.post(`${server.url}/api/accounts/dep-he-xia/password`, {
    headers: { 'x-huiyin-request': '1' },
    data: { password: 'first-password-2026' },
  });
  t.equal(set.status(), 200, 'the administrator set a first password');
  await admin.close();

  const context = await browser.newContext({ viewport: phone, locale: 'zh-CN' });
  const page = await context.newPage();
  const problems = watchPage(page, nobodySignedIn);
  await page.goto(`${server.url}/sign-in`);
  await page.locator('#sign-in-account').fill('dep-he-xia');
  await page.locator('#sign-in-password').fill('first-password-2026');
  await page.locator('#sign-in-password').press('Enter');
  await page.waitForURL(/\/password\?next=/);
  await page.getByText('首次登录，请先设置您自己的密码。').waitFor();
  await lookedAt(t, page, 'account-change-password');

  await page.locator('#pw-current').fill('first-password-2026');
  await page.locator('#pw-next').fill('my-own-password-2026');
  await page.locator('#pw-again').fill('my-own-password-2027');
  await page.locator('#pw-again').press('Enter');
  await page.getByText('两次输入的新密码不一致').waitFor();
  await page.locator('#pw-again').fill('my-own-password-2026');
  await page.getByRole('button', { name: '保存' }).click();
  await page.waitForURL((url) => url.pathname === '/me');
  await page.getByRole('heading', { level: 1 }).waitFor();
  t.pass('with her own password, the deputy starts at her work');

  await page.goto(`${server.url}/dashboard`);
  await page.waitForURL(/\/forbidden/);
  await page.getByText('您的账号无权打开此页面').waitFor();
  await lookedAt(t, page, 'account-forbidden');

  await page.goto(`${server.url}/no/such/page`);
  await page.getByText('页面不存在').waitFor();
  await lookedAt(t, page, 'account-not-found');

  await page.getByRole('button', { name: '菜单' }).click();
  await page.getByRole('button', { name: '退出登录' }).click();
  await page.waitForURL(/\/sign-in$/);
  const after = await context.request.get(`${server.url}/api/session`);
  t.equal(after.status(), 401, 'signed out, the cookie names nobody');
  t.same(problems, [], 'no console errors, failed requests or unexpected answers');
  await context.close();
});
