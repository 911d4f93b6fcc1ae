import { randomUUID } from 'node:crypto';
import grpc from '@grpc/grpc-js';
import services from '@eventstore/db-client/generated/streams_grpc_pb.js';
import { EventLog } from './log.js';
import { read } from './read-handler.js';
import { append, tombstone } from './write-handlers.js';

/**
 * A wire-level stand-in for a single EventStoreDB node, for tests: a real
 * gRPC server speaking the Streams protocol from the client package's own
 * generated stubs, over an in-memory log. It serves Append, Read (streams and
 * `$all`, both directions, filtered catch-up subscriptions) and Tombstone.
 * It does not implement the server-features call, so the client falls back
 * from BatchAppend to Append, as it does against servers that predate it;
 * soft Delete, persistent subscriptions, projections and users are absent.
 */
export interface EsdbTestServer {
  /** Connection string for EVENTSTORE_URL. */
  readonly url: string;
  readonly log: EventLog;
  /** Subscriptions the server has accepted, resubscriptions included. */
  readonly stats: { subscriptions: number };
  /** The server goes away abruptly: listening stops and every call is cut. */
  stop(): Promise<void>;
  /** The server comes back on the same port with the same log. */
  start(): Promise<void>;
  close(): Promise<void>;
}

export interface EsdbTestServerOptions {
  /** The server's MaxAppendSize, in its own "size on disk" bytes; 1 MiB by default. */
  maxAppendSize?: number;
  /** Ids kept for `any`/`stream_exists` idempotency. */
  committedCacheSize?: number;
  /** Live messages a subscription may have waiting before it is dropped as too slow. */
  liveBuffer?: number;
}

interface Settings {
  maxAppendSize: number;
  liveBuffer: number;
}

type Stats = EsdbTestServer['stats'];

async function listen(log: EventLog, stats: Stats, port: number, settings: Settings): Promise<{ server: grpc.Server; port: number }> {
  const server = new grpc.Server();
  server.addService(services.StreamsService, {
    read: (call: Parameters<typeof read>[1]) => {
      if (call.request.getOptions()?.hasSubscription()) stats.subscriptions += 1;
      read(log, call, settings.liveBuffer);
    },
    append: (call: Parameters<typeof append>[2], callback: Parameters<typeof append>[3]) =>
      append(log, settings.maxAppendSize, call, callback),
    tombstone: (call: Parameters<typeof tombstone>[1], callback: Parameters<typeof tombstone>[2]) =>
      tombstone(log, call, callback),
  });
  const bound = await new Promise<number>((resolve, reject) =>
    server.bindAsync(`127.0.0.1:${port}`, grpc.ServerCredentials.createInsecure(), (error, actual) =>
      error ? reject(error) : resolve(actual),
    ),
  );
  return { server, port: bound };
}

export async function startEsdbTestServer(options: EsdbTestServerOptions = {}): Promise<EsdbTestServer> {
  const settings: Settings = { maxAppendSize: options.maxAppendSize ?? 1024 * 1024, liveBuffer: options.liveBuffer ?? 256 };
  const log = new EventLog(options.committedCacheSize);
  // A fresh node writes its settings before any client event: $all is never
  // only what clients wrote.
  const acl = Buffer.from(JSON.stringify({ $userStreamAcl: { $r: '$all' } }));
  log.write('$settings', 'any', [{ id: randomUUID(), type: '$settings', isJson: true, data: acl, metadata: new Uint8Array() }]);

  let current: grpc.Server | undefined;
  const stats: Stats = { subscriptions: 0 };
  const first = await listen(log, stats, 0, settings);
  current = first.server;
  const port = first.port;
  return {
    url: `esdb://127.0.0.1:${port}?tls=false`,
    log,
    stats,
    async stop() {
      current?.forceShutdown();
      current = undefined;
    },
    async start() {
      if (current) return;
      current = (await listen(log, stats, port, settings)).server;
    },
    async close() {
      current?.forceShutdown();
      current = undefined;
    },
  };
}
