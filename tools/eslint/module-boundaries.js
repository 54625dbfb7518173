// ESLint rule: the platform never imports a module, and a module imports another module only through its index.ts.
import { dirname, relative, resolve, sep } from 'node:path';

const SRC = resolve(process.cwd(), 'src');

function locate(file) {
  const rel = relative(SRC, file);
  if (rel.startsWith('..')) return undefined;
  const parts = rel.split(sep);
  if (parts[0] === 'platform') return { layer: 'platform' };
  if (parts[0] === 'modules' && parts.length > 2) return { layer: 'module', name: parts[1], inner: parts.slice(2).join('/') };
  if (parts[0] === 'modules' && parts.length === 2) return { layer: 'module', name: parts[1].replace(/\.ts$/, ''), inner: 'index.ts' };
  return { layer: parts[0] };
}

export default {
  meta: { type: 'problem', docs: { description: 'Keep the platform independent of modules and modules behind their index.ts' }, schema: [] },
  create(context) {
    const importer = locate(context.filename);
    if (!importer) return {};
    return {
      ImportDeclaration(node) {
        const spec = node.source.value;
        if (typeof spec !== 'string' || !spec.startsWith('.')) return;
        const target = locate(resolve(dirname(context.filename), spec));
        if (!target || target.layer !== 'module') return;
        if (importer.layer === 'platform') {
          context.report({ node, message: `platform must not import a module (${spec})` });
        } else if (importer.layer === 'module' && importer.name !== target.name && !/^(index(\.ts)?)?$/.test(target.inner)) {
          context.report({ node, message: `import module "${target.name}" through its index.ts, not ${spec}` });
        }
      },
    };
  },
};
