// Recursive-descent CQL 1.2 parser with an inline lexer (one pass over char codes, no token array).
// Limits: `maxLength` characters and `maxDepth` for both parenthesis nesting and tree height, so
// hostile input ends in an SruError, never a stack overflow.
import { SruError, type SruErrorCode } from '../errors.js';
import type {
  Comparitor,
  CqlBooleanOperator,
  CqlModifier,
  CqlNode,
  CqlPrefixAssignment,
  CqlQuery,
  CqlRelation,
  CqlSortKey,
} from './ast.js';
import { SERVER_CHOICE } from './ast.js';

export interface CqlParseOptions {
  /** Deepest parenthesis nesting and tree height accepted (default 1000). */
  readonly maxDepth?: number;
  /** Longest query accepted, in UTF-16 code units (default 1,000,000). */
  readonly maxLength?: number;
}

// Token kinds (plain numbers: the lexer runs once per character of every query).
const Tok = { Eof: 0, LParen: 1, RParen: 2, Slash: 3, Rel: 4, Str: 5 } as const;
type Tok = (typeof Tok)[keyof typeof Tok];

const NO_PREFIXES: readonly CqlPrefixAssignment[] = Object.freeze([]);
const NO_MODIFIERS: readonly CqlModifier[] = Object.freeze([]);

/** True for the characters that end an unquoted term (whitespace, ( ) = < > " /). */
function isSpecial(c: number): boolean {
  return (
    c === 32 ||
    c === 9 ||
    c === 10 ||
    c === 13 ||
    c === 12 ||
    c === 11 ||
    c === 40 ||
    c === 41 ||
    c === 61 ||
    c === 60 ||
    c === 62 ||
    c === 34 ||
    c === 47
  );
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11;
}

/** Lower-cased keyword of an unquoted word, or '' when it is not one. */
function keywordOf(word: string): string {
  const n = word.length;
  if (n < 2 || n > 6) return '';
  const lower = word.toLowerCase();
  return lower === 'and' || lower === 'or' || lower === 'not' || lower === 'prox' || lower === 'sortby'
    ? lower
    : '';
}

class Parser {
  private pos = 0;
  private tok: Tok = Tok.Eof;
  private tokStart = 0;
  private value = '';
  private quoted = false;
  private parens = 0;
  /** Height of the subtree last returned by a parse method. */
  private height = 0;
  /** Index and relation a bare term gets: cql.serverChoice =, or inherited from `index rel (…)`. */
  private ctxIndex = SERVER_CHOICE;
  private ctxRelation: CqlRelation = { name: '=', modifiers: NO_MODIFIERS };

  constructor(
    private readonly src: string,
    private readonly maxDepth: number,
  ) {
    this.next();
  }

  private fail(code: SruErrorCode, diagnostic: number, message: string, offset = this.tokStart): never {
    throw new SruError(code, `${message} at offset ${offset}`, { diagnostic, offset });
  }

  private next(): void {
    const s = this.src;
    const n = s.length;
    let i = this.pos;
    while (i < n && isSpace(s.charCodeAt(i))) i++;
    this.tokStart = i;
    if (i >= n) {
      this.tok = Tok.Eof;
      this.pos = i;
      return;
    }
    const c = s.charCodeAt(i);
    switch (c) {
      case 40:
        this.tok = Tok.LParen;
        this.pos = i + 1;
        return;
      case 41:
        this.tok = Tok.RParen;
        this.pos = i + 1;
        return;
      case 47:
        this.tok = Tok.Slash;
        this.pos = i + 1;
        return;
      case 61: // = or ==
        this.tok = Tok.Rel;
        if (s.charCodeAt(i + 1) === 61) {
          this.value = '==';
          this.pos = i + 2;
        } else {
          this.value = '=';
          this.pos = i + 1;
        }
        return;
      case 60: {
        // < <= <>
        const d = s.charCodeAt(i + 1);
        this.tok = Tok.Rel;
        if (d === 61 || d === 62) {
          this.value = d === 61 ? '<=' : '<>';
          this.pos = i + 2;
        } else {
          this.value = '<';
          this.pos = i + 1;
        }
        return;
      }
      case 62: // > >=
        this.tok = Tok.Rel;
        if (s.charCodeAt(i + 1) === 61) {
          this.value = '>=';
          this.pos = i + 2;
        } else {
          this.value = '>';
          this.pos = i + 1;
        }
        return;
      case 34: {
        let j = i + 1;
        for (;;) {
          if (j >= n) this.fail('CQL_QUOTES', 14, 'Unterminated quoted string', i);
          const d = s.charCodeAt(j);
          if (d === 34) break;
          if (d === 92) {
            if (j + 1 >= n) this.fail('CQL_QUOTES', 14, 'Unterminated quoted string', i);
            j += 2;
          } else j++;
        }
        this.tok = Tok.Str;
        this.quoted = true;
        this.value = s.slice(i + 1, j);
        this.pos = j + 1;
        return;
      }
      default: {
        let j = i;
        while (j < n) {
          const d = s.charCodeAt(j);
          if (d === 92) {
            if (j + 1 >= n) this.fail('CQL_SYNTAX', 10, 'Backslash at end of query', j);
            j += 2;
          } else if (isSpecial(d)) break;
          else j++;
        }
        this.tok = Tok.Str;
        this.quoted = false;
        this.value = s.slice(i, j);
        this.pos = j;
      }
    }
  }

  /** Token tests as methods: `next()` changes the fields, which TypeScript's narrowing cannot see. */
  private is(kind: Tok): boolean {
    return this.tok === kind;
  }

  private isRel(symbol: string): boolean {
    return this.tok === Tok.Rel && this.value === symbol;
  }

  private describe(): string {
    switch (this.tok as Tok) {
      case Tok.Eof:
        return 'end of query';
      case Tok.LParen:
        return "'('";
      case Tok.RParen:
        return "')'";
      case Tok.Slash:
        return "'/'";
      default:
        return `'${this.quoted ? `"${this.value}"` : this.value}'`;
    }
  }

  private expectStr(what: string): string {
    if (!this.is(Tok.Str)) this.fail('CQL_SYNTAX', 10, `Expected ${what} but found ${this.describe()}`);
    const v = this.value;
    this.next();
    return v;
  }

  private keyword(): string {
    return this.is(Tok.Str) && !this.quoted ? keywordOf(this.value) : '';
  }

  parseTop(): CqlQuery {
    if (this.is(Tok.Eof)) this.fail('CQL_SYNTAX', 10, 'Empty query');
    const root = this.parseQuery();
    let sortKeys: readonly CqlSortKey[] = [];
    if (this.keyword() === 'sortby') {
      this.next();
      const keys: CqlSortKey[] = [];
      do {
        const index = this.expectStr('a sort index');
        keys.push({ index, modifiers: this.parseModifiers() });
      } while (this.is(Tok.Str));
      sortKeys = keys;
    }
    if (this.is(Tok.RParen)) this.fail('CQL_PARENTHESES', 13, "Unbalanced ')'");
    if (!this.is(Tok.Eof)) this.fail('CQL_SYNTAX', 10, `Unexpected ${this.describe()}`);
    return { root, sortKeys };
  }

  /** cqlQuery ::= prefixAssignment cqlQuery | scopedClause */
  private parseQuery(): CqlNode {
    let prefixes: CqlPrefixAssignment[] | undefined;
    while (this.isRel('>')) {
      this.next();
      const first = this.expectStr('a prefix or context set URI');
      let assignment: CqlPrefixAssignment;
      if (this.isRel('=')) {
        this.next();
        assignment = { prefix: first, uri: this.expectStr('a context set URI') };
      } else assignment = { uri: first };
      if (prefixes === undefined) prefixes = [assignment];
      else prefixes.push(assignment);
    }
    const node = this.parseScoped();
    if (prefixes === undefined) return node;
    return { ...node, prefixes: node.prefixes.length === 0 ? prefixes : [...prefixes, ...node.prefixes] };
  }

  /** scopedClause ::= scopedClause booleanGroup searchClause | searchClause (left-associative) */
  private parseScoped(): CqlNode {
    let left = this.parseSearchClause();
    let leftHeight = this.height;
    for (;;) {
      const kw = this.keyword();
      if (kw === '' || kw === 'sortby') break;
      this.next();
      const modifiers = this.parseModifiers();
      const right = this.parseSearchClause();
      const height = Math.max(leftHeight, this.height) + 1;
      if (height > this.maxDepth)
        this.fail('CQL_TOO_COMPLEX', 38, `Query deeper than ${this.maxDepth} levels`);
      left = {
        type: 'boolean',
        prefixes: NO_PREFIXES,
        operator: kw as CqlBooleanOperator,
        modifiers,
        left,
        right,
      };
      leftHeight = height;
    }
    this.height = leftHeight;
    return left;
  }

  /** searchClause ::= "(" cqlQuery ")" | index relation searchTerm | searchTerm */
  private parseSearchClause(): CqlNode {
    if (this.is(Tok.LParen)) {
      const open = this.tokStart;
      if (++this.parens > this.maxDepth) {
        this.fail('CQL_PARENTHESES', 13, `Parentheses nested deeper than ${this.maxDepth}`);
      }
      this.next();
      const node = this.parseQuery();
      if (!this.is(Tok.RParen)) {
        if (this.is(Tok.Eof)) this.fail('CQL_PARENTHESES', 13, `Missing ')' (the '(' is at offset ${open})`);
        this.fail('CQL_SYNTAX', 10, `Expected ')' but found ${this.describe()}`);
      }
      this.parens--;
      this.next();
      return node;
    }
    if (!this.is(Tok.Str)) this.fail('CQL_SYNTAX', 10, `Expected a search term but found ${this.describe()}`);
    const first = this.value;
    this.next();
    let relationName: string;
    if (this.is(Tok.Rel)) {
      relationName = this.value;
    } else if (this.is(Tok.Str) && this.keyword() === '') {
      relationName = this.value;
    } else {
      this.height = 1;
      return {
        type: 'searchClause',
        prefixes: NO_PREFIXES,
        index: this.ctxIndex,
        relation: this.ctxRelation,
        term: first,
      };
    }
    this.next();
    const modifiers = this.parseModifiers();
    if (this.is(Tok.LParen)) {
      // `dc.title = (frog or toad)`: bare terms inside inherit index and relation, as YAZ and
      // CQL::Parser (CQL 1.1) read it.
      const saved = [this.ctxIndex, this.ctxRelation] as const;
      this.ctxIndex = first;
      this.ctxRelation = { name: relationName, modifiers };
      const node = this.parseSearchClause();
      [this.ctxIndex, this.ctxRelation] = saved;
      return node;
    }
    const term = this.expectStr('a search term');
    this.height = 1;
    return {
      type: 'searchClause',
      prefixes: NO_PREFIXES,
      index: first,
      relation: { name: relationName, modifiers },
      term,
    };
  }

  /** modifierList ::= { "/" name [ comparitorSymbol value ] } */
  private parseModifiers(): readonly CqlModifier[] {
    if (!this.is(Tok.Slash)) return NO_MODIFIERS;
    const list: CqlModifier[] = [];
    while (this.is(Tok.Slash)) {
      this.next();
      const name = this.expectStr('a modifier name');
      if (this.is(Tok.Rel)) {
        const comparison = this.value as Comparitor;
        this.next();
        list.push({ name, comparison, value: this.expectStr('a modifier value') });
      } else list.push({ name });
    }
    return list;
  }
}

/**
 * Parses CQL 1.2 (and 1.1/2.0, which share the syntax) into a typed tree.
 * Throws SruError with `diagnostic` (10, 12, 13, 14 or 38) and `offset` on bad input.
 */
export function parseCql(query: string, options: CqlParseOptions = {}): CqlQuery {
  if (typeof query !== 'string') throw new SruError('INVALID_ARGUMENT', 'CQL query must be a string');
  const maxLength = options.maxLength ?? 1_000_000;
  if (query.length > maxLength) {
    throw new SruError('CQL_TOO_LONG', `Query longer than ${maxLength} characters`, {
      diagnostic: 12,
      offset: maxLength,
    });
  }
  return new Parser(query, options.maxDepth ?? 1000).parseTop();
}
