import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { gpuDeviceNodes, hardwareVulkanDrivers, isSoftwareAdapter, selectBackend, webgpuSkipReason } from './select-backend.ts';

describe('selectBackend', () => {
  it('falls back past the missing native bindings to a working backend', async () => {
    const info = await selectBackend();
    expect(['tensorflow', 'webgpu', 'wasm', 'cpu']).toContain(info.name);
    expect(['onnxruntime', 'tfjs']).toContain(info.products);
    expect(info.detail).toMatch(/; products: /);
    expect(tf.getBackend()).toBe(info.name);
    const sum = await tf.add(tf.tensor1d([1, 2]), tf.tensor1d([3, 4])).data();
    expect(Array.from(sum)).toEqual([4, 6]);
  });

  it('rejects an unknown forced backend with a message naming the fix', async () => {
    await expect(selectBackend({ force: 'gpu' as never })).rejects.toThrow(/CONVERGENT_BACKEND=gpu is not a backend/);
  });

  it('honours a forced cpu backend', async () => {
    const info = await selectBackend({ force: 'cpu' });
    expect(info.name).toBe('cpu');
    expect(tf.getBackend()).toBe('cpu');
  });

  it('tells software adapters from GPUs', () => {
    const lavapipe = { vendor: 'mesa', architecture: 'software', device: 'llvmpipe-llvm-15-0-6-256-bits-', description: 'llvmpipe: Mesa 25.0.7' };
    const nvidia = { vendor: 'nvidia', architecture: 'hopper', device: '', description: 'NVIDIA H200' };
    expect(isSoftwareAdapter(lavapipe)).toBe(true);
    expect(isSoftwareAdapter({ ...lavapipe, vendor: 'google', architecture: '', device: 'swiftshader device', description: '' })).toBe(true);
    expect(isSoftwareAdapter(nvidia)).toBe(false);
  });

  it('auto selection passes over webgpu without a GPU, and says why', async () => {
    if (gpuDeviceNodes().length > 0 && hardwareVulkanDrivers().length > 0) return; // a GPU machine: nothing to skip
    const saved = process.env.CONVERGENT_BACKEND;
    delete process.env.CONVERGENT_BACKEND;
    try {
      await selectBackend({ force: 'auto' });
      expect(webgpuSkipReason()).toMatch(/^no (GPU device node|hardware Vulkan driver)/);
    } finally {
      if (saved !== undefined) process.env.CONVERGENT_BACKEND = saved;
    }
  });
});
