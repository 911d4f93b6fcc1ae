/** The deputy's pages' words, Chinese first. */
const zh = {
  nav: { work: '我的待办', notifications: '消息通知', diary: '履职日记', threeOnes: '我的三个一' },
  work: {
    title: '我的待办', mine: '等我办理', others: '其他在办案件', noneMine: '目前没有等您办理的事项，辛苦了！', none: '暂无分配给您的案件',
    due: '答复期限 {at}', overdue: '已超期', escalated: '已督办', pressed: '群众催办 {n} 次', open: '打开办理',
    step: { acknowledge: '待确认接收', 'site-check': '待现场查看', handle: '办理中', feedback: '待反馈群众', others: '等待他人办理' },
  },
  notifications: {
    title: '消息通知', titleUnread: '消息通知（{n} 条未读）', unread: '未读', read: '已读', markRead: '标为已读', markAll: '全部标为已读',
    summary: '共 {n} 条未读', none: '暂无通知', allRead: '已全部标为已读', open: '查看案件', due: '期限 {at}',
    kind: { assigned: '新交办案件', reminder: '期限提醒', overdue: '已超期', escalated: '督办' },
  },
  diary: {
    title: '履职日记', intro: '这里自动记下您办理案件、接待群众、参加活动的经过，不必重复填写。', none: '近期暂无履职记录', more: '加载更早之前',
    range: '时间范围', from: '开始日期', to: '结束日期', apply: '查看',
    kind: { case: '案件', visit: '接待', appointment: '预约接待', activity: '活动' },
  },
  threeOnes: {
    title: '我的三个一', year: '{year} 年', asOf: '统计截至 {at}',
    intro: '“三个一”：每月联系群众一次，每季度参加一次活动，每年向选民述职一次。',
    allMet: '到目前为止，今年的三个一都已完成。', behind: '还需要补上的：',
    monthly: '每月联系群众', quarterly: '每季度参加活动', yearly: '每年向选民述职',
    metOf: '已完成 {met} / {counted}', contacts: '{n} 次', activities: '{n} 次', reportBacks: '{n} 次',
    status: { met: '已完成', missed: '未完成', open: '进行中', 'not-due': '未到期' },
    month: '{m} 月', quarter: '第 {q} 季度',
    missing: {
      months: '有 {n} 个月没有联系群众（{list} 月）', quarters: '有 {n} 个季度没有参加活动（第 {list} 季度）', year: '今年还没有向选民述职',
      monthOpen: '本月（{month} 月）还没有联系群众', quarterOpen: '本季度（第 {quarter} 季度）还没有参加活动', yearOpen: '今年还没有向选民述职，请在年底前安排',
    },
  },
};

const en: typeof zh = {
  nav: { work: 'My work', notifications: 'Notifications', diary: 'Duty diary', threeOnes: 'My 三个一' },
  work: {
    title: 'My work', mine: 'Waiting for me', others: 'Other open cases', noneMine: 'Nothing waits for you now. Thank you!', none: 'No cases are assigned to you',
    due: 'Reply due {at}', overdue: 'Overdue', escalated: 'Escalated', pressed: 'Pressed {n} times', open: 'Open',
    step: { acknowledge: 'To acknowledge', 'site-check': 'Site check due', handle: 'In hand', feedback: 'Tell the citizen', others: "Others' turn" },
  },
  notifications: {
    title: 'Notifications', titleUnread: 'Notifications ({n} unread)', unread: 'Unread', read: 'Read', markRead: 'Mark read', markAll: 'Mark all read',
    summary: '{n} unread', none: 'No notifications', allRead: 'All marked read', open: 'Open the case', due: 'Due {at}',
    kind: { assigned: 'New case for you', reminder: 'Deadline near', overdue: 'Overdue', escalated: 'Escalated' },
  },
  diary: {
    title: 'Duty diary', intro: 'What you did, kept for you: cases, visitors received, activities. Nothing to type twice.', none: 'Nothing recorded lately', more: 'Earlier entries',
    range: 'Dates', from: 'From', to: 'To', apply: 'Show',
    kind: { case: 'Case', visit: 'Visit', appointment: 'Appointment', activity: 'Activity' },
  },
  threeOnes: {
    title: 'My 三个一', year: '{year}', asOf: 'As of {at}',
    intro: 'The three ones: contact constituents every month, take part in an activity every quarter, report back to voters every year.',
    allMet: 'So far this year, all three are done.', behind: 'Still to do:',
    monthly: 'Monthly contact', quarterly: 'Quarterly activity', yearly: 'Yearly report-back',
    metOf: '{met} of {counted} done', contacts: '{n}', activities: '{n}', reportBacks: '{n}',
    status: { met: 'Done', missed: 'Missed', open: 'Under way', 'not-due': 'Not due' },
    month: 'Month {m}', quarter: 'Q{q}',
    missing: {
      months: '{n} months without a contact (months {list})', quarters: '{n} quarters without an activity (Q{list})', year: 'No report-back to voters this year',
      monthOpen: 'No contact yet this month ({month})', quarterOpen: 'No activity yet this quarter (Q{quarter})', yearOpen: 'No report-back yet this year; plan one before it ends',
    },
  },
};

export const messages = { 'zh-CN': { deputy: zh }, en: { deputy: en } };
