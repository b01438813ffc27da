/**
 * A misbehaving server for the browser tests' fault cases, mounted on the test server (the browser test
 * project only): the seed recording served slowly, failing, or cut off mid-stream, so the player meets real
 * network faults in real Chromium instead of a stubbed `fetch`.
 *
 * `/__faults/<options>/seed.json` is the seed manifest, and `/__faults/<options>/seed.mp3|opus` its audio
 * (the manifest's relative sources resolve there, so both share the options). Options, comma-separated:
 * - `delay=<ms>`: wait that long before answering (a very slow server);
 * - `fail=<n>` with `key=<name>`: the first n requests for the manifest under that key get HTTP 503;
 * - `cut=<bytes>`: the audio connection is dropped after that many bytes of the file, and every request for
 *   bytes after it is dropped too (a network that fails mid-stream);
 * - `trickle=<bytes per second>`: after its first 16 KB, the audio arrives at that pace (a slow network);
 * - `only=mp3` or `only=opus`: the manifest offers that source alone;
 * - `redirect=manifest` or `redirect=audio`: that file answers `302` to the same file on the other of the
 *   server's two origins (`localhost` ↔ `127.0.0.1`, the same port), which serves it with
 *   `Access-Control-Allow-Origin: *`: a same-origin URL that ends up on another origin;
 * - `type=<content type>`: the manifest is served as that type (`image/svg+xml`…);
 * - `hold=<name>`: answer nothing until the test requests `/__faults/release/<name>` (after which every request
 *   under that name is answered as usual), or never (a server that does not answer). A test holds the answer
 *   instead of delaying it, so what happens before it and after it does not depend on how fast the machine is.
 */
import { readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import type { Plugin } from 'vite';

const PREFIX = '/__faults/';
const TYPES: Record<string, string> = { mp3: 'audio/mpeg', opus: 'audio/ogg' };

interface FaultOptions {
  readonly delay: number;
  readonly fail: number;
  readonly key: string;
  readonly cut: number;
  readonly trickle: number;
  readonly only: string;
  readonly redirect: string;
  readonly type: string;
  readonly hold: string;
}

function parseOptions(text: string): FaultOptions {
  const options = new Map(text.split(',').map((pair) => pair.split('=') as [string, string]));
  const number = (name: string, fallback: number) => {
    const value = Number(options.get(name));
    return Number.isFinite(value) && value >= 0 ? value : fallback;
  };
  return {
    delay: number('delay', 0),
    fail: number('fail', 0),
    key: options.get('key') ?? '',
    cut: number('cut', Infinity),
    trickle: number('trickle', Infinity),
    only: options.get('only') ?? '',
    redirect: options.get('redirect') ?? '',
    type: options.get('type') ?? 'application/json',
    hold: options.get('hold') ?? '',
  };
}

export function faultServer(root: string): Plugin {
  /** Manifest requests per key, for `fail`. */
  const counts = new Map<string, number>();
  /** Answers held, by `hold` name, until released; a released name holds nothing more. */
  const held = new Map<string, (() => void)[]>();
  const released = new Set<string>();

  function release(name: string): void {
    released.add(name);
    for (const answer of held.get(name) ?? []) answer();
    held.delete(name);
  }

  function manifest(options: FaultOptions, response: ServerResponse): void {
    const count = (counts.get(options.key) ?? 0) + 1;
    counts.set(options.key, count);
    if (count <= options.fail) {
      response.writeHead(503, { 'Content-Type': 'text/plain', 'Cache-Control': 'no-store' }).end('Service unavailable');
      return;
    }
    const json = JSON.parse(readFileSync(join(root, 'audio', 'seed.json'), 'utf8')) as { sources: { src: string }[] };
    if (options.only) json.sources = json.sources.filter((source) => source.src.endsWith(`.${options.only}`));
    response.writeHead(200, { 'Content-Type': options.type, 'Cache-Control': 'no-store', 'Access-Control-Allow-Origin': '*' });
    response.end(JSON.stringify(json));
  }

  function audio(options: FaultOptions, extension: string, request: IncomingMessage, response: ServerResponse): void {
    const file = join(root, 'audio', `seed.${extension}`);
    const size = statSync(file).size;
    const range = /^bytes=(\d+)-(\d*)$/.exec(request.headers.range ?? '');
    const start = range ? Number(range[1]) : 0;
    const end = range && range[2] ? Math.min(Number(range[2]), size - 1) : size - 1;
    const headers = {
      'Content-Type': TYPES[extension]!,
      'Accept-Ranges': 'bytes',
      'Content-Length': String(end - start + 1),
      'Cache-Control': 'no-store',
      'Access-Control-Allow-Origin': '*',
      ...(range ? { 'Content-Range': `bytes ${start}-${end}/${size}` } : {}),
    };
    if (request.method === 'HEAD') {
      response.writeHead(200, headers).end();
      return;
    }
    if (start >= options.cut) {
      // The connection drops before a byte of what was asked for arrives.
      request.socket.destroy();
      return;
    }
    response.writeHead(range ? 206 : 200, headers);
    const last = Math.min(end, options.cut - 1);
    const bytes = readFileSync(file).subarray(start, last + 1);
    const finish = () => {
      if (last < end) response.socket?.destroy();
      else response.end();
    };
    if (!Number.isFinite(options.trickle)) {
      response.write(bytes, finish);
      return;
    }
    const step = Math.max(1, Math.round(options.trickle / 10));
    let sent = Math.min(bytes.length, 16_384);
    response.write(bytes.subarray(0, sent));
    const timer = setInterval(() => {
      if (response.destroyed || sent >= bytes.length) {
        clearInterval(timer);
        if (!response.destroyed) finish();
        return;
      }
      response.write(bytes.subarray(sent, sent + step));
      sent += step;
    }, 100);
    response.on('close', () => clearInterval(timer));
  }

  return {
    name: 'listen:fault-server',
    configureServer(server) {
      server.middlewares.use((request, response, next) => {
        const path = new URL(request.url ?? '/', 'http://localhost').pathname;
        const freed = /^\/__faults\/release\/([^/]+)$/.exec(path);
        if (freed) {
          release(decodeURIComponent(freed[1]!));
          response.writeHead(204, { 'Cache-Control': 'no-store' }).end();
          return;
        }
        const match = path.startsWith(PREFIX) ? /^\/__faults\/([^/]*)\/seed\.(json|mp3|opus)$/.exec(path) : null;
        if (!match) {
          next();
          return;
        }
        const options = parseOptions(decodeURIComponent(match[1]!));
        if (options.redirect === (match[2] === 'json' ? 'manifest' : 'audio')) {
          // The same file on the server's other origin, without the redirect.
          const host = request.headers.host ?? '';
          const other = host.startsWith('localhost') ? host.replace('localhost', '127.0.0.1') : host.replace(/^[^:]+/, 'localhost');
          const rest = decodeURIComponent(match[1]!).split(',').filter((option) => !option.startsWith('redirect=')).join(',') || 'none';
          response.writeHead(302, { Location: `http://${other}${PREFIX}${encodeURIComponent(rest)}/seed.${match[2]}`, 'Cache-Control': 'no-store' });
          response.end();
          return;
        }
        let gone = false;
        const answer = () => {
          if (gone) return;
          if (match[2] === 'json') manifest(options, response);
          else audio(options, match[2]!, request, response);
        };
        const timer = setTimeout(() => {
          if (!options.hold || released.has(options.hold)) answer();
          else held.set(options.hold, [...(held.get(options.hold) ?? []), answer]);
        }, options.delay);
        // A page gone (the test over) takes its slow or held answer with it; nothing keeps the test run alive.
        response.on('close', () => {
          gone = true;
          clearTimeout(timer);
        });
        timer.unref();
      });
    },
  };
}
