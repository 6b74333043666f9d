/**
 * Sets the defined values of `extra` on `base` and returns it: optional properties under
 * exactOptionalPropertyTypes without one spread object per property (hot paths).
 */
export function assignDefined<T extends object>(
  base: T,
  extra: { readonly [K in keyof T]?: T[K] | undefined },
): T {
  const target = base as Record<string, unknown>;
  const source = extra as Record<string, unknown>;
  for (const key in source) {
    const value = source[key];
    if (value !== undefined) target[key] = value;
  }
  return base;
}
