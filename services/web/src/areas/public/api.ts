import { get, post, query } from '../../api/client';
import type { DeputyFinderAnswer, receptionList } from '../../../../../contracts/receptions';
import type { PublicCaseView, PublicMessageBody, messageAccepted, publicStationFigures } from '../../../../../contracts/online-station';
import type { BookingBody, bookingAnswer, publicAppointmentView, slotsAnswer } from '../../../../../contracts/appointments-http';
import type { publicActivityList } from '../../../../../contracts/activities';
import type { z } from 'zod';

/** The online station's calls: no sign-in, each answer typed by its contract. */
export type MessageAccepted = z.infer<typeof messageAccepted>;
export type StationFigures = z.infer<typeof publicStationFigures>;
export type SlotsAnswer = z.infer<typeof slotsAnswer>;
export type Slot = SlotsAnswer['slots'][number];
export type BookingAnswer = z.infer<typeof bookingAnswer>;
export type AppointmentView = z.infer<typeof publicAppointmentView>;
export type ActivityList = z.infer<typeof publicActivityList>;
export type Activity = ActivityList['items'][number];
export type ReceptionList = z.infer<typeof receptionList>;
export type PressedView = PublicCaseView & { position: number };

const code = (value: string) => encodeURIComponent(value.trim().toUpperCase());

export const findDeputies = (place: string, signal?: AbortSignal) => get<DeputyFinderAnswer>(`/api/public/deputies${query({ place })}`, signal);
export const deputiesOfArea = (area: string, signal?: AbortSignal) => get<DeputyFinderAnswer>(`/api/public/deputies${query({ area })}`, signal);

export const sendMessage = (body: PublicMessageBody, idempotencyKey: string) => post<MessageAccepted>('/api/public/messages', body, { idempotencyKey });
export const trackMatter = (trackingCode: string, phone4: string, signal?: AbortSignal) =>
  get<PublicCaseView>(`/api/public/track/${code(trackingCode)}${query({ phone4 })}`, signal);
export const pressMatter = (trackingCode: string, phone4: string, idempotencyKey: string) =>
  post<PressedView>(`/api/public/track/${code(trackingCode)}/press${query({ phone4 })}`, {}, { idempotencyKey });

export const slotsOf = (deputyId: string, signal?: AbortSignal) => get<SlotsAnswer>(`/api/public/deputies/${encodeURIComponent(deputyId)}/slots`, signal);
export const book = (body: BookingBody, idempotencyKey: string) => post<BookingAnswer>('/api/public/appointments', body, { idempotencyKey });
export const findBooking = (trackingCode: string, phone4: string, signal?: AbortSignal) =>
  get<AppointmentView>(`/api/public/appointments/${code(trackingCode)}${query({ phone4 })}`, signal);
export const cancelBooking = (trackingCode: string, phone4: string, idempotencyKey: string) =>
  post<AppointmentView>(`/api/public/appointments/${code(trackingCode)}/cancel${query({ phone4 })}`, {}, { idempotencyKey });

export const upcomingActivities = (signal?: AbortSignal) => get<ActivityList>('/api/public/activities', signal);
export const stationFigures = (id: string, signal?: AbortSignal) => get<StationFigures>(`/api/public/stations/${encodeURIComponent(id)}`, signal);
export const receptionsOf = (id: string, signal?: AbortSignal) => get<ReceptionList>(`/api/stations/${encodeURIComponent(id)}/receptions`, signal);
