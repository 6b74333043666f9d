// ISO/IEC 16022 Annex F: where each codeword bit goes in the mapping matrix (the symbol without its finder
// and clock borders), walked diagonally with the "utah" shape and four special corner shapes.
// Cached per mapping-matrix size as codeword*8 + bit (bit 7 = most significant), -1 for the fixed corner.

const cache = new Map<number, Int32Array>();

export function mappingOrder(rows: number, cols: number): Int32Array {
  const key = rows * 1000 + cols;
  const hit = cache.get(key);
  if (hit) return hit;
  const map = new Int32Array(rows * cols).fill(-2);
  const put = (r: number, c: number, cw: number, bit: number) => {
    if (r < 0) {
      r += rows;
      c += 4 - ((rows + 4) % 8);
    }
    if (c < 0) {
      c += cols;
      r += 4 - ((cols + 4) % 8);
    }
    map[r * cols + c] = cw * 8 + bit;
  };
  const utah = (r: number, c: number, cw: number) => {
    put(r - 2, c - 2, cw, 7);
    put(r - 2, c - 1, cw, 6);
    put(r - 1, c - 2, cw, 5);
    put(r - 1, c - 1, cw, 4);
    put(r - 1, c, cw, 3);
    put(r, c - 2, cw, 2);
    put(r, c - 1, cw, 1);
    put(r, c, cw, 0);
  };
  // Corner shapes: eight (row, column) pairs for bits 7..0.
  const corner = (cw: number, cells: readonly number[]) => {
    for (let i = 0; i < 8; i++) put(cells[2 * i]!, cells[2 * i + 1]!, cw, 7 - i);
  };
  const R = rows;
  const C = cols;
  const corner1 = [R - 1, 0, R - 1, 1, R - 1, 2, 0, C - 2, 0, C - 1, 1, C - 1, 2, C - 1, 3, C - 1];
  const corner2 = [R - 3, 0, R - 2, 0, R - 1, 0, 0, C - 4, 0, C - 3, 0, C - 2, 0, C - 1, 1, C - 1];
  const corner3 = [R - 3, 0, R - 2, 0, R - 1, 0, 0, C - 2, 0, C - 1, 1, C - 1, 2, C - 1, 3, C - 1];
  const corner4 = [R - 1, 0, R - 1, C - 1, 0, C - 3, 0, C - 2, 0, C - 1, 1, C - 3, 1, C - 2, 1, C - 1];
  let cw = 0;
  let r = 4;
  let c = 0;
  do {
    if (r === R && c === 0) corner(cw++, corner1);
    if (r === R - 2 && c === 0 && C % 4 !== 0) corner(cw++, corner2);
    if (r === R - 2 && c === 0 && C % 8 === 4) corner(cw++, corner3);
    if (r === R + 4 && c === 2 && C % 8 === 0) corner(cw++, corner4);
    // Sweep up and to the right.
    do {
      if (r < R && c >= 0 && map[r * C + c] === -2) utah(r, c, cw++);
      r -= 2;
      c += 2;
    } while (r >= 0 && c < C);
    r += 1;
    c += 3;
    // Sweep down and to the left.
    do {
      if (r >= 0 && c < C && map[r * C + c] === -2) utah(r, c, cw++);
      r += 2;
      c -= 2;
    } while (r < R && c >= 0);
    r += 3;
    c += 1;
  } while (r < R || c < C);
  // Sizes whose area is 4 modules more than 8 × codewords leave the bottom-right 2×2 fixed (-1).
  for (let i = 0; i < map.length; i++) if (map[i] === -2) map[i] = -1;
  cache.set(key, map);
  return map;
}
