/**
 * A reception (接待日): one sitting at a station on one day, with the
 * deputies on duty. Worked out from the station's rota (its weekly
 * schedule and the changes to single dates); the appointments offer slots
 * inside these, and the online station shows the next one.
 */
export interface Reception {
  stationId: string;
  /** The day in China (UTC+8), `YYYY-MM-DD`. */
  date: string;
  /** ISO-8601 UTC instants. */
  start: string;
  end: string;
  deputyIds: string[];
  /** True: announced, then called off (kept so a citizen sees it will not happen). */
  cancelled: boolean;
  /** Why the date differs from the weekly schedule, when it does. */
  note?: string;
}

/** What other capabilities ask of the rota (the service behind `app.receptions`). */
export interface ReceptionCalendar {
  /** Every reception of the station that starts in [from, to), cancelled ones included, oldest first. */
  receptions(stationId: string, from: string, to: string): Promise<Reception[]>;
  /** The first reception not cancelled that ends after `now`, at any of these stations; undefined when none is published. */
  nextReception(stationIds: readonly string[], now: string): Promise<Reception | undefined>;
}
