// What every encoder returns and every renderer (SVG, PNG, terminal) draws. Pure data, no I/O.

/** A one-dimensional symbol: a row of modules, 1 = bar, 0 = space, quiet zones not included. */
export interface LinearSymbol {
  readonly kind: 'linear';
  /** Symbology id, e.g. 'code128', 'ean13'. */
  readonly symbology: string;
  readonly modules: Uint8Array;
  /** The human-readable text as the symbology prints it (with computed check digits). */
  readonly text: string;
  /** Quiet zones in modules that renderers add by default. */
  readonly quietZone: { readonly left: number; readonly right: number };
  /**
   * Optional: module ranges of guard bars that extend below the text (EAN/UPC), as [start, end) pairs,
   * and text placement hints for renderers.
   */
  readonly guards?: readonly (readonly [number, number])[];
  readonly textLayout?: readonly TextSpan[];
  /** Optional bearer bars (ITF-14): thickness in modules around the symbol. */
  readonly bearer?: { readonly thickness: number; readonly box: boolean };
}

/**
 * One piece of human-readable text, centred over modules [start, end). Spans may lie in the quiet zone
 * (start < 0 or end > modules.length), e.g. the EAN-13 leading digit.
 */
export interface TextSpan {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** 'above' for add-on digits; 'below' (default) otherwise. */
  readonly placement?: 'below' | 'above';
  /** Printed smaller (UPC number-system and check digits). */
  readonly small?: boolean;
}

/** A two-dimensional symbol: row-major modules, 1 = dark, quiet zone not included. */
export interface MatrixSymbol {
  readonly kind: 'matrix';
  readonly symbology: string;
  readonly width: number;
  readonly height: number;
  readonly modules: Uint8Array;
  /** Quiet zone in modules on every side that renderers add by default. */
  readonly quietZone: number;
  /** Text encoded (for captions); matrix symbols print no text by default. */
  readonly text: string;
}

export type BarcodeSymbol = LinearSymbol | MatrixSymbol;
