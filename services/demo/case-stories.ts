/** One step: who acts, which action, its data, and how many hours after receipt. */
export type Step = [who: string, action: string, data: Record<string, unknown>, hoursLater: number];

import { categoryCodeOf } from './directory-data.js';

export interface Story {
  key: string;
  receivedBy: string;
  receivedAt: string;
  body: Record<string, unknown>;
  steps: Step[];
}

const person = (name: string, phone?: string, address?: string) => ({ name, ...(phone ? { phone } : {}), ...(address ? { address } : {}) });
const story = (
  key: string, receivedBy: string, receivedAt: string, stationId: string, channel: string, urgency: string,
  category: string, summary: string, constituent: { name: string; phone?: string }, steps: Step[] = [],
): Story => ({
  key,
  receivedBy,
  receivedAt,
  body: { stationId, channel, urgency, category: categoryCodeOf(category), summary, constituent },
  steps,
});
/** The deputies on duty who received the visitor. */
const receivedWith = (s: Story, ...receptionDeputyIds: string[]): Story =>
  Object.assign(s, { body: Object.assign(s.body, { receptionDeputyIds }) });
/** Everyone who went on a site check. */
const went = (...deputyIds: string[]) => ({ deputyIds, staff: [] as string[] });

/**
 * About twenty made-up matters covering every status: the culvert story from
 * receipt to closure, a deputy helping sell hand-made costumes, referrals to
 * agencies, a decline with a referral elsewhere, a merge, a withdrawal, a
 * reopening and an escalation.
 */
export const demoStories: Story[] = [
  receivedWith(story('culvert', 'staffBaichehe', '2026-06-13T10:20:00+08:00', 'st-baichehe', 'reception-day', 'urgent', '道路与排水',
    '通村公路旁涵洞堵塞，下雨后山水漫过路面，村民出行困难。', person('胡秀英', '13800000613', '百车河社区三组'), [
      ['supShuicheng', 'assign', { deputyIds: ['dep-zhou-lan', 'dep-wu-haitao'] }, 0.5],
      ['dep-zhou-lan', 'acknowledge', {}, 1],
      ['dep-zhou-lan', 'schedule-site-check', { at: '2026-06-14T08:00:00+08:00' }, 1.2],
      ['dep-zhou-lan', 'complete-site-check', {
        findings: '会同村组清理涵洞内的树枝和淤泥，积水已排走，路面恢复通行。',
        participants: { deputyIds: ['dep-zhou-lan', 'dep-wu-haitao'], staff: ['村组干部'] },
      }, 22.5],
      ['dep-zhou-lan', 'resolve', { outcome: 'done', summary: '涵洞已疏通，道路恢复通行。' }, 23],
      ['dep-wu-haitao', 'give-feedback', { method: 'in-person', summary: '当天接访代表到胡秀英家中反馈疏通落实情况。' }, 24],
      ['staffBaichehe', 'record-follow-up', { resolved: true, satisfaction: 'satisfied', comment: '下雨后路面没有再积水。' }, 192],
      ['staffBaichehe', 'close', {}, 192.2],
    ]), 'dep-wu-haitao'),
  story('costumes', 'staffBaichehe', '2026-03-02T15:00:00+08:00', 'st-fana-home', 'home-visit', 'complex', '产业发展',
    '村里妇女做的布依族服饰卖不出去，希望代表帮忙找销路。', person('陈桂芬'), [
      ['supShuicheng', 'assign', { deputyIds: ['dep-yang-meiyun'] }, 2],
      ['dep-yang-meiyun', 'acknowledge', {}, 3],
      ['dep-yang-meiyun', 'note-progress', { text: '在微店和短视频平台开设店铺，拍摄服饰介绍视频。' }, 72],
      ['dep-yang-meiyun', 'refer', { agency: '乡农业服务中心', note: '申请创业扶持，筹建加工点。' }, 240],
      ['dep-yang-meiyun', 'record-agency-reply', { agency: '乡农业服务中心', reply: '已协助申请创业补贴，加工点场地落实。' }, 600],
      ['dep-yang-meiyun', 'resolve', { outcome: 'done', summary: '服饰网上脱销，村里建起加工点，参与农户月收入三四千元。' }, 1400],
      ['dep-yang-meiyun', 'give-feedback', { method: 'in-person', summary: '在代表之家向村民通报销售和加工点情况。' }, 1410],
      ['staffBaichehe', 'record-follow-up', { resolved: true, satisfaction: 'satisfied' }, 1600],
      ['staffBaichehe', 'close', {}, 1601],
    ]),
  story('street-lights', 'staffHecheng', '2026-10-09T21:40:00+08:00', 'st-hecheng', 'online-message', 'normal', '市政设施',
    '古镇巷道有三盏路灯不亮，晚上老人出行不便。', person('王建国', '13900001009'), [
      ['supZhongshan', 'assign', { deputyIds: ['dep-tian-yu'] }, 12],
      ['dep-tian-yu', 'acknowledge', {}, 13],
      ['dep-tian-yu', 'refer', { agency: '区城市管理局' }, 14],
      ['dep-tian-yu', 'record-agency-reply', { agency: '区城市管理局', reply: '已更换灯具三套。' }, 60],
      ['dep-tian-yu', 'resolve', { outcome: 'done', summary: '三盏路灯已修复。' }, 61],
      ['dep-tian-yu', 'give-feedback', { method: 'phone', summary: '电话告知王建国路灯已修好。' }, 62],
    ]),
  story('water-pressure', 'staffBaichehe', '2026-08-18T09:10:00+08:00', 'st-panlong', 'hotline', 'urgent', '供水',
    '集镇六组自来水水压不足，高处住户经常停水。', person('李国富', '13700000818'), [
      ['supShuicheng', 'assign', { deputyIds: ['dep-luo-jian'] }, 1],
      ['dep-luo-jian', 'acknowledge', {}, 2],
      ['dep-luo-jian', 'schedule-site-check', { at: '2026-08-19T09:00:00+08:00' }, 3],
      ['dep-luo-jian', 'complete-site-check', { findings: '加压泵老化，供水公司临时调整供水时段。', participants: went('dep-luo-jian') }, 25],
      ['dep-luo-jian', 'resolve', { outcome: 'partly', summary: '已错峰供水，加压泵更换列入年底计划。' }, 48],
      ['dep-luo-jian', 'give-feedback', { method: 'phone', summary: '电话说明错峰供水安排和换泵计划。' }, 49],
      ['staffBaichehe', 'record-follow-up', { resolved: false, satisfaction: 'basically-satisfied', comment: '希望尽快换泵。' }, 200],
    ]),
  story('bus-shelter', 'staffHecheng', '2026-11-02T10:00:00+08:00', 'st-guzhen', 'reception-day', 'normal', '交通出行',
    '古镇公交站没有候车亭，雨天候车没有地方躲雨。', person('赵玉梅'), [
      ['supZhongshan', 'assign', { deputyIds: ['dep-he-xia'] }, 4],
      ['dep-he-xia', 'acknowledge', {}, 5],
      ['dep-he-xia', 'refer', { agency: '区交通运输局', note: '建议增设候车亭。' }, 6],
      ['supZhongshan', 'escalate', { to: '区交通运输局', reason: '转交部门超过七天未答复，请督办。', dueBy: '2026-11-20T18:00:00+08:00' }, 200],
    ]),
  story('market-noise', 'staffHecheng', '2026-11-12T20:15:00+08:00', 'st-hecheng', 'online-message', 'normal', '环境',
    '夜市音响太吵，影响附近居民休息。', person('孙丽'), [
      ['supZhongshan', 'assign', { deputyIds: ['dep-song-qiang'] }, 14],
      ['dep-song-qiang', 'acknowledge', {}, 15],
      ['dep-song-qiang', 'note-progress', { text: '与街道和夜市管理方约谈，拟定22点后禁用外放音响。' }, 40],
    ]),
  story('pension', 'staffHecheng', '2026-09-07T09:30:00+08:00', 'st-hecheng', 'appointment', 'normal', '社会保障',
    '咨询养老保险补缴政策。', person('刘德明'), [
      ['staffHecheng', 'decline', { reason: '属于社保经办政策咨询，不需代表办理。', redirectTo: '区社会保险事业中心' }, 0.5],
      ['staffHecheng', 'give-feedback', { method: 'phone', summary: '告知补缴办理地点和所需材料。' }, 1],
    ]),
  story('land-dispute', 'staffBaichehe', '2026-11-16T09:40:00+08:00', 'st-panlong', 'reception-day', 'complex', '土地',
    '与邻村的土地边界纠纷，已经起诉到法院。', person('张志强'), [
      ['staffBaichehe', 'decline', { reason: '已进入诉讼程序，不宜由代表介入。', redirectTo: '县法律援助中心' }, 1],
    ]),
  story('school-road', 'staffBaichehe', '2026-11-23T09:15:00+08:00', 'st-baichehe', 'reception-day', 'urgent', '交通安全',
    '小学门口路段车速快，没有减速带，孩子上下学不安全。', person('黄梅', '13600001123'), [
      ['supShuicheng', 'assign', { deputyIds: ['dep-wu-haitao'] }, 2],
      ['dep-wu-haitao', 'acknowledge', {}, 3],
      ['dep-wu-haitao', 'schedule-site-check', { at: '2026-11-30T07:30:00+08:00' }, 4],
    ]),
  story('garbage', 'staffBaichehe', '2026-11-20T16:00:00+08:00', 'st-fana-home', 'home-visit', 'normal', '环境',
    '四组垃圾收集点清运不及时，气味大。', person('罗小芳'), [
      ['supShuicheng', 'assign', { deputyIds: ['dep-yang-meiyun'] }, 18],
      ['dep-yang-meiyun', 'acknowledge', {}, 20],
    ]),
  story('bridge-railing', 'staffBaichehe', '2026-11-25T19:05:00+08:00', 'st-panlong', 'online-message', 'emergency', '安全隐患',
    '河上便桥护栏被冲断一段，夜里很危险。', person('匿名群众'), [
      ['supShuicheng', 'assign', { deputyIds: ['dep-luo-jian', 'dep-zhou-lan'] }, 0.3],
    ]),
  story('stray-dogs', 'staffHecheng', '2026-11-24T08:30:00+08:00', 'st-guzhen', 'online-message', 'normal', '公共秩序',
    '小区附近流浪狗多，早上晨练的老人害怕。', person('吴秀兰'), [
      ['supZhongshan', 'assign', { deputyIds: ['dep-he-xia'] }, 6],
    ]),
  story('farm-road', 'staffBaichehe', '2026-11-23T10:30:00+08:00', 'st-baichehe', 'reception-day', 'complex', '农村基础设施',
    '希望把通往茶园的机耕道硬化，方便采茶运输。', person('邓永福'), [['staffBaichehe', 'accept', {}, 1]]),
  story('signal', 'staffBaichehe', '2026-11-26T07:50:00+08:00', 'st-fana-home', 'online-message', 'normal', '通信',
    '法那村五组手机信号很差，上网课困难。', person('韦小龙')),
  story('parking', 'staffHecheng', '2026-11-25T18:20:00+08:00', 'st-hecheng', 'hotline', 'normal', '交通出行',
    '街道两侧乱停车，消防通道被堵。', person('周明', '13500001125')),
  story('street-lights-again', 'staffHecheng', '2026-10-10T08:00:00+08:00', 'st-guzhen', 'online-message', 'normal', '市政设施',
    '古镇巷道路灯不亮。', person('钱红'), [['supZhongshan', 'merge', { intoCaseId: '@street-lights' }, 3]]),
  story('drainage-neighbour', 'staffBaichehe', '2026-10-20T11:00:00+08:00', 'st-panlong', 'hotline', 'normal', '邻里纠纷',
    '邻居家排水沟改道，雨水流进我家院子。', person('冯大海'), [
      ['supShuicheng', 'withdraw', { reason: '已与邻居协商解决。' }, 30],
    ]),
  story('insurance-card', 'staffHecheng', '2026-11-18T14:00:00+08:00', 'st-hecheng', 'appointment', 'normal', '医疗保障',
    '医保卡异地就医报销手续不清楚。', person('陈静'), [
      ['supZhongshan', 'assign', { deputyIds: ['dep-song-qiang'] }, 2],
      ['dep-song-qiang', 'acknowledge', {}, 3],
      ['dep-song-qiang', 'resolve', { outcome: 'explained', summary: '已整理异地就医备案和报销流程说明。' }, 20],
    ]),
  story('road-repair', 'staffBaichehe', '2026-07-01T09:00:00+08:00', 'st-baichehe', 'reception-day', 'normal', '道路与排水',
    '社区主路坑洼积水。', person('杨文', '13800000701'), [
      ['supShuicheng', 'assign', { deputyIds: ['dep-zhou-lan'] }, 1],
      ['dep-zhou-lan', 'acknowledge', {}, 2],
      ['dep-zhou-lan', 'resolve', { outcome: 'done', summary: '坑洼已填补。' }, 120],
      ['dep-zhou-lan', 'give-feedback', { method: 'sms', summary: '短信告知已修补。' }, 121],
      ['staffBaichehe', 'close', {}, 300],
      ['supShuicheng', 'reopen', { reason: '十一月大雨后路面再次积水。' }, 3400],
    ]),
  story('tea-training', 'staffBaichehe', '2026-04-08T10:00:00+08:00', 'st-panlong', 'online-message', 'normal', '产业发展',
    '希望组织茶叶种植和加工技术培训。', person('马春燕'), [
      ['supShuicheng', 'assign', { deputyIds: ['dep-luo-jian'] }, 24],
      ['dep-luo-jian', 'acknowledge', {}, 25],
      ['dep-luo-jian', 'note-progress', { text: '联系县农业农村局茶叶站安排技术员。' }, 72],
      ['dep-luo-jian', 'resolve', { outcome: 'done', summary: '五月组织两期茶叶技术培训，八十余人参加。' }, 900],
      ['dep-luo-jian', 'give-feedback', { method: 'online', summary: '在网上联络站发布培训情况。' }, 910],
      ['staffBaichehe', 'record-follow-up', { resolved: true, satisfaction: 'satisfied' }, 1000],
      ['staffBaichehe', 'close', {}, 1001],
    ]),
];
