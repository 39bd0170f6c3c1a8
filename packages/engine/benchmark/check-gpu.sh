#!/usr/bin/env bash
# GPU check (`npm run check:gpu`): make Vulkan reachable for Dawn on an NVIDIA machine, then run benchmark/check-gpu.ts.
#
# Dawn (the `webgpu` package) needs the Vulkan loader (libvulkan.so.1) and a driver manifest (ICD json). NVIDIA
# containers often ship the driver libraries without either: this script installs libvulkan1 when apt can reach a
# mirror, uses the NVIDIA ICD json when one exists (VK_DRIVER_FILES), or writes one pointing at the driver's
# libGLX_nvidia.so.0 (the file the NVIDIA driver package installs). It never fails on its own: what could not be
# set up is printed, and the check reports what it could not run.
set -uo pipefail
cd "$(dirname "$0")/.."

say() { echo "check:gpu: $*" >&2; }

if ! ldconfig -p 2>/dev/null | grep -q 'libvulkan.so.1'; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    say "no Vulkan loader (libvulkan.so.1): trying apt-get install libvulkan1"
    (apt-get install -y -qq libvulkan1 >/dev/null 2>&1 || { apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq libvulkan1 >/dev/null 2>&1; }) \
      || say "could not install libvulkan1 (no package mirror reachable?): webgpu will report no loader"
  else
    say "no Vulkan loader (libvulkan.so.1) and no root apt-get to install libvulkan1"
  fi
fi

if [ -z "${VK_DRIVER_FILES:-}${VK_ICD_FILENAMES:-}" ]; then
  for f in /usr/share/vulkan/icd.d/nvidia_icd.json /etc/vulkan/icd.d/nvidia_icd.json /usr/share/vulkan/icd.d/nvidia_icd.x86_64.json /etc/vulkan/icd.d/nvidia_icd.x86_64.json; do
    if [ -f "$f" ]; then export VK_DRIVER_FILES="$f"; break; fi
  done
  if [ -z "${VK_DRIVER_FILES:-}" ]; then
    glx="$(ldconfig -p 2>/dev/null | awk '/libGLX_nvidia\.so\.0 / {print $NF; exit}')"
    if [ -n "$glx" ]; then
      icd="${TMPDIR:-/tmp}/convergent-nvidia-icd.json"
      printf '{"file_format_version":"1.0.0","ICD":{"library_path":"%s","api_version":"1.3.0"}}\n' "$glx" > "$icd"
      export VK_DRIVER_FILES="$icd"
      say "no NVIDIA ICD json installed: wrote $icd for $glx"
    elif command -v nvidia-smi >/dev/null; then
      say "nvidia-smi exists but no libGLX_nvidia.so.0: the driver's Vulkan part is missing (install the driver's GL/Vulkan libraries)"
    fi
  fi
fi
[ -n "${VK_DRIVER_FILES:-}" ] && say "VK_DRIVER_FILES=$VK_DRIVER_FILES"

# Its training runs in worker threads, which load the engine's build (dist/).
node scripts/build.mjs --if-stale || exit 1
exec node --import tsx benchmark/check-gpu.ts "$@"
