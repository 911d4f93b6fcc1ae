import type { AppointmentAction } from '../../contracts/appointments.js';
import type { BookingBody } from '../../contracts/appointments-http.js';
import { citizenPrincipal, type Principal } from '../../contracts/identity.js';
import type { AppointmentService } from '../appointments/appointment-service.js';
import { OnlineBookings } from '../appointments/online-bookings.js';

const HOUR_MS = 3_600_000;
const at = (iso: string, hours: number) => new Date(Date.parse(iso) + hours * HOUR_MS).toISOString();

export interface DemoAppointmentsOptions {
  /** The deputy citizens book; the rota must have them on duty at receptions both before and after `now`. */
  deputyId: string;
  /** Staff of the deputy's station, who confirm, move and record the meetings. */
  staff: Principal;
  /** A case category of the station's area, for the matter the held appointment raises. */
  matterCategory: string;
  /** The demo's present: appointments to come lie after it, met and missed ones before. */
  now: string;
}

/** What each demo citizen books and what became of it (all names and numbers invented). */
const stories: { status: string; name: string; phone: string; topic: string; past: boolean; steps: [AppointmentAction, object][] }[] = [
  { status: 'held', name: '韦秀英', phone: '139 8580 1201', topic: '法那村四组涵洞雨后又堵，想当面反映', past: true, steps: [['confirm', {}], ['hold', {}]] },
  { status: 'no-show', name: '罗富贵', phone: '139 8580 1202', topic: '咨询农村医保缴费', past: true, steps: [['confirm', {}], ['no-show', { note: '电话未接通' }]] },
  { status: 'requested', name: '杨丽', phone: '139 8580 1203', topic: '百车河小区停车位不够', past: false, steps: [] },
  { status: 'confirmed', name: '王志强', phone: '139 8580 1204', topic: '蟠龙集市摊位费标准', past: false, steps: [['confirm', { note: '已电话确认' }]] },
  { status: 'rescheduled', name: '陈桂兰', phone: '139 8580 1205', topic: '老年人助餐点开放时间', past: false, steps: [['reschedule', { reason: '代表当天参加人代会，改期' }]] },
  { status: 'declined', name: '李国华', phone: '139 8580 1206', topic: '邻里宅基地纠纷', past: false, steps: [['decline', { reason: '属司法调解范围，已告知到镇司法所' }]] },
  { status: 'cancelled', name: '张晓梅', phone: '139 8580 1207', topic: '路灯不亮', past: false, steps: [['cancel', { reason: '路灯已修好' }]] },
];

/**
 * Seeds one appointment in every status through the same commands the
 * online station and the station's staff use, each at the time it would
 * have happened: met and missed ones booked three days before their slot,
 * those to come two days before `now`; acted on a day after booking or,
 * for a meeting, an hour into the slot. Needs the rota
 * to offer the deputy's slots (call it once the rota exists).
 */
export async function seedDemoAppointments(appointments: AppointmentService, options: DemoAppointmentsOptions): Promise<{ appointments: number }> {
  const { deputyId, staff, matterCategory, now } = options;
  const bookings = new OnlineBookings(appointments);
  const bookedAt = at(now, -21 * 24);
  const past = (await appointments.slots.offered(deputyId, { from: at(now, -18 * 24), to: at(now, -1) }, bookedAt)) ?? [];
  const future = (await appointments.slots.offered(deputyId, { from: at(now, 3 * 24), to: at(now, 24 * 24) }, now)) ?? [];
  const pastStories = stories.filter((s) => s.past);
  // One slot each, and a spare one for the move.
  if (past.length < pastStories.length || future.length < stories.length - pastStories.length + 1) {
    throw new Error(`demo appointments: the rota offers ${deputyId} too few slots around ${now}`);
  }
  const spare = future.at(-1)!;
  for (const story of stories) {
    const slot = (story.past ? past : future).shift()!;
    // Nothing is dated after `now`: appointments to come were booked two days ago and acted on yesterday.
    const requestedAt = story.past ? at(slot.start, -3 * 24) : at(now, -2 * 24);
    const body: BookingBody = { deputyId, start: slot.start, name: story.name, phone: story.phone, topic: story.topic };
    const { trackingCode } = await bookings.book(body, { now: requestedAt });
    const state = await bookings.find(trackingCode, story.phone.replace(/\D/g, '').slice(-4));
    const id = state.context.requested!.appointmentId;
    for (const [action, data] of story.steps) {
      const when = action === 'hold' || action === 'no-show' ? at(slot.start, 1) : at(requestedAt, 24);
      const body =
        action === 'reschedule' ? { ...data, start: spare.start }
          : action === 'hold' ? { notes: '代表当场答复，涵洞清理列入下周计划', matters: [{ category: matterCategory, summary: '法那村四组涵洞雨后堵塞，村道积水', location: '法那村四组' }] }
            : data;
      // The citizen calls their own booking off, through the online station.
      const who = action === 'cancel' ? citizenPrincipal : staff;
      await appointments.act(who, id, action, body, { now: when }, action === 'cancel');
    }
  }
  return { appointments: stories.length };
}
