/**
 * Fast convolution gradients for the tfjs wasm backend.
 *
 * tfjs-backend-wasm 4.22 has no `Conv2DBackpropFilter` kernel (conv nets cannot train at all) and its
 * `Conv2DBackpropInput` is a scalar loop (~2 GFLOP/s). Both are rebuilt here on the backend's own
 * XNNPACK primitives, which run at ~20 GFLOP/s on one thread:
 *
 * - filter gradient: a transposed im2col written straight into the wasm heap by JS, then ONE 2-D
 *   `BatchMatMul` `P[KH·KW·CI, N·OH·OW] @ dy[N·OH·OW, CO]` (no transpose flags: XNNPACK is slow with
 *   them), the batch chunked so the patch matrix stays under `PATCH_LIMIT` floats. Stride-1 `same`
 *   convs fill P with one heap copy per (tap, channel, image); other shapes with >= 8 input channels
 *   run as one XNNPACK conv of transposed tensors instead (batch as channels), which beats a
 *   row-by-row patch fill there (measured on the reference net: 141 vs 150 ms CPU for conv2 when
 *   the fast fill applies; the row-by-row fill costs ~60 ms more).
 * - input gradient: a stride-1 `Conv2D` of dy (zero-dilated when the forward stride is > 1) with the
 *   spatially flipped, in/out-swapped filter. Exotic explicit paddings larger than the kernel fall
 *   back to the stock kernel.
 *
 * Layout: NHWC activations, HWIO filters (tfjs defaults); dilation 1 (tfjs conv gradients require it).
 * The kernels only call other wasm kernels' `kernelFunc`s and free their intermediates with
 * `backend.disposeData`, so nothing leaks into the engine's tensor bookkeeping.
 */
import * as tf from '@tensorflow/tfjs-core';

type Backend = {
  makeOutput(shape: number[], dtype: 'float32'): tf.TensorInfo;
  disposeData(dataId: object): boolean;
  typedArrayFromHeap(info: tf.TensorInfo): Float32Array;
};
type KernelArgs = { inputs: Record<string, tf.TensorInfo>; backend: Backend; attrs: Record<string, unknown> };
type KernelFn = (args: KernelArgs) => tf.TensorInfo;

/** Above this many floats (128 MiB) the filter gradient's patch matrix is built in batch chunks. */
const PATCH_LIMIT = 32 * 1024 * 1024;
/** Marks our kernel functions so registration is idempotent. */
const MARK = Symbol.for('convergent.wasmConvKernel');

let stockBackpropInput: KernelFn | undefined;

function wasmKernel(name: string): KernelFn {
  const config = tf.getKernel(name, 'wasm');
  if (config === undefined) {
    throw new Error(`wasm kernel ${name} is not registered; import @tensorflow/tfjs-backend-wasm first`);
  }
  return config.kernelFunc as unknown as KernelFn;
}

/** Same data, new shape; never disposed separately (it shares the dataId without a reference). */
function view(info: tf.TensorInfo, shape: number[]): tf.TensorInfo {
  return { dataId: info.dataId, shape, dtype: info.dtype };
}

function convInfoOf(
  xShape: number[],
  filterShape: number[],
  attrs: Record<string, unknown>,
  kernel: string,
): tf.backend_util.Conv2DInfo {
  const format = tf.backend_util.convertConv2DDataFormat((attrs.dataFormat as 'NHWC' | 'NCHW') ?? 'NHWC');
  if (format !== 'channelsLast') {
    throw new Error(`${kernel} on wasm supports only NHWC (channelsLast) data; got ${String(attrs.dataFormat)}`);
  }
  return tf.backend_util.computeConv2DInfo(
    xShape as [number, number, number, number],
    filterShape as [number, number, number, number],
    attrs.strides as [number, number] | number,
    1,
    attrs.pad as 'same' | 'valid' | number,
    attrs.dimRoundingMode as 'floor' | 'round' | 'ceil' | undefined,
    false,
    'channelsLast',
  );
}

/**
 * `fillPatchesT` for stride 1 with OW == W (stride-1 `same`): a patch row's (oh, ow) run for one image
 * is then ONE contiguous stretch of the input plane shifted by (kh - pt, kw - pl), so it is a single
 * `copyWithin` on the heap, after which the few entries whose column wrapped into a neighbouring row
 * are zeroed. ~10x faster than copying row by row.
 */
function fillPatchesTSameStride1(
  p: Float32Array,
  xT: Float32Array,
  c: tf.backend_util.Conv2DInfo,
  n0: number,
  n1: number,
): void {
  const { inHeight: H, inWidth: W, inChannels: CI, outHeight: OH } = c;
  const { filterHeight: KH, filterWidth: KW } = c;
  const pt = c.padInfo.top;
  const pl = c.padInfo.left;
  const N = c.batchSize;
  const plane = OH * W;
  const cols = (n1 - n0) * plane;
  // One view over the whole heap so copies are memmoves inside it.
  const heap = new Float32Array(p.buffer);
  const pBase = p.byteOffset >> 2;
  const xBase = xT.byteOffset >> 2;
  for (let kh = 0; kh < KH; kh++) {
    const dr = kh - pt;
    // Output rows whose input row oh + dr lies inside [0, H).
    const ohLo = Math.max(0, -dr);
    const ohHi = Math.min(OH, H - dr);
    for (let kw = 0; kw < KW; kw++) {
      const dc = kw - pl;
      for (let ci = 0; ci < CI; ci++) {
        let o = pBase + ((kh * KW + kw) * CI + ci) * cols;
        for (let n = n0; n < n1; n++, o += plane) {
          const src = xBase + (ci * N + n) * H * W;
          if (ohHi <= ohLo) {
            heap.fill(0, o, o + plane);
            continue;
          }
          const first = o + ohLo * W;
          const last = o + ohHi * W;
          if (ohLo > 0) heap.fill(0, o, first);
          if (ohHi < OH) heap.fill(0, last, o + plane);
          // Entry (oh, ow) reads input (oh + dr, ow + dc): contiguous in both for a full run, but a
          // shift past the plane's start/end is clipped and filled with zeros.
          let from = src + (ohLo + dr) * W + dc;
          let to = first;
          let end = last;
          if (from < src) {
            heap.fill(0, to, to + (src - from));
            to += src - from;
            from = src;
          }
          const over = from + (end - to) - (src + H * W);
          if (over > 0) {
            heap.fill(0, end - over, end);
            end -= over;
          }
          heap.copyWithin(to, from, from + (end - to));
          // Columns that wrapped across a row boundary must be zero.
          if (dc > 0) {
            for (let r = first + W - dc; r < last; r += W) for (let k = 0; k < dc; k++) heap[r + k] = 0;
          } else if (dc < 0) {
            for (let r = first; r < last; r += W) for (let k = 0; k < -dc; k++) heap[r + k] = 0;
          }
        }
      }
    }
  }
}

/**
 * Fill rows `(kh, kw, ci)` × columns `(n, oh, ow)` (n in [n0, n1)) of the transposed patch matrix
 * from `xT` laid out [CI, N, H, W].
 */
function fillPatchesT(
  p: Float32Array,
  xT: Float32Array,
  c: tf.backend_util.Conv2DInfo,
  n0: number,
  n1: number,
): void {
  const { inHeight: H, inWidth: W, inChannels: CI, outHeight: OH, outWidth: OW } = c;
  const { filterHeight: KH, filterWidth: KW, strideHeight: sh, strideWidth: sw } = c;
  const pt = c.padInfo.top;
  const pl = c.padInfo.left;
  const N = c.batchSize;
  const cols = (n1 - n0) * OH * OW;
  for (let kh = 0; kh < KH; kh++) {
    for (let kw = 0; kw < KW; kw++) {
      // Output columns whose input column iw = ow*sw + kw - pl lies inside [0, W).
      const owLo = Math.min(OW, Math.max(0, Math.ceil((pl - kw) / sw)));
      const owHi = Math.max(owLo, Math.min(OW, Math.floor((W - 1 + pl - kw) / sw) + 1));
      for (let ci = 0; ci < CI; ci++) {
        let o = ((kh * KW + kw) * CI + ci) * cols;
        for (let n = n0; n < n1; n++) {
          const plane = (ci * N + n) * H * W;
          for (let oh = 0; oh < OH; oh++) {
            const ih = oh * sh + kh - pt;
            if (ih < 0 || ih >= H) {
              for (let ow = 0; ow < OW; ow++) p[o + ow] = 0;
              o += OW;
              continue;
            }
            // Plain loops: runs are short (one output row), where subarray/set/fill calls cost more
            // than the copy itself.
            const row = plane + ih * W - pl + kw;
            for (let ow = 0; ow < owLo; ow++) p[o + ow] = 0;
            for (let ow = owLo, src = row + owLo * sw; ow < owHi; ow++, src += sw) p[o + ow] = xT[src]!;
            for (let ow = owHi; ow < OW; ow++) p[o + ow] = 0;
            o += OW;
          }
        }
      }
    }
  }
}

/**
 * Filter gradient as ONE XNNPACK convolution of transposed tensors, no patch matrix: with the batch as
 * the channel axis, `dW[kh,kw,ci,co] = Σ x[n, oh·s+kh-p, ow·s+kw-p, ci] dy[n,oh,ow,co]` is a conv of
 * xᵀ [CI, H, W, N] with the filter dyᵀ [OH, OW, N, CO] at dilation s, giving [CI, KH, KW, CO].
 * Returns undefined when the padding does not fit (then the patch-matrix path runs).
 */
function filterGradByConv(x: tf.TensorInfo, dy: tf.TensorInfo, c: tf.backend_util.Conv2DInfo, backend: Backend): tf.TensorInfo | undefined {
  const { inHeight: H, inWidth: W, outHeight: OH, outWidth: OW, filterHeight: KH, filterWidth: KW } = c;
  const { strideHeight: sh, strideWidth: sw } = c;
  const top = c.padInfo.top;
  const left = c.padInfo.left;
  const bottom = KH + (OH - 1) * sh - H - top;
  const right = KW + (OW - 1) * sw - W - left;
  if (Math.min(top, left, bottom, right) < 0) return undefined;
  const transpose = wasmKernel('Transpose');
  const xT = transpose({ inputs: { x }, backend, attrs: { perm: [3, 1, 2, 0] } });
  const dyT = transpose({ inputs: { x: dy }, backend, attrs: { perm: [1, 2, 0, 3] } });
  const g = wasmKernel('Conv2D')({
    inputs: { x: xT, filter: dyT },
    backend,
    attrs: { strides: [1, 1], pad: [[0, 0], [top, bottom], [left, right], [0, 0]], dataFormat: 'NHWC', dilations: [sh, sw], dimRoundingMode: undefined },
  });
  backend.disposeData(xT.dataId);
  backend.disposeData(dyT.dataId);
  const out = transpose({ inputs: { x: g }, backend, attrs: { perm: [1, 2, 0, 3] } });
  backend.disposeData(g.dataId);
  return out;
}

/**
 * Below this many input channels the patch-matrix path wins even with the row-by-row fill: the
 * transposed conv then has only KH·KW·CI output pixels, too few for XNNPACK's tiles (measured: conv1
 * of the reference net, CI = 1, 3 GFLOP/s).
 */
const CONV_PATH_MIN_CHANNELS = 8;

function conv2DBackpropFilter(args: KernelArgs): tf.TensorInfo {
  const { backend, attrs } = args;
  const x = args.inputs.x!;
  const dy = args.inputs.dy!;
  const filterShape = attrs.filterShape as number[];
  const c = convInfoOf(x.shape, filterShape, attrs, 'Conv2DBackpropFilter');
  const sameStride1 = c.strideHeight === 1 && c.strideWidth === 1 && c.outWidth === c.inWidth;
  if (c.inChannels >= CONV_PATH_MIN_CHANNELS && !sameStride1) {
    const viaConv = filterGradByConv(x, dy, c, backend);
    if (viaConv) return viaConv;
  }
  const { batchSize: N, inChannels: CI, outChannels: CO, outHeight: OH, outWidth: OW } = c;
  const rows = c.filterHeight * c.filterWidth * CI;
  const transpose = wasmKernel('Transpose');
  const matMul = wasmKernel('BatchMatMul');
  const add = wasmKernel('Add');
  const slice = wasmKernel('Slice');

  // [CI, N, H, W]: every patch row is then a run of contiguous input pixels.
  const xT = CI === 1 ? view(x, [1, N, c.inHeight, c.inWidth]) : transpose({ inputs: { x }, backend, attrs: { perm: [3, 0, 1, 2] } });
  const chunk = Math.max(1, Math.min(N, Math.floor(PATCH_LIMIT / (rows * OH * OW))));
  let acc: tf.TensorInfo | undefined;
  for (let n0 = 0; n0 < N; n0 += chunk) {
    const n1 = Math.min(N, n0 + chunk);
    const cols = (n1 - n0) * OH * OW;
    const patches = backend.makeOutput([1, rows, cols], 'float32');
    // Heap views are taken after the allocation (allocation may grow and detach the heap).
    (sameStride1 ? fillPatchesTSameStride1 : fillPatchesT)(
      backend.typedArrayFromHeap(patches),
      backend.typedArrayFromHeap(view(xT, [xT.shape.reduce((a, b) => a * b, 1)])),
      c,
      n0,
      n1,
    );
    const dyRows =
      n0 === 0 && n1 === N
        ? view(dy, [1, cols, CO])
        : slice({ inputs: { x: view(dy, [N * OH * OW, CO]) }, backend, attrs: { begin: [n0 * OH * OW, 0], size: [cols, CO] } });
    const part = matMul({
      inputs: { a: patches, b: dyRows.shape.length === 3 ? dyRows : view(dyRows, [1, cols, CO]) },
      backend,
      attrs: { transposeA: false, transposeB: false },
    });
    backend.disposeData(patches.dataId);
    if (dyRows.dataId !== dy.dataId) backend.disposeData(dyRows.dataId);
    if (acc === undefined) acc = part;
    else {
      const sum = add({ inputs: { a: acc, b: part }, backend, attrs: {} });
      backend.disposeData(acc.dataId);
      backend.disposeData(part.dataId);
      acc = sum;
    }
  }
  if (xT.dataId !== x.dataId) backend.disposeData(xT.dataId);
  return view(acc!, filterShape);
}

function conv2DBackpropInput(args: KernelArgs): tf.TensorInfo {
  const { backend, attrs } = args;
  const dy = args.inputs.dy!;
  const filter = args.inputs.filter!;
  const inputShape = attrs.inputShape as number[];
  const c = convInfoOf(inputShape, filter.shape, attrs, 'Conv2DBackpropInput');
  const { batchSize: N, inHeight: H, inWidth: W, inChannels: CI, outChannels: CO, outHeight: OH, outWidth: OW } = c;
  const { filterHeight: KH, filterWidth: KW, strideHeight: sh, strideWidth: sw } = c;
  const hd = (OH - 1) * sh + 1;
  const wd = (OW - 1) * sw + 1;
  // Full correlation with the flipped filter: pads chosen so the output is exactly H x W.
  const top = KH - 1 - c.padInfo.top;
  const left = KW - 1 - c.padInfo.left;
  const bottom = H + KH - 1 - hd - top;
  const right = W + KW - 1 - wd - left;
  if (Math.min(top, left, bottom, right) < 0) {
    if (stockBackpropInput === undefined) throw new Error('Conv2DBackpropInput: padding larger than the kernel is unsupported on wasm');
    return stockBackpropInput(args);
  }

  // Filter [KH, KW, CI, CO] -> flipped [KH, KW, CO, CI].
  const flipped = backend.makeOutput([KH, KW, CO, CI], 'float32');
  {
    const src = backend.typedArrayFromHeap(filter);
    const dst = backend.typedArrayFromHeap(flipped);
    for (let kh = 0; kh < KH; kh++) {
      for (let kw = 0; kw < KW; kw++) {
        const s0 = ((KH - 1 - kh) * KW + (KW - 1 - kw)) * CI * CO;
        const d0 = (kh * KW + kw) * CO * CI;
        for (let ci = 0; ci < CI; ci++) {
          for (let co = 0; co < CO; co++) dst[d0 + co * CI + ci] = src[s0 + ci * CO + co]!;
        }
      }
    }
  }

  // Strided forward conv: put dy on a zero grid with the stride's spacing.
  let dyd = dy;
  if (sh !== 1 || sw !== 1) {
    dyd = backend.makeOutput([N, hd, wd, CO], 'float32');
    const src = backend.typedArrayFromHeap(dy);
    const dst = backend.typedArrayFromHeap(dyd);
    dst.fill(0);
    for (let n = 0; n < N; n++) {
      for (let oh = 0; oh < OH; oh++) {
        for (let ow = 0; ow < OW; ow++) {
          const s = ((n * OH + oh) * OW + ow) * CO;
          dst.set(src.subarray(s, s + CO), ((n * hd + oh * sh) * wd + ow * sw) * CO);
        }
      }
    }
  }
  const out = wasmKernel('Conv2D')({
    inputs: { x: dyd, filter: flipped },
    backend,
    attrs: {
      strides: [1, 1],
      pad: [[0, 0], [top, bottom], [left, right], [0, 0]],
      dataFormat: 'NHWC',
      dilations: [1, 1],
      dimRoundingMode: undefined,
    },
  });
  backend.disposeData(flipped.dataId);
  if (dyd !== dy) backend.disposeData(dyd.dataId);
  return out;
}

function mark<T extends object>(fn: T): T {
  (fn as Record<symbol, boolean>)[MARK] = true;
  return fn;
}

function isOurs(kernelName: string): boolean {
  const config = tf.getKernel(kernelName, 'wasm');
  return config !== undefined && (config.kernelFunc as unknown as Record<symbol, boolean>)[MARK] === true;
}

/** Whether both fast kernels are the ones registered for wasm now. */
export function wasmConvKernelsInstalled(): boolean {
  return isOurs('Conv2DBackpropFilter') && isOurs('Conv2DBackpropInput');
}

/**
 * Register the fast `Conv2DBackpropFilter` / `Conv2DBackpropInput` wasm kernels (idempotent). The stock
 * input-gradient kernel is unregistered first and kept as the fallback for paddings the fast path
 * does not cover. Call after `@tensorflow/tfjs-backend-wasm` has been imported; `selectBackend` does.
 */
export function registerWasmConvKernels(): void {
  for (const [kernelName, fn] of [
    ['Conv2DBackpropFilter', conv2DBackpropFilter],
    ['Conv2DBackpropInput', conv2DBackpropInput],
  ] as const) {
    if (isOurs(kernelName)) continue;
    const existing = tf.getKernel(kernelName, 'wasm');
    if (existing !== undefined) {
      if (kernelName === 'Conv2DBackpropInput') stockBackpropInput = existing.kernelFunc as unknown as KernelFn;
      tf.unregisterKernel(kernelName, 'wasm');
    }
    tf.registerKernel({ kernelName, backendName: 'wasm', kernelFunc: mark(fn) as unknown as tf.KernelFunc });
  }
}

/**
 * Put the stock kernels back (for benchmarks comparing against tfjs as shipped). The stock wasm
 * backend has no `Conv2DBackpropFilter`; `composedFilter` supplies one if given, else it is removed.
 */
export function restoreStockWasmConvKernels(composedFilter?: tf.KernelFunc): void {
  if (isOurs('Conv2DBackpropInput') && stockBackpropInput !== undefined) {
    tf.unregisterKernel('Conv2DBackpropInput', 'wasm');
    tf.registerKernel({ kernelName: 'Conv2DBackpropInput', backendName: 'wasm', kernelFunc: stockBackpropInput as unknown as tf.KernelFunc });
  }
  if (tf.getKernel('Conv2DBackpropFilter', 'wasm') !== undefined) tf.unregisterKernel('Conv2DBackpropFilter', 'wasm');
  if (composedFilter) tf.registerKernel({ kernelName: 'Conv2DBackpropFilter', backendName: 'wasm', kernelFunc: composedFilter });
}
