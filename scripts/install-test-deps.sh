#!/usr/bin/env bash
# Installs, when missing, the system packages the browser and server tests
# drive: Debian's Chromium, CJK fonts (so pages render as readers see them)
# and nginx. Does nothing when all are present. Run by `npm test` (pretest)
# and by .ci/run.
set -euo pipefail
missing=()
if [ -z "${CHROME_PATH:-}" ]; then
  command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || missing+=(chromium)
fi
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || missing+=(fonts-noto-cjk)
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing+=(nginx)
[ ${#missing[@]} -eq 0 ] && exit 0
if ! command -v apt-get >/dev/null 2>&1; then
  echo "测试需要系统软件包：${missing[*]}。这台电脑没有 apt-get，请用系统的包管理器安装它们（Chromium 也可用环境变量 CHROME_PATH 指定）。" >&2
  exit 1
fi
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "正在安装测试需要的系统软件包：${missing[*]}" >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
