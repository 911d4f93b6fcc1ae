/** The station desk's words, Chinese first. Status and urgency names follow the workflow's own vocabulary. */
export const messages = {
  'zh-CN': {
    station: {
      nav: { board: '今日接待', visit: '接待登记', cases: '本站在办事项' },
      title: { board: '今日接待', visit: '人大代表接待选民登记表', cases: '本站在办事项' },
      board: {
        today: '今天是 {date}', register: '登记来访', reception: '接待日安排', noReception: '今天没有接待日安排。',
        next: '下一次接待：{when}', noneAhead: '近两周没有接待日安排。', cancelled: '已取消', onDuty: '值班代表',
        appointments: '今天的预约', noAppointments: '今天没有预约。', visits: '今天已登记的来访', noVisits: '今天还没有登记来访。',
        visitCount: '今天已登记 {n} 位来访群众', matters: '{n} 件事项', answeredOnSpot: '当场答复', allStations: '全部联络站',
      },
      appt: {
        status: { requested: '待确认', confirmed: '已确认', rescheduled: '已改期', declined: '已婉拒', cancelled: '已取消', held: '已接待', 'no-show': '未到场' },
        confirm: '确认预约', hold: '已接待', 'no-show': '未到场', done: '已更新预约 {code}', topic: '事由',
      },
      form: {
        station: '联络站', date: '接待日期', time: '接待时间', deputies: '接待代表', noDeputies: '本站暂无代表名单',
        visitor: '来访群众', name: '姓名', phone: '联系电话', address: '住址（村/组或街道）', matters: '反映事项',
        matter: '事项 {n}', category: '类别', chooseCategory: '请选择类别', summary: '反映内容', location: '发生地点',
        urgency: '紧急程度', urgencyDefault: '按类别默认', onSpot: '已当场答复，无需转办', answer: '答复内容',
        addMatter: '添加事项', removeMatter: '删除事项 {n}', noMatters: '还没有事项。只做接待、不需办理时可以不填。',
        notes: '备注', submit: '提交登记', saving: '正在提交…',
        keys: '快捷键：回车 跳到下一项 · Shift+回车 换行 · Alt+N 添加事项 · Ctrl+回车 提交',
        fix: '有 {n} 处需要修改，已在对应位置标出。',
      },
      errors: {
        stationId: '请选择联络站', receivedAt: '接待时间不能晚于现在，也不能早于 30 天前', deputyIds: '请至少选择一位接待代表',
        name: '请填写来访群众姓名', phone: '电话只能由数字、空格或短横线组成', address: '住址不能超过 300 字',
        category: '请选择类别', summary: '请填写反映内容', location: '地点不能超过 500 字', answer: '请填写当场答复的内容', notes: '备注不能超过 4000 字',
      },
      saved: {
        title: '登记成功', lead: '已为 {name} 登记来访。请把查询码抄在回执上交给群众，凭码可在网上联络站查询办理进度。',
        code: '查询码', answered: '已当场答复', next: '接待下一位', print: '打印回执', toBoard: '回到今日接待',
      },
      cases: {
        station: '联络站', status: '状态', allOpen: '全部在办', overdue: '仅看超期', pressed: '仅看被催办',
        code: '查询码', summary: '事项', category: '类别', due: '答复期限', marks: '提醒', received: '受理时间',
        overdueMark: '已超期', pressedMark: '被催办 {n} 次', escalated: '已督办', none: '本站目前没有在办事项。', shown: '已显示 {n} 件',
      },
      status: {
        received: '已受理', accepted: '已接收', assigned: '已交办', acknowledged: '代表已认领', 'site-check': '实地察看',
        'in-progress': '办理中', resolved: '已办结待反馈', declined: '不予受理', answered: '已答复', 'followed-up': '已回访',
        closed: '已办结', withdrawn: '已撤回', merged: '已合并',
      },
      urgency: { emergency: '紧急', urgent: '较急', normal: '一般', complex: '复杂' },
    },
  },
  en: {
    station: {
      nav: { board: 'Today', visit: 'Register a visit', cases: 'Open cases' },
      title: { board: "Today's reception", visit: 'Visitor registration form', cases: "The station's open cases" },
      board: {
        today: 'Today is {date}', register: 'Register a visit', reception: 'Reception', noReception: 'No reception today.',
        next: 'Next reception: {when}', noneAhead: 'No reception in the next two weeks.', cancelled: 'Called off', onDuty: 'Deputies on duty',
        appointments: "Today's appointments", noAppointments: 'No appointments today.', visits: 'Visits registered today', noVisits: 'No visits registered yet today.',
        visitCount: '{n} visitors registered today', matters: '{n} matters', answeredOnSpot: 'answered on the spot', allStations: 'All stations',
      },
      appt: {
        status: { requested: 'Awaiting confirmation', confirmed: 'Confirmed', rescheduled: 'Rescheduled', declined: 'Declined', cancelled: 'Cancelled', held: 'Held', 'no-show': 'Did not come' },
        confirm: 'Confirm', hold: 'Held', 'no-show': 'Did not come', done: 'Appointment {code} updated', topic: 'Topic',
      },
      form: {
        station: 'Station', date: 'Date', time: 'Time', deputies: 'Deputies receiving', noDeputies: 'No deputies listed for this station',
        visitor: 'Visitor', name: 'Name', phone: 'Phone', address: 'Address (village/group or street)', matters: 'Matters raised',
        matter: 'Matter {n}', category: 'Category', chooseCategory: 'Choose a category', summary: 'What was raised', location: 'Where',
        urgency: 'Urgency', urgencyDefault: "The category's default", onSpot: 'Answered on the spot; nothing to pass on', answer: 'The answer given',
        addMatter: 'Add a matter', removeMatter: 'Remove matter {n}', noMatters: 'No matters yet. Leave empty for a reception with nothing to pass on.',
        notes: 'Notes', submit: 'Register', saving: 'Registering…',
        keys: 'Keys: Enter next field · Shift+Enter new line · Alt+N add a matter · Ctrl+Enter register',
        fix: '{n} fields need a change; each is marked where it is.',
      },
      errors: {
        stationId: 'Choose a station', receivedAt: 'Not in the future, and at most 30 days back', deputyIds: 'Choose at least one deputy',
        name: "Write the visitor's name", phone: 'Digits, spaces or dashes only', address: 'At most 300 characters',
        category: 'Choose a category', summary: 'Write what was raised', location: 'At most 500 characters', answer: 'Write the answer given', notes: 'At most 4000 characters',
      },
      saved: {
        title: 'Registered', lead: "{name}'s visit is registered. Write each tracking code on the visitor's slip: the online station shows its progress.",
        code: 'Tracking code', answered: 'Answered on the spot', next: 'Next visitor', print: 'Print the slip', toBoard: "Back to today's reception",
      },
      cases: {
        station: 'Station', status: 'Status', allOpen: 'All open', overdue: 'Overdue only', pressed: 'Pressed only',
        code: 'Tracking code', summary: 'Matter', category: 'Category', due: 'Reply due', marks: 'Marks', received: 'Received',
        overdueMark: 'Overdue', pressedMark: 'Pressed {n}×', escalated: 'Escalated', none: 'No open cases at this station.', shown: '{n} shown',
      },
      status: {
        received: 'Received', accepted: 'Accepted', assigned: 'Assigned', acknowledged: 'Acknowledged', 'site-check': 'Site check',
        'in-progress': 'In progress', resolved: 'Resolved, feedback due', declined: 'Declined', answered: 'Answered', 'followed-up': 'Followed up',
        closed: 'Closed', withdrawn: 'Withdrawn', merged: 'Merged',
      },
      urgency: { emergency: 'Emergency', urgent: 'Urgent', normal: 'Normal', complex: 'Complex' },
    },
  },
};
