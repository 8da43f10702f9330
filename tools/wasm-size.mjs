// Where the bytes of the wasm core go (issue 13): code size summed by origin —
// SQLite by source file of the amalgamation (so the SQL compiler, the VDBE, the
// B-tree show apart), embind, libc++ (iostream/locale, string, the rest),
// exceptions, libc, and the core by capability.
//
//   node tools/wasm-size.mjs build-wasm/wasm/pietura.wasm [--js pietura.js] [--top 20] [--files]
//
// Function names come from the wasm's "name" section, so the module must be linked
// with names kept (`--profiling-funcs`; a release build has none and every function
// then counts as "unnamed"). Sizes are of function bodies in the code section; the
// gzip column compresses each group's bodies on their own, which shows what a group
// weighs on the wire, although the groups' figures do not add up to the whole file's.
// No dependencies: the binary format is read here (WebAssembly core spec §5).
import { readFileSync, existsSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;

export function compressed(buf) {
  return {
    raw: buf.length,
    gzip: gzipSync(buf, { level: 9 }).length,
    br: brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

// --- reading the binary ------------------------------------------------------------
function reader(buf, pos = 0) {
  return {
    get pos() { return pos; },
    set pos(p) { pos = p; },
    u8() { return buf[pos++]; },
    leb() {
      let result = 0, shift = 0, b;
      do { b = buf[pos++]; result += (b & 0x7f) * 2 ** shift; shift += 7; } while (b & 0x80);
      return result;
    },
    str() { const n = this.leb(); const s = buf.toString('utf8', pos, pos + n); pos += n; return s; },
  };
}

export function parseWasm(buf) {
  if (buf.readUInt32LE(0) !== 0x6d736100) throw new Error('not a wasm module');
  const r = reader(buf, 8);
  const sections = [];  // {id, name, size}
  let importedFuncs = 0;
  const bodies = [];     // {index, start, size}
  const names = new Map();
  while (r.pos < buf.length) {
    const id = r.u8();
    const size = r.leb();
    const start = r.pos;
    const end = start + size;
    let name = ['custom', 'type', 'import', 'function', 'table', 'memory', 'global', 'export', 'start',
      'element', 'code', 'data', 'datacount', 'tag'][id] ?? `#${id}`;
    if (id === 0) {
      const custom = r.str();
      name = `custom "${custom}"`;
      if (custom === 'name') {
        while (r.pos < end) {
          const sub = r.u8();
          const subSize = r.leb();
          const subEnd = r.pos + subSize;
          if (sub === 1) {
            for (let n = r.leb(); n > 0; n--) { const idx = r.leb(); names.set(idx, r.str()); }
          }
          r.pos = subEnd;
        }
      }
    } else if (id === 2) {
      for (let n = r.leb(); n > 0; n--) {
        r.str(); r.str();
        const kind = r.u8();
        if (kind === 0) { r.leb(); importedFuncs++; }
        else if (kind === 1) { r.u8(); const f = r.u8(); r.leb(); if (f & 1) r.leb(); }
        else if (kind === 2) { const f = r.u8(); r.leb(); if (f & 1) r.leb(); }
        else if (kind === 3) { r.u8(); r.u8(); }
        else if (kind === 4) { r.u8(); r.leb(); }
      }
    } else if (id === 10) {
      const n = r.leb();
      for (let i = 0; i < n; i++) {
        const bodyStart = r.pos;
        const s = r.leb();
        bodies.push({ index: importedFuncs + i, start: bodyStart, size: r.pos - bodyStart + s });
        r.pos += s;
      }
    }
    sections.push({ id, name, size: end - start });
    r.pos = end;
  }
  for (const b of bodies) b.name = names.get(b.index) ?? '';
  return { sections, bodies, importedFuncs };
}

// --- which amalgamation file each SQLite function comes from --------------------------
// SQLite writes a function's definition at column 0 with its name on the same line;
// the amalgamation marks where each original file begins, ends and resumes.
function sqliteOrigins(file) {
  const origin = new Map();
  if (!existsSync(file)) return origin;
  const stack = ['sqlite3.c'];
  const def = /^(?!#|typedef|struct|union|enum|return|if\b|for\b|while\b)(?:[A-Za-z_][\w]*[\s*]+)+\**([A-Za-z_]\w*)\s*\((?!.*;\s*$)/;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line.startsWith('/****')) {
      let m;
      // Only the file markers: SQLite's own comments say "End of the … implementation" too.
      if ((m = /Begin file ([\w.]+\.[ch]) /.exec(line))) stack.push(m[1]);
      else if ((m = /End of ([\w.]+\.[ch]) /.exec(line)) && stack.includes(m[1]))
        while (stack.length > 1 && stack.pop() !== m[1]);
      continue;
    }
    // The last match wins: a prototype (in sqliteInt.h, or ahead of its use in a .c
    // file) comes before the function's definition.
    const m = def.exec(line);
    if (m) origin.set(m[1], stack[stack.length - 1]);
  }
  return origin;
}

// The amalgamation's files, in the groups a reader of this report thinks in.
const sqliteGroups = [
  ['SQLite FTS5', /^fts5/],
  ['SQLite SQL compiler', /^(parse|tokenize|complete|select|expr|where\w*|build|insert|update|delete|resolve|alter|analyze|attach|trigger|pragma|prepare|window|upsert|auth|callback|fkey|treeview|walker|vacuum|vtab|keywordhash|opcodes)\.[ch]$/],
  ['SQLite VDBE (bytecode engine)', /^vdbe\w*\.c$/],
  ['SQLite B-tree, pager, cache', /^(btree|btmutex|pager|pcache\w*|wal|memjournal|backup|rowset|bitvec)\.c$/],
  ['SQLite OS, VFS, memdb', /^(os\w*|memdb|mutex\w*|threads)\.c$/],
  ['SQLite SQL functions', /^(func|date|json|fts3\w*)\.c$/],
  ['SQLite memory, printf, util', /^(malloc|mem\d|status|printf|random|utf|util|hash|global|ctime|main|loadext|notify|fault|dbstat|dbpage|sqlite3\.c)\.?[ch]?$/],
];

// --- classifying a (demangled) function name ------------------------------------------
const iostreamLocale = /std::__2::(basic_(i|o|io)?stream|basic_streambuf|basic_(i|o)?stringstream|basic_stringbuf|basic_(i|o)?fstream|basic_filebuf|basic_ios|ios_base|__stdinbuf|__stdoutbuf|locale|ctype|codecvt|num_put|num_get|numpunct|moneypunct|money_get|money_put|time_get|time_put|__time_|messages|collate|__num_get|__num_put|__check_grouping|use_facet|has_facet|__widen_from_utf8|__narrow_to_utf8|__scan_keyword|__cloc|__libcpp_\w+_l|__do_strtod|__money_|__iom_|istreambuf_iterator|ostreambuf_iterator|__pad_and_output|__put_character_sequence|basic_ostream|basic_istream)/;
const exceptions = /^(__cxa_|__cxxabiv1|_Unwind_|__gxx_personality|__gcc_personality|__cxa|std::terminate|std::__terminate|std::unexpected|std::get_terminate|demangling_|__dynamic_cast|__emscripten_longjmp|emscripten_longjmp|setThrew|__resumeException|__cxa_find_matching_catch|std::(__2::)?(exception|bad_\w+|runtime_error|logic_error|out_of_range|invalid_argument|length_error|range_error|overflow_error|underflow_error|domain_error|system_error|__throw_\w+|__libcpp_refstring)|\(anonymous namespace\)::itanium_demangle|__cxa_demangle|abort_message)/;
const embind = /(emscripten::|_embind_|embind|EmscriptenBindingInitializer|__getTypeName|^_emval_)/;
const malloc = /^(dlmalloc|dlfree|dlrealloc|dlcalloc|dlmemalign|emmalloc\w*|malloc|free|realloc|calloc|memalign|posix_memalign|aligned_alloc|sbrk|tmalloc_\w+|prepend_alloc|dispose_chunk|internal_memalign|try_realloc_chunk|init_mparams|release_unused_segments|sys_alloc|sys_trim|add_segment|change_mparams|\w*_region|claim_more_memory|validate_\w+|attempt_allocate|allocate_memory|create_memory_region|extend_last_region|prepend_to_free_list|link_to_free_list|unlink_from_free_list|compute_free_list_bucket|operator new|operator delete|emscripten_builtin_\w+)/;
const printf = /^(vfprintf|printf_core|fmt_fp|fmt_u|fmt_x|fmt_o|pop_arg|out|pad|getint|snprintf|vsnprintf|sprintf|vsprintf|sn_write|fprintf|printf|__towrite|__fwritex|frexp|fiprintf|siprintf|vsniprintf|vfiprintf)$/;
const scan = /^(strtod|strtof|strtold|strtold_l|__floatscan|__intscan|decfloat|hexfloat|scanexp|__shlim|__shgetc|strtoull|strtoll|strtoul|strtol|strtox|vsscanf|sscanf|__uflow|__toread|vfscanf|store_int|arg_n|string_read|wcstod|wcstof|wcstold|wcsto\w+|do_read|mbrtowc|mbsrtowcs|mbsnrtowcs|wcrtomb|wcsnrtombs|btowc|wctob|mbtowc)/;

// The function's own qualified name, without its return type, parameters and template
// arguments: "void std::__2::vector<pietura::X>::push_back(…)" → "std::__2::vector::push_back",
// with the template arguments returned apart (a container of a core type is core's cost).
function qualified(name) {
  const s = name.replaceAll('(anonymous namespace)', '{anon}');
  let depth = 0, out = '', args = '', lastSpace = -1;
  for (const c of s) {
    if (c === '<') { depth++; if (depth === 1) continue; }
    else if (c === '>') { depth--; if (depth === 0) continue; }
    if (depth > 0) { args += c; continue; }
    if (c === '(') break;
    if (c === ' ') lastSpace = out.length;
    out += c;
  }
  return { qname: out.slice(lastSpace + 1), args };
}

function classify(name, origins) {
  const plain = name.replace(/\.\d+$/, '');
  if (!name) return { group: 'unnamed' };
  const file = origins.get(plain);
  if (file || /^sqlite3/.test(plain)) {
    const f = file ?? 'sqlite3.c';
    for (const [group, re] of sqliteGroups) if (re.test(f)) return { group, file: f };
    return { group: 'SQLite other', file: f };
  }
  const { qname, args } = qualified(name);
  if (embind.test(qname)) return { group: 'embind' };
  if (exceptions.test(qname)) return { group: 'exceptions (cxa, unwind, std::exception types)' };
  if (qname.startsWith('std::')) {
    if (iostreamLocale.test(qname)) return { group: 'libc++ iostream/locale' };
    if (/pietura::/.test(args)) return { group: 'libc++ templates for core types' };
    if (/^std::__2::(basic_string|to_string|__str_find|char_traits|stoi|stol|stoul|stod|__itoa|__to_chars|to_chars|from_chars)/.test(qname))
      return { group: 'libc++ string, to_string, charconv' };
    return { group: 'libc++ other (containers, algorithms)' };
  }
  const core = /^pietura::(\w+|\{anon\})::/.exec(qname);
  if (core) return { group: core[1] === '{anon}' ? 'core (anonymous namespaces)' : `core/${core[1]}` };
  if (qname.startsWith('pietura::')) return { group: 'core (namespace pietura: i18n, shared)' };
  if (/^\{anon\}::|^main$|^__original_main/.test(qname)) return { group: 'wasm/bindings.cpp' };
  if (malloc.test(plain)) return { group: 'libc malloc' };
  if (printf.test(plain)) return { group: 'libc printf' };
  if (scan.test(plain)) return { group: 'libc strtod, scanf, wide chars' };
  if (/^(__?)?(exp|exp2|expm1|log|log2|log10|log1p|pow|sin|cos|tan|asin|acos|atan|atan2|sinh|cosh|tanh|sqrt|cbrt|fmod|remainder|hypot|__sin|__cos|__tan|__rem_pio2\w*|scalbn\w*|ldexp|floor|ceil|trunc|round\w*|modf|fma|erf|lgamma\w*|tgamma)f?l?$/.test(plain))
    return { group: 'libc math' };
  if (/^(stackAlloc|stackSave|stackRestore|emscripten_|_emscripten|__wasm_|dynCall_|__errno_location|__stdio_|__lockfile|__unlockfile|fflush|__ofl|__funcs_on_exit|__stdout|__stdin|__emscripten_stdout|__syscall|__wasi|__lseek|__fseeko|__ftello)/.test(plain))
    return { group: 'Emscripten runtime, stdio' };
  return { group: 'libc other' };
}

export function breakdown(wasmFile, sqliteFile = join(root, 'node_modules/better-sqlite3/deps/sqlite3/sqlite3.c')) {
  const buf = readFileSync(wasmFile);
  const { sections, bodies } = parseWasm(buf);
  const origins = sqliteOrigins(sqliteFile);
  const groups = new Map();
  const files = new Map();
  for (const b of bodies) {
    const c = classify(b.name, origins);
    b.group = c.group;
    if (!groups.has(c.group)) groups.set(c.group, { bytes: 0, count: 0, parts: [] });
    const g = groups.get(c.group);
    g.bytes += b.size; g.count++; g.parts.push(buf.subarray(b.start, b.start + b.size));
    if (c.file) files.set(c.file, (files.get(c.file) ?? 0) + b.size);
  }
  const code = bodies.reduce((s, b) => s + b.size, 0);
  return { buf, sections, bodies, groups, files, code, named: bodies.some((b) => b.name) };
}

function main(argv) {
  const args = { top: 0, files: false, js: null, wasm: null };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--top') args.top = Number(argv[++i]);
    else if (argv[i] === '--files') args.files = true;
    else if (argv[i] === '--js') args.js = argv[++i];
    else if (argv[i] === '--help' || argv[i] === '-h') args.help = true;
    else args.wasm = argv[i];
  }
  if (args.help || !args.wasm) {
    console.log('usage: node tools/wasm-size.mjs FILE.wasm [--js GLUE.js] [--top N] [--files]');
    process.exit(args.help ? 0 : 2);
  }
  const kb = (n) => (n / 1024).toFixed(1).padStart(8);
  const r = breakdown(args.wasm);
  const whole = compressed(r.buf);
  console.log(`${args.wasm}: ${kb(whole.raw)} KB raw, ${kb(whole.gzip)} KB gzip, ${kb(whole.br)} KB brotli`);
  if (args.js) {
    const js = compressed(readFileSync(args.js));
    console.log(`${args.js}: ${kb(js.raw)} KB raw, ${kb(js.gzip)} KB gzip, ${kb(js.br)} KB brotli`);
  }
  console.log('\nsections');
  for (const s of r.sections) console.log(`  ${s.name.padEnd(28)} ${kb(s.size)} KB`);
  if (!r.named) console.log('\n(no name section: link with --profiling-funcs to see where the code goes)');
  console.log(`\ncode by origin (${r.bodies.length} functions, ${kb(r.code).trim()} KB)      raw KB    share  gzip KB alone  functions`);
  const rows = [...r.groups.entries()].sort((a, b) => b[1].bytes - a[1].bytes);
  for (const [name, g] of rows) {
    const gz = gzipSync(Buffer.concat(g.parts), { level: 9 }).length;
    console.log(`  ${name.padEnd(46)} ${kb(g.bytes)} ${(100 * g.bytes / r.code).toFixed(1).padStart(6)} % ${kb(gz)}  ${String(g.count).padStart(9)}`);
  }
  if (args.files) {
    console.log('\nSQLite by amalgamation file');
    for (const [f, n] of [...r.files.entries()].sort((a, b) => b[1] - a[1]))
      console.log(`  ${f.padEnd(24)} ${kb(n)} KB ${(100 * n / r.code).toFixed(1).padStart(6)} %`);
  }
  if (args.top > 0) {
    console.log(`\nlargest ${args.top} functions`);
    for (const b of [...r.bodies].sort((a, c) => c.size - a.size).slice(0, args.top))
      console.log(`  ${kb(b.size)} KB  ${b.group.padEnd(32).slice(0, 32)}  ${b.name.slice(0, 110)}`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) main(process.argv.slice(2));
