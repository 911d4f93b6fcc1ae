import type { DiaryLanguage } from '../../contracts/diary.js';

/** What an entry's detail holds: short strings a sentence quotes. */
export type Detail = Record<string, string | undefined>;

const activityZh: Detail = { contact: '联系群众', inspection: '视察调研', study: '学习培训', 'report-back': '向选民述职' };
const activityEn: Detail = {
  contact: 'a meeting with constituents',
  inspection: 'an inspection',
  study: 'a study session',
  'report-back': 'a report-back to voters',
};

const zh: Record<string, (d: Detail) => string> = {
  VisitRegistered: (d) => `${d.channel === 'home-visit' ? '在家中' : ''}接待选民，反映 ${d.matters} 件事项`,
  AppointmentHeld: () => '按预约接待选民',
  ActivityAnnounced: (d) => `将参加${activityZh[d.kind!] ?? d.kind}活动「${d.title}」（${d.place}）`,
  ActivityHeld: (d) => `参加${activityZh[d.kind!] ?? d.kind}活动「${d.title}」（${d.place}，${d.attendance} 名群众参加）`,
};

const plural = (count: string | undefined, one: string, many: string) => `${count} ${count === '1' ? one : many}`;
const en: Record<string, (d: Detail) => string> = {
  VisitRegistered: (d) => `Received a constituent${d.channel === 'home-visit' ? ' at home' : ''} who raised ${plural(d.matters, 'matter', 'matters')}`,
  AppointmentHeld: () => 'Met a constituent by appointment',
  ActivityAnnounced: (d) => `To take part in ${activityEn[d.kind!] ?? d.kind}, “${d.title}”, at ${d.place}`,
  ActivityHeld: (d) => `Took part in ${activityEn[d.kind!] ?? d.kind}, “${d.title}”, at ${d.place} (${plural(d.attendance, 'constituent', 'constituents')} came)`,
};

/**
 * A visit, an appointment or an activity as a sentence, undated. A visit
 * says how many matters were raised, never who raised them: the diary is
 * read by more people than the registration form.
 */
export function workSentence(type: string, detail: Detail, language: DiaryLanguage): string {
  const say = (language === 'en' ? en : zh)[type];
  if (say) return say(detail);
  return language === 'en' ? `Took part (${type})` : `参加履职活动（${type}）`;
}
