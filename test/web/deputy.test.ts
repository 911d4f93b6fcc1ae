import t from 'tap';
import type { Page } from 'playwright-core';
import { lookedAt, signedInContext, watchPage, webSuite, WIDTHS } from './support/browser.js';

/**
 * A deputy's phone, as 周兰 uses it: her work, a case taken through
 * acknowledge → site check → resolve → feedback on its page without a
 * reload, a wrong form that sends nothing, then her notifications (diary, 三个一 and the desk width: deputy-pages.test.ts).
 */
const { server, browser } = await webSuite(t);
const [phone] = WIDTHS;

async function open(width: { width: number; height: number }) {
  const context = await signedInContext(browser, server.url, 'dep-zhou-lan', width);
  const page = await context.newPage();
  const problems = watchPage(page);
  return { context, page, problems };
}


async function act(page: Page, action: string, fill: (dialog: ReturnType<Page['getByRole']>) => Promise<void>) {
  await page.locator(`[data-action="${action}"]`).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  await fill(dialog);
  await dialog.getByRole('button', { name: '提交' }).click();
  await dialog.waitFor({ state: 'hidden' });
}

t.test('my work, and a case taken from assigned to answered on its page', async (tt) => {
  const { context, page, problems } = await open(phone);
  await page.goto(`${server.url}/me`);
  const mine = page.locator('section[aria-labelledby="work-mine"]');
  await mine.getByText('河上便桥护栏被冲断一段').waitFor();
  tt.match(await mine.textContent(), /待确认接收/, 'the case to acknowledge waits first');
  tt.match(await mine.textContent(), /已超期/, 'an overdue case says so in words');
  await lookedAt(tt, page, 'deputy-work');

  await mine.getByRole('link', { name: /河上便桥/ }).click();
  await page.getByRole('heading', { name: /案件详情/ }).waitFor();
  await page.getByText('办理经过').waitFor();
  await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
  const timeline = page.locator('.timeline');
  await timeline.getByText('交办给').waitFor();
  const count = async () => timeline.locator('.el-timeline-item').count();
  const before = await count();
  await lookedAt(tt, page, 'case-page-assigned');

  await act(page, 'acknowledge', async () => undefined);
  await timeline.getByText('周兰 确认接收').waitFor();
  tt.equal(await count(), before + 1, 'the timeline grew by the acknowledgement');
  tt.match(await page.locator('.tags').textContent(), /代表已接收/, 'the status changed');

  await act(page, 'schedule-site-check', async (dialog) => {
    await dialog.locator('input[type="datetime-local"]').fill('2026-12-03T10:00');
  });
  await timeline.getByText(/约定 .* 现场查看/).waitFor();

  // A site check with no findings is refused beside the field, and nothing is sent.
  const sent: string[] = [];
  page.on('request', (r) => r.method() === 'POST' && sent.push(r.url()));
  await page.locator('[data-action="complete-site-check"]').click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  await dialog.getByRole('button', { name: '提交' }).click();
  const fieldError = dialog.locator('.field-findings .el-form-item__error');
  await fieldError.waitFor();
  tt.match(await fieldError.textContent(), /请填写此项/, 'the empty findings are named beside their field');
  tt.same(sent, [], 'nothing was sent');
  await lookedAt(tt, page, 'case-site-check-form');
  await dialog.getByLabel('查看情况').fill('便桥护栏断开约三米，已设临时警示带。');
  await dialog.getByLabel(/其他参加人员/).fill('王芳');
  await dialog.getByRole('button', { name: '提交' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await timeline.getByText('周兰 现场查看（参与人：周兰、王芳）').waitFor();
  tt.equal(sent.length, 1, 'one request for the site check');

  await act(page, 'resolve', async (d) => {
    await d.locator('label', { hasText: '已解决' }).click();
    await d.getByLabel('情况说明').fill('已协调镇交通站修复护栏。');
  });
  await timeline.getByText('周兰 办结：已解决').waitFor();

  await act(page, 'give-feedback', async (d) => {
    await d.locator('label', { hasText: '当面' }).click();
    await d.getByLabel('情况说明').fill('已当面告知反映人护栏修复情况。');
  });
  await timeline.getByText('周兰 当面反馈群众').waitFor();
  tt.match(await page.locator('.tags').textContent(), /已反馈/, 'the case is answered');
  tt.equal(await count(), before + 5, 'five steps, five lines');
  tt.ok(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed), 'the page never reloaded');
  await lookedAt(tt, page, 'case-page-answered');
  tt.same(problems, [], 'no console errors, failed requests or unexpected answers');
  await context.close();
});

t.test('notifications, unread first, marked read one by one', async (tt) => {
  const { context, page, problems } = await open(phone);
  await page.goto(`${server.url}/me/notifications`);
  await page.locator('.item').first().waitFor();
  const unread = page.locator('.item.unread');
  const before = await unread.count();
  tt.ok(before > 0, 'there are unread notifications');
  tt.match(await page.title(), new RegExp(`${before} 条未读`), 'the tab says how many are unread');
  await lookedAt(tt, page, 'deputy-notifications');
  await unread.first().getByRole('button', { name: '标为已读' }).click();
  await page.waitForFunction((n) => document.querySelectorAll('.item.unread').length === n - 1, before);
  tt.match(await page.title(), new RegExp(`${before - 1} 条未读|消息通知 ·`), 'the count in the tab follows');
  tt.same(problems, [], 'no problems');
  await context.close();
});

