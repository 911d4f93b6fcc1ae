import { connect, type Socket } from 'node:net';

/** A response as read off the wire: status, lower-cased headers, body text. */
export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export function parseResponse(text: string): RawResponse | undefined {
  const end = text.indexOf('\r\n\r\n');
  if (!text.startsWith('HTTP/1.1 ') || end < 0) return undefined;
  const [statusLine, ...lines] = text.slice(0, end).split('\r\n');
  const headers = Object.fromEntries(lines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]));
  return { status: Number(statusLine!.split(' ')[1]), headers, body: text.slice(end + 4) };
}

/** What a connection received until the server closed it, and when that was. */
export interface Closed {
  text: string;
  /** Milliseconds from connecting to the close. */
  afterMs: number;
  response: RawResponse | undefined;
}

/**
 * A client on a raw socket. `closed` resolves when the server ends or
 * cuts the connection; `send` writes unless the socket is gone.
 */
export class RawClient {
  readonly socket: Socket;
  readonly closed: Promise<Closed>;
  #text = '';

  constructor(port: number) {
    const started = Date.now();
    this.socket = connect(port, '127.0.0.1');
    this.socket.on('data', (chunk: Buffer) => (this.#text += chunk.toString('latin1')));
    this.closed = new Promise((resolve) => {
      this.socket.on('error', () => {});
      this.socket.on('close', () => resolve({ text: this.#text, afterMs: Date.now() - started, response: parseResponse(this.#text) }));
    });
  }

  get received(): string {
    return this.#text;
  }

  send(bytes: string | Uint8Array): void {
    if (!this.socket.destroyed && this.socket.writable) this.socket.write(bytes);
  }

  /** Writes one piece every `everyMs` until the pieces run out or the socket closes. */
  trickle(pieces: Array<string | Uint8Array>, everyMs: number): void {
    let next = 0;
    const timer = setInterval(() => {
      if (next >= pieces.length || this.socket.destroyed) return clearInterval(timer);
      this.send(pieces[next++]!);
    }, everyMs);
    void this.closed.then(() => clearInterval(timer));
  }

  destroy(): void {
    this.socket.destroy();
  }
}

/** Sends the bytes on a new connection and resolves with what came back once the server closed it. */
export async function exchange(port: number, bytes: string | Uint8Array, giveUpMs = 5_000): Promise<Closed> {
  const client = new RawClient(port);
  client.send(bytes);
  const timer = setTimeout(() => client.destroy(), giveUpMs);
  const closed = await client.closed;
  clearTimeout(timer);
  return closed;
}

/** An endless trickle of header lines, one every `everyMs`: a slowloris. */
export function headerTrickle(count = 10_000): string[] {
  return Array.from({ length: count }, (_, i) => `X-Slow-${i}: ${i}\r\n`);
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
