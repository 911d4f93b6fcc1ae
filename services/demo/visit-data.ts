import type { Claims } from '../../contracts/identity.js';
import { claimsSchema } from '../../contracts/identity.js';
import { visitBody } from '../../contracts/visits.js';
import type { VisitService } from '../visits/visit-service.js';
import { demoPeople } from './directory-data.js';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** The last Monday at 9:30 in China, `weeksBack` weeks before the one on or before `now`. */
function mondayMorning(now: string, weeksBack: number): string {
  const china = new Date(Date.parse(now) + 8 * HOUR_MS);
  const daysSinceMonday = (china.getUTCDay() + 6) % 7;
  const monday = Date.UTC(china.getUTCFullYear(), china.getUTCMonth(), china.getUTCDate() - daysSinceMonday - 7 * weeksBack, 9, 30) - 8 * HOUR_MS;
  // A Monday still ahead today (before 9:30) counts as the week before.
  return new Date(monday > Date.parse(now) ? monday - 7 * DAY_MS : monday).toISOString();
}

const staff: Claims = claimsSchema.parse(demoPeople.staffBaichehe);
const deputyYang: Claims = claimsSchema.parse({ sub: 'dep-yang-meiyun', name: '杨美云', role: 'deputy', stations: ['st-fana-home', 'st-panlong'] });

/**
 * Three filled-in registration forms of the last weeks: a Monday at
 * Panlong with a visitor raising three matters (one answered on the spot),
 * a visit to the deputy's home in Fana with two, and last Monday's at
 * Baichehe, answered on the spot and rated. Each is registered an hour
 * after the visit, as staff type up the morning's forms.
 */
export async function seedDemoVisits(visits: VisitService, now: string): Promise<{ visits: number }> {
  const forms: Array<{ who: Claims; at: string; body: unknown; satisfaction?: 'satisfied' }> = [
    {
      who: staff,
      at: mondayMorning(now, 2),
      body: {
        stationId: 'st-panlong', deputyIds: ['dep-zhou-lan', 'dep-luo-jian'],
        visitor: { name: '龙开秀', phone: '136 0858 2231', address: '蟠龙镇法那村三组' },
        matters: [
          { category: 'water', summary: '三组自来水管冬天冻裂，已经停水三天', location: '法那村三组水池旁' },
          { category: 'social-security', summary: '母亲的高龄补贴今年还没有到账' },
          { category: 'transport', summary: '问镇上到县城的班车什么时候恢复', answer: '已告知班车下周一恢复，每天两班' },
        ],
        notes: '同组两位邻居一起来反映停水',
      },
    },
    {
      who: deputyYang,
      at: mondayMorning(now, 1),
      body: {
        channel: 'home-visit', stationId: 'st-fana-home', deputyIds: ['dep-yang-meiyun'],
        visitor: { name: '韦国富', phone: '139 8566 0417', address: '法那村四组' },
        matters: [
          { category: 'rural-infrastructure', summary: '四组通组路有一段塌方，摩托车过不去', location: '法那村四组通组路' },
          { category: 'neighbours', summary: '与邻居因宅基地边界有争议，希望村里调解' },
        ],
      },
    },
    {
      who: staff,
      at: mondayMorning(now, 0),
      body: {
        stationId: 'st-baichehe', deputyIds: ['dep-wu-haitao'],
        visitor: { name: '陈小梅', address: '百车河社区二组' },
        matters: [{ category: 'medical-insurance', summary: '问城乡居民医保明年的缴费标准', answer: '已讲解缴费标准和缴费渠道' }],
      },
      satisfaction: 'satisfied',
    },
  ];
  for (const [i, form] of forms.entries()) {
    const typedUp = new Date(Math.min(Date.parse(form.at) + HOUR_MS, Date.parse(now))).toISOString();
    const body = visitBody.parse({ ...(form.body as object), receivedAt: form.at });
    const { view } = await visits.register(form.who, body, { now: typedUp, idempotencyKey: `demo-visit-${i}` });
    if (form.satisfaction) await visits.recordSatisfaction(form.who, view.id, { satisfaction: form.satisfaction }, { now: typedUp });
  }
  return { visits: forms.length };
}
