// What the HTTP benchmarks (availability.mjs, booking-rate.mjs) share: starting the built API and a bare server in
// child processes (or the API in this process), posting JSON, and undoing everything they made, last first, on
// success, failure, time-out and Ctrl-C alike. Not a benchmark itself.
import { fork, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import http from 'node:http';
import { createServer } from 'node:net';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const API_DIST = new URL('../../dist/apps/api/', import.meta.url);
export const DEMO_PERSON_HEADER = 'x-nahbar-demo-person';
/** As the API's own server pool (apps/api/src/database/database.ts). */
export const POOL_MAX = 20;
export const SERVER_START_TIMEOUT_MS = 90_000;

/**
 * The API's environment in a benchmark: demo identity; the rate limits (issue 9) stay on, counting, but far above
 * what a benchmark asks (all its clients share one address).
 */
const BENCH_API_ENV = {
  HOST: '127.0.0.1',
  NAHBAR_DEMO: 'true',
  NAHBAR_RATE_LIMIT_PERSON: '100000000',
  NAHBAR_RATE_LIMIT_ADDRESS: '100000000',
};

let stopSignal;

/** The signal (SIGINT, SIGTERM) that stopped the run, if one did: loops stop, and main's catch stays quiet. */
export function stoppedBy() {
  return stopSignal;
}

/** A failure the bench explains itself: printed without a stack. */
export function fail(message) {
  const error = new Error(message);
  error.benchMessage = true;
  throw error;
}

export function positiveInt(name, raw) {
  const value = Number(raw);
  if (!/^\d+$/.test(String(raw)) || value < 1) fail(`--${name} must be a whole number ≥ 1, got "${raw}".`);
  return value;
}

export function isLoopback(hostname) {
  const host = hostname.replace(/^\[|\]$/g, '');
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

export function quoteIdent(name) {
  return `"${name.replace(/"/g, '""')}"`;
}

export function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A sleep that does not keep the process alive: for the losing side of a race. */
export function idleSleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

export function listen(server, port = 0) {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve(server.address().port);
    });
  });
}

export function closeServer(server) {
  return new Promise((resolve) => {
    server.closeAllConnections?.();
    server.close(() => resolve());
  });
}

/**
 * CPU time (user + system, ms) the process `pid` has used so far, from /proc (Linux; ticks of 10 ms, the USER_HZ of
 * every Linux on x86 and arm); undefined elsewhere or without a process of its own (--in-process).
 */
export function cpuMs(pid) {
  if (pid === undefined) return undefined;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

/** One POST with a JSON body over the keep-alive agent; resolves to the parsed JSON answer. */
export function postJson(agent, url, headers, payload, timeoutMs) {
  const body = JSON.stringify(payload);
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers },
        timeout: timeoutMs,
      },
      (res) => {
        const chunks = [];
        res.on('data', (chunk) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          if (res.statusCode !== 200) {
            reject(new Error(`HTTP ${res.statusCode} from ${url}: ${text.slice(0, 500)}`));
            return;
          }
          try {
            resolve(JSON.parse(text));
          } catch {
            reject(new Error(`not JSON from ${url}: ${text.slice(0, 200)}`));
          }
        });
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer from ${url} within ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end(body);
  });
}

/** Imports a module of the built API; `npmScript` names the script that builds and runs the bench. */
export async function importDist(file, npmScript) {
  const url = new URL(file, API_DIST);
  if (!existsSync(url)) {
    fail(
      `${fileURLToPath(url)} is missing: build the API first with \`npx nx build api\` (or run \`npm run ${npmScript}\`).`,
    );
  }
  return import(url.href);
}

export function requireBuiltApi() {
  for (const file of ['main.js', 'bootstrap.js', 'config/app-config.js']) {
    if (!existsSync(new URL(file, API_DIST)))
      fail(`dist/apps/api/${file} is missing: build the API first with \`npx nx build api\`.`);
  }
}

/**
 * Everything to undo, last first (push onto `cleanups`); `cleanup()` runs it once, however many paths (end, error,
 * signal, watchdog) ask, each waiting for the same run. SIGINT/SIGTERM and the watchdog (`timeoutSeconds` plus half
 * a minute) clean up, then exit. `dispose()` removes the handlers after a normal end.
 */
export function createCleanup(timeoutSeconds) {
  const cleanups = [];
  let cleaning;
  const cleanup = () =>
    (cleaning ??= (async () => {
      for (const undo of cleanups.reverse()) {
        try {
          await Promise.race([undo(), idleSleep(15_000)]);
        } catch (error) {
          console.error(`cleanup: ${error.message}`);
        }
      }
    })());
  const onSignal = (signal) => {
    stopSignal = signal;
    console.error(`\n${signal}: cleaning up`);
    cleanup().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const watchdog = setTimeout(
    () => {
      console.error(`\nbench: no result after ${timeoutSeconds} s; cleaning up`);
      cleanup().finally(() => process.exit(1));
    },
    timeoutSeconds * 1000 + 30_000,
  );
  watchdog.unref();
  const dispose = () => {
    clearTimeout(watchdog);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  };
  return { cleanups, cleanup, dispose };
}

/** Stops `child` on cleanup (SIGTERM, SIGKILL after 5 s); answers whether it has exited, and a promise of that. */
function stopOnCleanup(child, cleanups) {
  let exited = false;
  const exit = new Promise((resolve) =>
    child.once('exit', (code, signal) => {
      exited = true;
      resolve({ code, signal });
    }),
  );
  cleanups.push(async () => {
    if (exited) return;
    child.kill('SIGTERM');
    const killer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exit;
    clearTimeout(killer);
  });
  return { exit, exited: () => exited };
}

/**
 * Starts `node dist/apps/api/main.js` on a free port with the bench environment plus `env`; resolves once /graphql
 * answers, to its URL, its last output and its pid.
 */
export async function startApiChild(dbUrl, cleanups, deadline, env = {}) {
  const port = await freePort();
  const childEnv = { ...process.env };
  for (const name of ['NODE_ENV', 'NAHBAR_DATA_DIR', 'NAHBAR_WEB_DIR']) delete childEnv[name];
  Object.assign(childEnv, BENCH_API_ENV, { PORT: String(port), DATABASE_URL: dbUrl }, env);
  const demo = childEnv.NAHBAR_DEMO === 'true';
  const child = spawn(process.execPath, [fileURLToPath(new URL('main.js', API_DIST))], {
    cwd: ROOT,
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk) => {
    output = (output + chunk.toString('utf8')).slice(-8000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const { exited } = stopOnCleanup(child, cleanups);

  const url = `http://127.0.0.1:${port}/graphql`;
  const until = Math.min(deadline, Date.now() + SERVER_START_TIMEOUT_MS);
  for (;;) {
    if (stopSignal) fail(`stopped by ${stopSignal}`);
    if (exited()) fail(`the API process exited before it answered:\n${output}`);
    if (Date.now() > until) fail(`the API did not answer on ${url} in time:\n${output}`);
    try {
      // Ready once it answers; without the demo identity (OIDC) there are no demo people to ask for.
      const answer = await postJson(
        undefined,
        url,
        {},
        { query: demo ? '{ demoPeople { id } }' : '{ __typename }' },
        10_000,
      );
      if (demo ? answer.data?.demoPeople : answer.data?.__typename)
        return { url, output: () => output, pid: child.pid };
    } catch {
      // not up yet
    }
    await sleep(200);
  }
}

/** The API inside this process (`startApi` of dist/apps/api/bootstrap.js), for a profiler. */
export async function startApiInProcess(dbUrl, cleanups, env = {}, npmScript = 'bench:availability') {
  const { startApi } = await importDist('bootstrap.js', npmScript);
  const { loadConfig } = await importDist('config/app-config.js', npmScript);
  const config = loadConfig({ ...BENCH_API_ENV, PORT: '0', DATABASE_URL: dbUrl, ...env }, process.cwd());
  const api = await startApi(config, ['error']);
  cleanups.push(() => api.close());
  return { url: `http://127.0.0.1:${api.port}/graphql`, output: () => '', pid: undefined };
}

/**
 * Forks `benchFile --serve-bare` (the bench's bare server), sends it `message` and resolves to its URL and pid once
 * it listens (it answers {port} or {error}).
 */
export async function startBareChild(benchFile, message, cleanups, deadline) {
  const child = fork(benchFile, ['--serve-bare'], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const { exit } = stopOnCleanup(child, cleanups);
  const answered = new Promise((resolve) => child.once('message', resolve));
  child.send(message);
  const answer = await Promise.race([
    answered,
    exit.then(() => ({ error: 'the bare server process exited before it listened' })),
    idleSleep(Math.max(0, Math.min(deadline - Date.now(), SERVER_START_TIMEOUT_MS))).then(() => ({
      error: 'the bare server did not start in time',
    })),
  ]);
  if (answer.error) fail(answer.error);
  return { url: `http://127.0.0.1:${answer.port}/`, pid: child.pid };
}

/**
 * The bare server's side of `startBareChild`: waits for the parent's message, starts `serve(message)` (which resolves
 * to {server, close}), answers {port}; stops when the parent goes or sends SIGTERM.
 */
export function serveBareChild(serve) {
  let running;
  const stop = async () => {
    if (running?.server) await closeServer(running.server);
    if (running?.close) await running.close().catch(() => undefined);
    process.exit(0);
  };
  process.on('disconnect', stop);
  process.on('SIGTERM', stop);
  process.once('message', async (message) => {
    try {
      running = await serve(message);
      process.send({ port: await listen(running.server) });
    } catch (error) {
      process.send({ error: error?.benchMessage ? error.message : String(error?.stack ?? error) });
      await stop();
    }
  });
}

/**
 * The repository's test OpenID provider (libs/testing-oidc, TypeScript) in a child process of its own, for a bench
 * that runs the API as shipped (NODE_ENV=production, which needs OIDC): Node runs the library's source with
 * `--experimental-transform-types`. Resolves to the provider's issuer, the API's OIDC environment and
 * `signIn(sub, claims)`, which adds the account and signs it in for real (authorization code with PKCE), resolving to
 * an access token valid for `ttlSeconds`. The provider keeps running (the API reads its keys) until cleanup.
 */
export async function startOidcChild(ttlSeconds, cleanups, deadline) {
  const child = fork(fileURLToPath(import.meta.url), ['--serve-oidc'], {
    cwd: ROOT,
    execArgv: ['--experimental-transform-types', '--no-warnings'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const { exit } = stopOnCleanup(child, cleanups);
  const ask = async (message, what) => {
    const answered = new Promise((resolve) => child.once('message', resolve));
    child.send(message);
    const answer = await Promise.race([
      answered,
      exit.then(() => ({ error: 'the OpenID provider process exited before it answered' })),
      idleSleep(Math.max(0, Math.min(deadline - Date.now(), SERVER_START_TIMEOUT_MS))).then(() => ({
        error: `the OpenID provider did not ${what} in time`,
      })),
    ]);
    if (answer.error) fail(answer.error);
    return answer;
  };
  const { issuer, apiEnv } = await ask({ start: { ttlSeconds } }, 'start');
  return {
    issuer,
    apiEnv,
    signIn: async (sub, claims) => (await ask({ signIn: { sub, claims } }, 'sign in')).accessToken,
  };
}

/** The provider's side of `startOidcChild`. */
function serveOidcChild() {
  let oidc;
  let provider;
  const stop = async () => {
    await provider?.stop().catch(() => undefined);
    process.exit(0);
  };
  process.on('disconnect', stop);
  process.on('SIGTERM', stop);
  process.on('message', async ({ start, signIn }) => {
    try {
      if (start) {
        oidc = await import(new URL('../../libs/testing-oidc/src/oidc-provider.ts', import.meta.url).href);
        provider = await oidc.startOidcProvider({ accessTokenTtlSeconds: start.ttlSeconds });
        process.send({ issuer: provider.issuer, apiEnv: provider.apiEnv() });
      } else if (signIn) {
        provider.addAccount(signIn.sub, signIn.claims);
        process.send({ accessToken: (await oidc.signIn(provider, signIn.sub)).accessToken });
      }
    } catch (error) {
      process.send({ error: String(error?.stack ?? error) });
      await stop();
    }
  });
}

if (process.argv[1] && pathToFileURL(process.argv[1]).href === import.meta.url && process.argv.includes('--serve-oidc'))
  serveOidcChild();
