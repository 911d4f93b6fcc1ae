import { DIARY_UTC_OFFSET, type DiaryLanguage } from '../../contracts/diary.js';
import type { DiaryRow } from './queries.js';
import { workSentence, type Detail } from './work-sentences.js';

type Say = (code: string, summary: string, detail: Detail, role: DiaryRow['role']) => string;

const OFFSET_MS = Number(DIARY_UTC_OFFSET.slice(1, 3)) * 3_600_000;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The time as the station's wall clock shows it (China time). */
function local(iso: string) {
  const d = new Date(Date.parse(iso) + OFFSET_MS);
  const hm = `${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
  return { month: d.getUTCMonth(), day: d.getUTCDate(), hm };
}
const dayZh = (iso: string) => {
  const t = local(iso);
  return `${t.month + 1}月${t.day}日`;
};
const dayEn = (iso: string) => {
  const t = local(iso);
  return `${t.day} ${MONTHS[t.month]}`;
};

const outcomeZh: Detail = { done: '已解决', partly: '部分解决', explained: '已解释说明' };
const outcomeEn: Detail = { done: 'done', partly: 'partly done', explained: 'explained' };
const methodZh: Detail = { 'in-person': '当面', phone: '电话', sms: '短信', online: '网上' };
const methodEn: Detail = { 'in-person': 'in person', phone: 'by phone', sms: 'by text message', online: 'online' };

const zh: Record<string, Say> = {
  CaseReceived: (code, summary, d) =>
    d.channel === 'online-message' ? `收到网上留言，事项 ${code}：${summary}`
      : d.channel === 'hotline' ? `登记热线来电，事项 ${code}：${summary}`
        : `接待选民，登记事项 ${code}：${summary}`,
  CaseAccepted: (code, summary) => `受理事项 ${code}：${summary}`,
  CaseAssigned: (code, summary) => `受交办事项 ${code}：${summary}`,
  CaseReassigned: (code, summary, d, role) => (role === 'assigned' ? `经改派接办事项 ${code}：${summary}` : `改派事项 ${code}${d.reason ? `，原因：${d.reason}` : ''}`),
  CaseAcknowledged: (code, summary) => `签收事项 ${code}：${summary}`,
  SiteCheckScheduled: (code, _s, d) => `约定${dayZh(d.at!)} ${local(d.at!).hm}到现场察看事项 ${code}`,
  SiteCheckCompleted: (code, _s, d) => `到现场察看事项 ${code}：${d.findings}`,
  CaseReferred: (code, _s, d) => `将事项 ${code} 转交${d.agency}办理`,
  AgencyReplied: (code, _s, d) => `记录${d.agency}对事项 ${code} 的答复：${d.reply}`,
  ProgressNoted: (code, _s, d) => `记录事项 ${code} 的进展：${d.text}`,
  CaseResolved: (code, _s, d) => `办结事项 ${code}（${outcomeZh[d.outcome!] ?? d.outcome}）：${d.summary}`,
  FeedbackGiven: (code, _s, d) => `${methodZh[d.method!] ?? d.method}向选民反馈事项 ${code} 的办理情况：${d.summary}`,
  NoteAdded: (code, _s, d) => `为事项 ${code} 添加备注：${d.text}`,
};

const en: Record<string, Say> = {
  CaseReceived: (code, summary, d) =>
    d.channel === 'online-message' ? `Had an online message, matter ${code}: ${summary}`
      : d.channel === 'hotline' ? `Registered a hotline call as matter ${code}: ${summary}`
        : `Received a visitor and registered matter ${code}: ${summary}`,
  CaseAccepted: (code, summary) => `Accepted matter ${code}: ${summary}`,
  CaseAssigned: (code, summary) => `Was assigned matter ${code}: ${summary}`,
  CaseReassigned: (code, summary, d, role) =>
    role === 'assigned' ? `Took over matter ${code} on reassignment: ${summary}` : `Reassigned matter ${code}${d.reason ? ` (${d.reason})` : ''}`,
  CaseAcknowledged: (code, summary) => `Acknowledged matter ${code}: ${summary}`,
  SiteCheckScheduled: (code, _s, d) => `Scheduled a site check of matter ${code} for ${dayEn(d.at!)} ${local(d.at!).hm}`,
  SiteCheckCompleted: (code, _s, d) => `Inspected the site of matter ${code}: ${d.findings}`,
  CaseReferred: (code, _s, d) => `Referred matter ${code} to ${d.agency}`,
  AgencyReplied: (code, _s, d) => `Recorded the reply of ${d.agency} on matter ${code}: ${d.reply}`,
  ProgressNoted: (code, _s, d) => `Noted progress on matter ${code}: ${d.text}`,
  CaseResolved: (code, _s, d) => `Resolved matter ${code} (${outcomeEn[d.outcome!] ?? d.outcome}): ${d.summary}`,
  FeedbackGiven: (code, _s, d) => `Told the constituent ${methodEn[d.method!] ?? d.method} how matter ${code} was handled: ${d.summary}`,
  NoteAdded: (code, _s, d) => `Added a note to matter ${code}: ${d.text}`,
};

/**
 * The entry as a sentence a person reads, dated in China time: "3月2日
 * 接待选民，登记事项 ABCD-EFGH：…" or "2 Mar: Received a visitor and
 * registered matter ABCD-EFGH: …". Events with no sentence of their own
 * (a deputy's part in one the workflow adds later) still say which matter.
 */
export function diarySentence(row: DiaryRow, language: DiaryLanguage): string {
  const detail = (row.detail === null ? {} : JSON.parse(row.detail)) as Detail;
  const day = language === 'en' ? `${dayEn(row.at)}:` : dayZh(row.at);
  if (row.kind !== 'case') return `${day} ${workSentence(row.type, detail, language)}`;
  // A case entry always has its case: CaseReceived, which names it, comes first in every case.
  const code = row.trackingCode ?? row.refId;
  const summary = row.summary ?? '';
  if (language === 'en') {
    const say = en[row.type];
    return `${day} ${say ? say(code, summary, detail, row.role) : `Took part in matter ${code} (${row.type})`}`;
  }
  const say = zh[row.type];
  return `${day} ${say ? say(code, summary, detail, row.role) : `参与办理事项 ${code}（${row.type}）`}`;
}
