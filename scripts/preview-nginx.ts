/**
 * npm run preview:nginx -- --port 8080 [--root dist]
 * Serves the built site through real nginx with deploy/nginx.conf — the
 * headers, caching and 404 handling production will have — until stopped.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { userInfo, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { accepting, findNginx, localSiteConfig, mainConfig, portProblem, portTakenMessage } from './lib/nginx.ts';
import { dim, fail, green } from './lib/output.ts';
import { projectRoot } from './lib/project.ts';

const { values } = parseArgs({ options: { port: { type: 'string', default: '8080' }, root: { type: 'string' }, host: { type: 'string', default: '127.0.0.1' } } });
const port = Number(values.port);
if (!Number.isInteger(port) || port < 1 || port > 65535) fail(`端口（--port）“${values.port}” 无效，请写 1–65535 之间的数字，例如 --port 8080`);
const root = resolve(values.root ?? join(projectRoot, 'dist'));
if (!existsSync(join(root, 'index.html'))) fail(`${root} 中没有构建好的网站，请先运行 npm run build`);
const nginx = findNginx();
if (!nginx) fail('找不到 nginx。请先安装：sudo apt-get install nginx（Debian/Ubuntu）');
const busy = await portProblem(port, values.host);
if (busy) fail(busy);

const workDir = mkdtempSync(join(tmpdir(), 'zwgk-nginx-'));
const options = { port, root, workDir, host: values.host, user: process.getuid?.() === 0 ? userInfo().username : undefined };
const sitePath = join(workDir, 'site.conf');
writeFileSync(sitePath, localSiteConfig(readFileSync(join(projectRoot, 'deploy', 'nginx.conf'), 'utf8'), options));
const mainPath = join(workDir, 'nginx.conf');
writeFileSync(mainPath, mainConfig(sitePath, options));

const test = spawnSync(nginx, ['-t', '-q', '-c', mainPath, '-p', workDir], { encoding: 'utf8' });
if (test.status !== 0) fail(`nginx 配置检查失败：\n${test.stderr}`);

const server = spawn(nginx, ['-c', mainPath, '-p', workDir], { stdio: ['ignore', 'inherit', 'pipe'] });
let errors = '';
server.stderr.on('data', (chunk: Buffer) => {
  errors += chunk;
  process.stderr.write(chunk);
});
let listening = false;
const stop = () => server.kill('SIGQUIT');
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
server.on('exit', (code) => {
  rmSync(workDir, { recursive: true, force: true });
  // Another program may have taken the port since it was checked.
  if (!listening && /Address already in use/.test(errors)) fail(portTakenMessage(port, values.host));
  if (!listening) fail(`nginx 没能启动（退出码 ${code ?? '无'}）`);
  process.exit(code ?? 0);
});
// Announce the address only once nginx answers on it.
while (!listening && server.exitCode === null) {
  listening = await accepting(port, values.host);
  if (!listening) await new Promise((resolve) => setTimeout(resolve, 100));
}
if (listening) {
  console.error(green(`nginx 正在 http://${values.host}:${port}/ 提供 ${root}`));
  console.error(dim('按 Ctrl+C 停止。'));
}
