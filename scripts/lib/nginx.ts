/**
 * Runs deploy/nginx.conf for real: the same site file, with `listen` and
 * `root` pointed at a local port and folder, inside a minimal main config
 * that keeps every file nginx writes in a temporary folder.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { connect, createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface NginxPreview {
  port: number;
  /** Absolute path of the built site. */
  root: string;
  /** Absolute path of a writable folder for nginx's pid, logs and temp files. */
  workDir: string;
  /** Worker user; needed when started as root, whose default worker user cannot read private folders. */
  user?: string | undefined;
  host?: string;
}

const MIME_TYPES = ['/etc/nginx/mime.types', '/usr/local/etc/nginx/mime.types', '/opt/homebrew/etc/nginx/mime.types'];

export function findNginx(): string | undefined {
  return ['/usr/sbin/nginx', '/usr/bin/nginx', '/usr/local/sbin/nginx', '/usr/local/bin/nginx', '/opt/homebrew/bin/nginx'].find((path) => existsSync(path));
}

/** deploy/nginx.conf with its `listen` and `root` replaced. */
export function localSiteConfig(siteConfig: string, { port, root, host = '127.0.0.1' }: NginxPreview): string {
  const replaced = siteConfig
    .replace(/^(\s*)listen\s+[^;]+;/m, `$1listen ${host}:${port};`)
    .replace(/^(\s*)root\s+[^;]+;/m, `$1root ${JSON.stringify(root)};`)
    .replace(/^(\s*)server_name\s+[^;]+;/m, `$1server_name ${host};`);
  if (!replaced.includes(`listen ${host}:${port};`) || !replaced.includes(`root ${JSON.stringify(root)};`)) {
    throw new Error('deploy/nginx.conf 中找不到 listen 或 root 指令');
  }
  return replaced;
}

export function mainConfig(siteConfigPath: string, options: NginxPreview): string {
  const mimeTypes = MIME_TYPES.find((path) => existsSync(path));
  const temp = (name: string) => JSON.stringify(join(options.workDir, name));
  return [
    options.user ? `user ${options.user};` : '',
    'worker_processes 1;',
    'daemon off;',
    `pid ${temp('nginx.pid')};`,
    `error_log ${temp('error.log')} warn;`,
    'events { worker_connections 256; }',
    'http {',
    mimeTypes ? `  include ${JSON.stringify(mimeTypes)};` : '  types { text/html html; text/css css; text/javascript js; image/svg+xml svg; application/xml xml; application/json json; application/wasm wasm; application/pdf pdf; }',
    '  default_type application/octet-stream;',
    '  access_log off;',
    '  sendfile on;',
    `  client_body_temp_path ${temp('client_body')};`,
    `  proxy_temp_path ${temp('proxy')};`,
    `  fastcgi_temp_path ${temp('fastcgi')};`,
    `  uwsgi_temp_path ${temp('uwsgi')};`,
    `  scgi_temp_path ${temp('scgi')};`,
    `  include ${JSON.stringify(siteConfigPath)};`,
    '}',
    '',
  ].join('\n');
}

export interface RunningPreview {
  origin: string;
  stop(): void;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

export function portTakenMessage(port: number, host: string): string {
  return `端口 ${port} 已被占用（${host}）：另一个程序正在使用它。请关闭那个程序，或换一个端口，例如 --port ${port === 8080 ? 8081 : 8080}`;
}

/** Why `port` on `host` cannot be listened on, in Chinese, or `undefined` when it is free. */
export async function portProblem(port: number, host: string): Promise<string | undefined> {
  const code = await new Promise<string | undefined>((resolve) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? String(error)));
    probe.listen(port, host, () => probe.close(() => resolve(undefined)));
  });
  if (code === undefined) return undefined;
  if (code === 'EADDRINUSE') return portTakenMessage(port, host);
  if (code === 'EACCES') return `没有权限使用端口 ${port}：1024 以下的端口需要管理员权限。请换一个端口，例如 --port 8080`;
  if (code === 'EADDRNOTAVAIL') return `本机没有地址 ${host}（--host），请写 127.0.0.1 或本机的一个地址`;
  return `无法使用端口 ${port}（${code}）`;
}

/** Resolves true once something accepts connections on `port`. */
export function accepting(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, host);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** `npm run preview:nginx` on a free loopback port, resolved once the home page answers. */
export async function startPreview(root: string, timeoutMs = 15_000): Promise<RunningPreview> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const script = fileURLToPath(new URL('../preview-nginx.ts', import.meta.url));
  const server = spawn(process.execPath, [script, '--port', String(port), '--root', root], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  server.stdout?.on('data', (chunk) => (output += chunk));
  server.stderr?.on('data', (chunk) => (output += chunk));
  const deadline = Date.now() + timeoutMs;
  while ((await fetch(`${origin}/`).catch(() => undefined))?.status !== 200) {
    if (server.exitCode !== null || Date.now() > deadline) {
      server.kill('SIGTERM');
      throw new Error(`nginx did not start:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { origin, stop: () => server.kill('SIGTERM') };
}
