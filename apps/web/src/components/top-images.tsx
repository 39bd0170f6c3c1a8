'use client';
/**
 * A unit's top probe images, each with the activation patch: the cell of the layer's spatial grid
 * where the unit's maximum was (TopImage.y/x over Layer.shape [H, W, C]). Dense units have no patch.
 */
import { useClientConfig } from '../lib/client-config.tsx';
import { patchBox } from '../lib/patch.ts';

export interface TopImageLike {
  rank: number;
  imageIndex: number;
  activation: number;
  y?: number | null;
  x?: number | null;
  url: string;
}

export function TopImages({ images, shape, max = 9, size = 56 }: { images: readonly TopImageLike[]; shape: readonly number[]; max?: number; size?: number }) {
  const { file } = useClientConfig();
  if (images.length === 0) return <span className="muted">no top images stored</span>;
  return (
    <div className="tiles">
      {images.slice(0, max).map((im) => {
        const box = patchBox(im.y, im.x, shape);
        return (
          <div key={im.rank} className="tile" style={{ width: size, height: size }} title={`image #${im.imageIndex} · activation ${im.activation.toFixed(3)}`}>
            {/* eslint-disable-next-line @next/next/no-img-element -- authenticated API route, not a static asset */}
            <img src={file(im.url)} alt={`probe image ${im.imageIndex}`} loading="lazy" />
            {box ? <span className="patch" style={{ left: `${box.left}%`, top: `${box.top}%`, width: `${box.width}%`, height: `${box.height}%` }} /> : null}
          </div>
        );
      })}
    </div>
  );
}
