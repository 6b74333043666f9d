// `@bibwire/barcode/server`: a Fetch-standard handler for Koha's /svc/barcode parameters.
import { encodeBarcode, normalizeBarcodeType } from './encode.js';
import { BarcodeError } from './errors.js';
import { renderPng } from './render/png.js';
import { renderSvg } from './render/svg.js';

export interface BarcodeHandlerOptions {
  /** Output when the request has no `format` parameter (default 'png', as Koha). */
  readonly defaultFormat?: 'png' | 'svg';
  /** What an unknown `type` does: 'error' → HTTP 400 (default); 'code39' → Koha's silent fallback. */
  readonly unknownType?: 'error' | 'code39';
  /** Pixels per module of 1D symbols (default 2). */
  readonly scale?: number;
  /** Longest accepted `barcode` value in characters (default 2048). */
  readonly maxDataLength?: number;
  /** Cache-Control header for successful responses (default 'public, max-age=86400'). */
  readonly cacheControl?: string;
}

const TRUE_FLAG = (v: string | null) => v !== null && v !== '' && v !== '0' && v.toLowerCase() !== 'false';

function intParam(params: URLSearchParams, name: string, min: number, max: number): number | undefined {
  const raw = params.get(name);
  if (raw === null || raw === '') return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new BarcodeError('INVALID_ARGUMENT', `${name} must be an integer ${min}-${max}`);
  }
  return n;
}

function plain(status: number, body: string, extra: Record<string, string> = {}): Response {
  return new Response(body, { status, headers: { 'content-type': 'text/plain; charset=utf-8', ...extra } });
}

/**
 * Create a handler for GET `/svc/barcode?barcode=…&type=…&notext=1`. Parameters: `barcode` (or
 * `data`), `type` (Koha spellings: Code39, UPCE, UPCA, QRcode, NW7, Matrix2of5, ITF, Industrial2of5,
 * IATA2of5, EAN8, EAN13, COOP2of5 — and every other type `encodeBarcode` knows), `notext`, `height`
 * (pixels, text included), `modulesize` (QR pixels per module), `scale`, `format` (png|svg),
 * `quietzone=0` (Koha-style image without quiet zones). Without `format`, an `Accept` header that names
 * image/svg+xml but not image/png gets SVG.
 * @example Bun.serve({ fetch: createBarcodeHandler() })
 */
export function createBarcodeHandler(
  options: BarcodeHandlerOptions = {},
): (request: Request) => Promise<Response> {
  const maxData = options.maxDataLength ?? 2048;
  const cache = options.cacheControl ?? 'public, max-age=86400';
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return plain(405, 'method not allowed\n', { allow: 'GET, HEAD' });
    }
    const params = new URL(request.url).searchParams;
    const data = params.get('barcode') ?? params.get('data');
    if (data === null || data === '')
      return plain(400, 'INVALID_LENGTH: the barcode parameter is required\n');
    if (data.length > maxData)
      return plain(400, `INVALID_LENGTH: barcode longer than ${maxData} characters\n`);
    let type = params.get('type') ?? 'Code39';
    if (normalizeBarcodeType(type) === undefined) {
      if (options.unknownType !== 'code39') {
        return plain(400, `UNSUPPORTED_TYPE: unknown barcode type ${JSON.stringify(type.slice(0, 40))}\n`);
      }
      type = 'Code39';
    }
    const accept = request.headers.get('accept') ?? '';
    const prefersSvg = accept.includes('image/svg+xml') && !accept.includes('image/png');
    const format = (
      params.get('format') ?? (prefersSvg ? 'svg' : (options.defaultFormat ?? 'png'))
    ).toLowerCase();
    if (format !== 'png' && format !== 'svg')
      return plain(400, 'INVALID_ARGUMENT: format must be png or svg\n');
    try {
      const symbol = encodeBarcode(type, data, { koha: true });
      const text = !TRUE_FLAG(params.get('notext'));
      const quietZone = params.get('quietzone') !== '0';
      const isMatrix = symbol.kind === 'matrix';
      const scale =
        (isMatrix ? intParam(params, 'modulesize', 1, 50) : undefined) ??
        intParam(params, 'scale', 1, 50) ??
        (isMatrix ? 5 : (options.scale ?? 2));
      const heightPx = isMatrix ? undefined : intParam(params, 'height', 10, 2000);
      const fontSize = 10;
      // Koha's height counts the text; ours is the bar height in modules.
      const height =
        heightPx === undefined
          ? undefined
          : Math.max(5, Math.floor(heightPx / scale) - (text ? fontSize + 2 : 0));
      const render = { text, quietZone, ...(height === undefined ? {} : { height }) };
      const headers = { 'cache-control': cache };
      if (format === 'svg') {
        const svg = renderSvg(symbol, { ...render, scale });
        return new Response(request.method === 'HEAD' ? null : svg, {
          headers: { ...headers, 'content-type': 'image/svg+xml' },
        });
      }
      const png = await renderPng(symbol, { ...render, scale });
      return new Response(request.method === 'HEAD' ? null : (png as Uint8Array<ArrayBuffer>), {
        headers: { ...headers, 'content-type': 'image/png', 'content-length': String(png.length) },
      });
    } catch (e) {
      if (BarcodeError.is(e)) return plain(400, `${e.code}: ${e.message}\n`);
      throw e;
    }
  };
}
