/** The auditor area's words: the audit bench and the workflow chart. */
const zh = {
  nav: { audit: '案件审计', workflow: '办理流程' },
  find: {
    title: '案件审计', lead: '按案件编号、查询码或事项内容查找案件，查看完整记录并核验防篡改链条。',
    label: '案件编号、查询码或关键词', placeholder: '例如 UT49-DBYG 或 涵洞', results: '查找结果', hint: '输入后按回车查找。',
    open: '审计此案', none: '没有找到相符的案件', found: '找到 {n} 件',
  },
  audit: {
    title: '案件审计记录', summary: '案件概况', tracking: '查询码', status: '当前状态', station: '联络站', received: '受理时间', version: '流程版本',
    chain: '链条核验', browser: '本机浏览器核验', server: '服务器核验', chainOk: '链条完整（共 {n} 个事件）', chainBroken: '链条在第 {rev} 号事件处断开',
    checking: '正在核验…', serverOk: '服务器核验通过（共 {n} 个事件）', serverBroken: '服务器报告链条在第 {rev} 号事件处断开：{reason}',
    serverOnlyAuditors: '服务器核验仅向审计人员和管理员开放。',
    method: '核验方法：在您的浏览器中用 SHA-256 重新计算每个事件的哈希值（内容包括流名称、序号、类型、数据和元数据），并核对每个事件记载的“前一哈希”。',
    streamNote: '历史记录中不含流名称，本页按系统的命名规则取“{name}”。',
    streamNamed: '哈希所覆盖的流名称“{name}”由服务器在历史记录中给出。',
    timeline: '完整记录', eventOk: '✓ 哈希相符', asOf: '查看某一时刻的案件', asOfLabel: '日期（北京时间）', asOfTime: '时刻',
    asOfShow: '查看', asOfClear: '显示全部', asOfResult: '截至 {at}：状态为“{status}”，共 {n} 个事件', asOfNone: '截至 {at}，此案尚未登记。',
    asOfNote: '状态按本案所用流程版本的转移表，由该时刻之前的事件逐一推算；事件以其发生时间为准。',
    position: '日志位置', revision: '序号', actor: '操作人', occurred: '发生时间', recorded: '入库时间', correlation: '关联编号', causation: '起因编号',
    command: '指令编号', data: '数据', metadata: '元数据', hash: '哈希', prevHash: '前一哈希', computed: '本机计算', showRaw: '查看原始数据',
    problem: { 'hash-missing': '✗ 缺少哈希', 'content-changed': '✗ 内容与哈希不符', 'link-broken': '✗ 前一哈希对不上', 'order-broken': '✗ 序号不连续' },
  },
  flow: {
    title: '案件办理流程', lead: '一件群众诉求从登记到办结的每一步、谁可以办理，以及系统自动提醒与督办的规则。', print: '打印 A4 上墙版',
    chartLabel: '案件办理流程图', exitsTitle: '可随时终止', exitFrom: '以下状态均可：{from}', allActions: '{roles}在职责范围内可办理全部操作。',
    tableTitle: '流程说明（文字版）', from: '当前状态', action: '操作', to: '办理后状态', who: '可办理人员', stays: '状态不变',
    deadlinesTitle: '时限与自动提醒', deadline: '时限', setBy: '开始计时', answeredBy: '视为已答复', fires: '到期前后系统自动', watches: '计时中的状态',
    deadlineNote: '各时限的具体天数按所在地区的时限规定计算。', printTitle: '人大代表联络站 · 群众诉求办理流程', printFoot: '回音 · 事事有回音、件件有落实',
    legendFinal: '双线框：办结状态', back: '返回流程页', printNow: '打印',
  },
  deadline: { reply: '首次答复', feedback: '办理结果反馈', escalation: '督办期限' },
  fire: { remind: '提醒', overdue: '标记超期', escalate: '自动督办' },
  who: { staff: '工作人员', deputy: '代表', supervisor: '督办人员', admin: '管理员', system: '系统', citizen: '群众（网上留言）' },
  state: {
    new: '（新诉求）', received: '已登记', accepted: '已受理', assigned: '已交办', acknowledged: '代表已接单', 'site-check': '实地察看', 'in-progress': '办理中',
    resolved: '已办理', declined: '不予受理', answered: '已反馈', 'followed-up': '已回访', closed: '已办结', withdrawn: '已撤回', merged: '已合并',
  },
  action: {
    receive: '登记', accept: '受理', assign: '交办代表', reassign: '改派', acknowledge: '接单', 'schedule-site-check': '安排实地察看',
    'complete-site-check': '完成实地察看', refer: '转交部门', 'record-agency-reply': '记录部门答复', 'note-progress': '记录进展', resolve: '办理完毕',
    decline: '不予受理', 'give-feedback': '反馈群众', 'record-follow-up': '回访', close: '办结', reopen: '重新办理', withdraw: '撤回', merge: '合并',
    'add-note': '备注', escalate: '督办',
  },
  event: {
    CaseReceived: '登记诉求', CaseAccepted: '受理', CaseAssigned: '交办代表', CaseReassigned: '改派代表', CaseAcknowledged: '代表接单',
    SiteCheckScheduled: '安排实地察看', SiteCheckCompleted: '完成实地察看', CaseReferred: '转交部门', AgencyReplied: '部门答复', ProgressNoted: '记录进展',
    CaseResolved: '办理完毕', CaseDeclined: '不予受理', FeedbackGiven: '反馈群众', FeedbackRelayed: '转达合并案件的反馈', FollowUpRecorded: '回访',
    CaseClosed: '办结', CaseReopened: '重新办理', CaseWithdrawn: '撤回', CaseMerged: '合并到其他案件', CaseAttached: '并入案件', CaseMergeConfirmed: '确认合并',
    CaseDetached: '撤销并入', NoteAdded: '备注', CaseEscalated: '督办', CasePressed: '群众催办', ReminderSent: '发送提醒', CaseWentOverdue: '超期',
  },
};

type Words = typeof zh;

const en: Words = {
  nav: { audit: 'Audit', workflow: 'Workflow' },
  find: {
    title: 'Audit a case', lead: 'Find a case by id, tracking code or words; read its whole record and check its tamper-evident chain.',
    label: 'Case id, tracking code or words', placeholder: 'e.g. UT49-DBYG or culvert', results: 'Results', hint: 'Press Enter to search.',
    open: 'Audit', none: 'No case matches', found: '{n} found',
  },
  audit: {
    title: 'Case audit record', summary: 'The case', tracking: 'Tracking code', status: 'Status now', station: 'Station', received: 'Received', version: 'Workflow version',
    chain: 'Chain check', browser: 'Checked in this browser', server: 'Checked by the server', chainOk: 'Chain verified ({n} events)', chainBroken: 'The chain breaks at event {rev}',
    checking: 'Checking…', serverOk: 'Server: chain verified ({n} events)', serverBroken: 'Server: the chain breaks at event {rev}: {reason}',
    serverOnlyAuditors: 'The server check is open to auditors and administrators only.',
    method: 'How: this browser recomputes each event’s SHA-256 (over the stream name, revision, type, data and metadata) and checks each event’s recorded previous hash.',
    streamNote: 'The history does not carry the stream name; this page takes “{name}”, as the engine names streams.',
    streamNamed: 'The stream name the hashes cover, “{name}”, is the one the server gives with the history.',
    timeline: 'Whole record', eventOk: '✓ hash matches', asOf: 'The case at a moment', asOfLabel: 'Date (Beijing)', asOfTime: 'Time',
    asOfShow: 'Show', asOfClear: 'Show all', asOfResult: 'As of {at}: status “{status}”, {n} events', asOfNone: 'As of {at} the case did not exist yet.',
    asOfNote: 'The status is worked out from the events up to that moment by this case’s workflow version’s transition table; events count by when they happened.',
    position: 'Log position', revision: 'Revision', actor: 'By', occurred: 'Happened', recorded: 'Recorded', correlation: 'Correlation', causation: 'Causation',
    command: 'Command', data: 'Data', metadata: 'Metadata', hash: 'Hash', prevHash: 'Previous hash', computed: 'Computed here', showRaw: 'Raw data',
    problem: { 'hash-missing': '✗ no hash', 'content-changed': '✗ content does not match its hash', 'link-broken': '✗ previous hash does not match', 'order-broken': '✗ revisions not consecutive' },
  },
  flow: {
    title: 'How a case is handled', lead: 'Every step of a matter from registration to closing, who may take it, and the reminders and escalations Huiyin makes itself.', print: 'Print A4 wall chart',
    chartLabel: 'Case workflow chart', exitsTitle: 'Can end at any time', exitFrom: 'From any of: {from}', allActions: '{roles} may take every action within their remit.',
    tableTitle: 'The workflow in words', from: 'Status', action: 'Action', to: 'Then', who: 'Who may', stays: 'unchanged',
    deadlinesTitle: 'Deadlines and reminders', deadline: 'Deadline', setBy: 'Starts', answeredBy: 'Answered by', fires: 'Huiyin then', watches: 'Running in',
    deadlineNote: 'How many days each deadline gives is set by the area’s deadline policy.', printTitle: 'Deputies’ liaison station · how a matter is handled', printFoot: 'Huiyin · every matter answered',
    legendFinal: 'Double border: a final status', back: 'Back to the workflow', printNow: 'Print',
  },
  deadline: { reply: 'First reply', feedback: 'Feedback on the outcome', escalation: '督办 due date' },
  fire: { remind: 'reminds', overdue: 'marks overdue', escalate: 'escalates' },
  who: { staff: 'Staff', deputy: 'Deputy', supervisor: 'Supervisor', admin: 'Admin', system: 'Huiyin', citizen: 'Citizen (online)' },
  state: {
    new: '(new matter)', received: 'Registered', accepted: 'Accepted', assigned: 'Assigned', acknowledged: 'Acknowledged', 'site-check': 'Site check', 'in-progress': 'In progress',
    resolved: 'Resolved', declined: 'Declined', answered: 'Answered', 'followed-up': 'Followed up', closed: 'Closed', withdrawn: 'Withdrawn', merged: 'Merged',
  },
  action: {
    receive: 'Register', accept: 'Accept', assign: 'Assign deputies', reassign: 'Reassign', acknowledge: 'Acknowledge', 'schedule-site-check': 'Schedule site check',
    'complete-site-check': 'Complete site check', refer: 'Refer to agency', 'record-agency-reply': 'Record agency reply', 'note-progress': 'Note progress', resolve: 'Resolve',
    decline: 'Decline', 'give-feedback': 'Give feedback', 'record-follow-up': 'Follow up', close: 'Close', reopen: 'Reopen', withdraw: 'Withdraw', merge: 'Merge',
    'add-note': 'Add note', escalate: 'Escalate (督办)',
  },
  event: {
    CaseReceived: 'Registered', CaseAccepted: 'Accepted', CaseAssigned: 'Deputies assigned', CaseReassigned: 'Reassigned', CaseAcknowledged: 'Acknowledged by deputy',
    SiteCheckScheduled: 'Site check scheduled', SiteCheckCompleted: 'Site check completed', CaseReferred: 'Referred to agency', AgencyReplied: 'Agency replied', ProgressNoted: 'Progress noted',
    CaseResolved: 'Resolved', CaseDeclined: 'Declined', FeedbackGiven: 'Feedback given', FeedbackRelayed: 'Feedback relayed from merged case', FollowUpRecorded: 'Followed up',
    CaseClosed: 'Closed', CaseReopened: 'Reopened', CaseWithdrawn: 'Withdrawn', CaseMerged: 'Merged into another case', CaseAttached: 'Case attached', CaseMergeConfirmed: 'Merge confirmed',
    CaseDetached: 'Attachment undone', NoteAdded: 'Note', CaseEscalated: 'Escalated (督办)', CasePressed: 'Pressed by citizen (催办)', ReminderSent: 'Reminder sent', CaseWentOverdue: 'Went overdue',
  },
};

export const messages = { 'zh-CN': { auditor: zh }, en: { auditor: en } };
