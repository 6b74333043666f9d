// XML text/attribute escaping for everything this package writes. Characters that XML 1.0 forbids
// (C0 controls other than tab/LF/CR, lone surrogates, U+FFFE/U+FFFF) are dropped, so a record with a
// stray control byte still gives a well-formed response instead of one harvesters cannot parse.

const NEEDS_WORK = /[&<>"\r\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufffe\uffff]/;
const TEXT =
  /[&<>\r\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const ATTR =
  /[&<>"\t\n\r\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const ENTITY: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

function replace(ch: string): string {
  return ENTITY[ch] ?? '';
}

/** Escapes element text. */
export function escapeText(text: string): string {
  return NEEDS_WORK.test(text) ? text.replace(TEXT, replace) : text;
}

const ATTR_NEEDS_WORK = /[&<>"\t\n\r\u0000-\u001f\ud800-\udfff\ufffe\uffff]/;

/** Escapes an attribute value (to be written between double quotes). */
export function escapeAttr(text: string): string {
  return ATTR_NEEDS_WORK.test(text) ? text.replace(ATTR, replace) : text;
}
