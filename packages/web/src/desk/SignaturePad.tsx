import { forwardRef, useCallback, useEffect, useImperativeHandle, useRef, useState } from 'react';
import { Button, Typography } from 'antd';
import { ClearOutlined } from '@ant-design/icons';
import { useI18n } from '../shared/i18n';

type Point = { x: number; y: number };
type Stroke = Point[];

export interface SignaturePadHandle {
  /** The signature as a PNG data URL no larger than `maxBytes`, or null when nothing is drawn. */
  toPng(maxBytes: number): string | null;
  clear(): void;
}

const INK = '#1f1f1f';
const LINE_WIDTH = 2.5;

/** Bytes a base64 data URL decodes to. */
const bytesOf = (dataUrl: string) => Math.floor(((dataUrl.length - dataUrl.indexOf(',') - 1) * 3) / 4);

function draw(canvas: HTMLCanvasElement, strokes: readonly Stroke[], scale: number) {
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.setTransform(scale, 0, 0, scale, 0, 0);
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  ctx.strokeStyle = INK;
  ctx.fillStyle = INK;
  ctx.lineWidth = LINE_WIDTH;
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  for (const stroke of strokes) {
    const [first, ...rest] = stroke;
    if (!first) continue;
    if (rest.length === 0) {
      // A tap leaves a dot, as a pen would.
      ctx.beginPath();
      ctx.arc(first.x, first.y, LINE_WIDTH / 2, 0, Math.PI * 2);
      ctx.fill();
      continue;
    }
    ctx.beginPath();
    ctx.moveTo(first.x, first.y);
    for (const p of rest) ctx.lineTo(p.x, p.y);
    ctx.stroke();
  }
}

/**
 * A signature drawn with a mouse, a finger or a pen (pointer events; the page
 * does not scroll while signing). Strokes are kept as points in CSS pixels, so
 * a resized pad redraws them, and the PNG is rendered at the sharpest scale
 * that stays under the server's size limit.
 */
export const SignaturePad = forwardRef<SignaturePadHandle, { height?: number; onChange?: (signed: boolean) => void }>(function SignaturePad({ height = 180, onChange }, ref) {
  const { t } = useI18n();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const strokes = useRef<Stroke[]>([]);
  const drawing = useRef<number | null>(null);
  const [width, setWidth] = useState(0);
  const [signed, setSigned] = useState(false);
  const scale = typeof window === 'undefined' ? 1 : Math.min(window.devicePixelRatio || 1, 3);

  const redraw = useCallback(() => {
    if (canvasRef.current) draw(canvasRef.current, strokes.current, scale);
  }, [scale]);

  // The pad fills its container; a new width re-renders the same strokes.
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas?.parentElement) return;
    const observer = new ResizeObserver(([entry]) => setWidth(Math.floor(entry?.contentRect.width ?? 0)));
    observer.observe(canvas.parentElement);
    return () => observer.disconnect();
  }, []);
  useEffect(redraw, [width, height, redraw]);

  const mark = (next: boolean) => {
    if (next !== signed) {
      setSigned(next);
      onChange?.(next);
    }
  };

  const clear = () => {
    strokes.current = [];
    redraw();
    mark(false);
  };

  useImperativeHandle(ref, () => ({
    clear,
    toPng(maxBytes) {
      if (strokes.current.length === 0 || width === 0) return null;
      for (const factor of [2, 1.5, 1, 0.75]) {
        const out = document.createElement('canvas');
        out.width = Math.round(width * factor);
        out.height = Math.round(height * factor);
        draw(out, strokes.current, factor);
        const png = out.toDataURL('image/png');
        if (bytesOf(png) <= maxBytes) return png;
      }
      return null;
    },
  }));

  const pointAt = (e: React.PointerEvent<HTMLCanvasElement>): Point => {
    const box = e.currentTarget.getBoundingClientRect();
    return { x: e.clientX - box.left, y: e.clientY - box.top };
  };

  const onPointerDown = (e: React.PointerEvent<HTMLCanvasElement>) => {
    if (e.button !== 0 && e.pointerType === 'mouse') return;
    e.preventDefault();
    e.currentTarget.setPointerCapture(e.pointerId);
    drawing.current = e.pointerId;
    strokes.current.push([pointAt(e)]);
    redraw();
    mark(true);
  };
  const onPointerMove = (e: React.PointerEvent<HTMLCanvasElement>) => {
    if (drawing.current !== e.pointerId) return;
    const stroke = strokes.current[strokes.current.length - 1];
    if (!stroke) return;
    // Coalesced events keep fast strokes smooth on touch screens and pens.
    const events = e.nativeEvent.getCoalescedEvents?.() ?? [];
    const box = e.currentTarget.getBoundingClientRect();
    if (events.length > 0) for (const c of events) stroke.push({ x: c.clientX - box.left, y: c.clientY - box.top });
    else stroke.push(pointAt(e));
    redraw();
  };
  const onPointerEnd = (e: React.PointerEvent<HTMLCanvasElement>) => {
    if (drawing.current === e.pointerId) drawing.current = null;
  };

  return (
    <div>
      <div style={{ position: 'relative', border: '1px dashed #bfbfbf', borderRadius: 8, background: '#fff', overflow: 'hidden' }}>
        <canvas
          ref={canvasRef}
          width={Math.max(1, Math.round(width * scale))}
          height={Math.round(height * scale)}
          style={{ width: '100%', height, display: 'block', touchAction: 'none', cursor: 'crosshair' }}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerEnd}
          onPointerCancel={onPointerEnd}
          role="img"
          aria-label={t('confirmation.padLabel')}
          data-testid="signature-pad"
        />
        {!signed && (
          <Typography.Text type="secondary" style={{ position: 'absolute', inset: 0, display: 'grid', placeItems: 'center', pointerEvents: 'none', fontSize: 16, letterSpacing: 2 }}>
            {t('confirmation.padHint')}
          </Typography.Text>
        )}
        <div style={{ position: 'absolute', left: 24, right: 24, bottom: 36, borderBottom: '1px solid #e5e7eb', pointerEvents: 'none' }} />
      </div>
      <Button size="small" icon={<ClearOutlined />} onClick={clear} disabled={!signed} style={{ marginTop: 6 }} data-testid="signature-clear">{t('confirmation.clear')}</Button>
    </div>
  );
});
