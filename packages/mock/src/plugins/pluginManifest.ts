import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';

/** A plugin's YAML manifest, with the fields Stash reads (pkg/plugin Config). */
export interface PluginManifest {
  name?: string;
  description?: string;
  url?: string;
  version?: string;
  interface?: string;
  exec?: string[];
  errLog?: string;
  tasks?: {
    name?: string;
    description?: string;
    execArgs?: string[];
    defaultArgs?: Record<string, string>;
  }[];
  hooks?: {
    name?: string;
    description?: string;
    execArgs?: string[];
    defaultArgs?: Record<string, string>;
    triggeredBy?: string[];
  }[];
  ui?: {
    requires?: string[];
    csp?: { 'script-src'?: string[]; 'style-src'?: string[]; 'connect-src'?: string[] };
    javascript?: string[];
    css?: string[];
    assets?: Record<string, string>;
  };
  settings?: Record<string, { type?: string; displayName?: string; description?: string }>;
}

type Shape =
  | 'string'
  | { list: Shape; go: string }
  | { map: Shape; go: string }
  | { struct: string; fields: Record<string, Shape> };

const STRINGS: Shape = { list: 'string', go: '[]string' };
const STRING_MAP: Shape = { map: 'string', go: 'map[string]string' };
const OPERATION = {
  name: 'string',
  description: 'string',
  execArgs: STRINGS,
  defaultArgs: STRING_MAP,
} as const;

/** Stash decodes manifests strictly (yaml.v2 SetStrict): unknown fields are errors, named by Go type. */
const CONFIG: Shape = {
  struct: 'plugin.Config',
  fields: {
    name: 'string',
    description: 'string',
    url: 'string',
    version: 'string',
    interface: 'string',
    exec: STRINGS,
    errLog: 'string',
    tasks: { list: { struct: 'plugin.OperationConfig', fields: OPERATION }, go: '[]*plugin.OperationConfig' },
    hooks: {
      list: { struct: 'plugin.HookConfig', fields: { ...OPERATION, triggeredBy: STRINGS } },
      go: '[]*plugin.HookConfig',
    },
    ui: {
      struct: 'plugin.UIConfig',
      fields: {
        requires: STRINGS,
        csp: {
          struct: 'plugin.PluginCSP',
          fields: { 'script-src': STRINGS, 'style-src': STRINGS, 'connect-src': STRINGS },
        },
        javascript: STRINGS,
        css: STRINGS,
        assets: { map: 'string', go: 'utils.URLMap' },
      },
    },
    settings: {
      map: {
        struct: 'plugin.SettingConfig',
        fields: { type: 'string', displayName: 'string', description: 'string' },
      },
      go: 'map[string]plugin.SettingConfig',
    },
  },
};

const INTERFACES = ['rpc', 'raw', 'js'];
const SETTING_TYPES = ['STRING', 'NUMBER', 'BOOLEAN'];

function goName(shape: Shape): string {
  if (shape === 'string') return 'string';
  return 'struct' in shape ? shape.struct : shape.go;
}

function yamlKind(node: Node): string {
  if (isMap(node)) return '!!map';
  if (isSeq(node)) return '!!seq';
  return '!!str';
}

/** Walks the parsed document against the shape, collecting yaml.v2-style errors (`line N: ...`). */
function check(
  node: Node | null | undefined,
  shape: Shape,
  line: (n: Node) => number,
  errors: string[],
): void {
  if (!node || (isScalar(node) && node.value === null)) return;
  if (shape === 'string') {
    if (!isScalar(node)) errors.push(`line ${line(node)}: cannot unmarshal ${yamlKind(node)} into string`);
    return;
  }
  if ('list' in shape) {
    if (!isSeq(node)) {
      const text = isScalar(node) ? ` \`${String(node.value)}\`` : '';
      errors.push(`line ${line(node)}: cannot unmarshal ${yamlKind(node)}${text} into ${shape.go}`);
      return;
    }
    for (const item of node.items) check(item as Node, shape.list, line, errors);
    return;
  }
  if (!isMap(node)) {
    const text = isScalar(node) ? ` \`${String(node.value)}\`` : '';
    errors.push(`line ${line(node)}: cannot unmarshal ${yamlKind(node)}${text} into ${goName(shape)}`);
    return;
  }
  for (const pair of node.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    if ('map' in shape) {
      check(pair.value as Node, shape.map, line, errors);
    } else if (!(key in shape.fields)) {
      errors.push(`line ${line(pair.key as Node)}: field ${key} not found in type ${shape.struct}`);
    } else {
      check(pair.value as Node, shape.fields[key]!, line, errors);
    }
  }
}

/** yaml.v2 decodes a scalar into a Go string as written (`1.0` stays `1.0`, `yes` stays `yes`). */
function scalarText(node: Node): string {
  if (!isScalar(node)) return '';
  return typeof node.value === 'string' ? node.value : (node.source ?? String(node.value));
}

/** The checked document as the Go structs hold it: strings, lists and maps of them; null is absent. */
function decode(node: Node | null | undefined, shape: Shape): unknown {
  if (!node || (isScalar(node) && node.value === null)) return undefined;
  if (shape === 'string') return scalarText(node);
  if ('list' in shape)
    return isSeq(node) ? node.items.map((item) => decode(item as Node, shape.list) ?? '') : [];
  if (!isMap(node)) return undefined;
  const out: Record<string, unknown> = {};
  for (const pair of node.items) {
    const key = scalarText(pair.key as Node);
    const fieldShape = 'map' in shape ? shape.map : shape.fields[key]!;
    const value = decode(pair.value as Node, fieldShape);
    if (value !== undefined) out[key] = value;
    else if ('map' in shape) out[key] = typeof shape.map === 'string' ? '' : {};
  }
  return out;
}

/**
 * Parses a plugin manifest as Stash does (strict YAML, `interface` raw by default, setting types
 * checked). Throws with Stash's message on invalid input.
 */
export function parsePluginManifest(text: string): PluginManifest {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0) {
    const error = doc.errors[0]!;
    throw new Error(`yaml: line ${lines.linePos(error.pos[0]).line}: ${error.message.split('\n')[0]}`);
  }
  const errors: string[] = [];
  const line = (n: Node) => (n.range ? lines.linePos(n.range[0]).line : 0);
  check(doc.contents as Node | null, CONFIG, line, errors);
  if (errors.length > 0) throw new Error(`yaml: unmarshal errors:\n  ${errors.join('\n  ')}`);
  const manifest = (decode(doc.contents as Node | null, CONFIG) ?? {}) as PluginManifest;
  if (!manifest.interface) manifest.interface = 'raw';
  if (!INTERFACES.includes(manifest.interface))
    throw new Error(`invalid interface type ${manifest.interface}`);
  for (const [key, setting] of Object.entries(manifest.settings ?? {})) {
    // Stash's message has its two arguments swapped: the key comes first.
    if (setting?.type && !SETTING_TYPES.includes(setting.type)) {
      throw new Error(`invalid type ${key} for setting ${setting.type}`);
    }
  }
  return manifest;
}
