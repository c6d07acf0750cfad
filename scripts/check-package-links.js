// Every link in the markdown the package ships (README.md, CHANGELOG.md, docs/*.md) must resolve
// inside the package: a relative link to a file the tarball holds (and, for a markdown file, to a
// heading it has). What `npm pack` would ship is read from `npm pack --dry-run --json`, so a file
// missing from package.json "files" fails here, not on the registry page. Web links are not fetched.
// Likewise every shipped script in dist/ (the package build and the drop-in folder) must end with a
// `sourceMappingURL` naming its shipped map, and every source a map names must be shipped
// (../src/…), or, for a dependency bundled into the drop-in (Lit under ../../node_modules/…), be
// carried in the map itself (sourcesContent), so a debugger shows it with no node_modules/ at hand.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';

const [pack] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { encoding: 'utf8' }));
const shipped = new Set(pack.files.map((f) => f.path));

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens. */
function slug(heading) {
  return heading
    .trim()
    .toLowerCase()
    .replace(/<[^>]+>/g, '')
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

function anchorsOf(file) {
  const text = readFileSync(file, 'utf8').replace(/```[^]*?```/g, '');
  const anchors = new Set();
  for (const [, heading] of text.matchAll(/^#{1,6}\s+(.+)$/gm)) {
    const base = slug(heading.replace(/`/g, ''));
    let anchor = base;
    for (let n = 1; anchors.has(anchor); n++) anchor = `${base}-${n}`;
    anchors.add(anchor);
  }
  for (const [, id] of text.matchAll(/<a\s+(?:name|id)="([^"]+)"/g)) anchors.add(id);
  return anchors;
}

/** [text](target) and <a href="target">, outside code blocks and inline code. */
function linksOf(text) {
  const prose = text.replace(/```[^]*?```/g, '').replace(/`[^`\n]*`/g, '');
  const links = [...prose.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)].map((m) => m[1]);
  links.push(...[...prose.matchAll(/<a\s[^>]*href="([^"]+)"/g)].map((m) => m[1]));
  return links;
}

const problems = [];
const markdown = [...shipped].filter((f) => f.endsWith('.md'));
let checked = 0;
for (const file of markdown) {
  for (const link of linksOf(readFileSync(file, 'utf8'))) {
    if (/^[a-z][a-z+.-]*:/i.test(link)) continue; // https:, mailto:
    checked += 1;
    const [path, anchor] = link.split('#');
    const target = path ? normalize(join(dirname(file), decodeURI(path))) : file;
    if (!shipped.has(target)) {
      problems.push(`${file}: "${link}" → ${target} is not in the package (add it to package.json "files", or link elsewhere)`);
    } else if (anchor && target.endsWith('.md') && !anchorsOf(target).has(anchor)) {
      problems.push(`${file}: "${link}" → ${target} has no heading #${anchor}`);
    }
  }
}

const scripts = [...shipped].filter((f) => f.startsWith('dist/') && f.endsWith('.js'));
for (const file of scripts) {
  const named = /\n\/\/# sourceMappingURL=(\S+)\s*$/.exec(readFileSync(file, 'utf8'))?.[1];
  const map = named && normalize(join(dirname(file), named));
  if (!named) problems.push(`${file}: no sourceMappingURL at its end`);
  else if (!shipped.has(map)) problems.push(`${file}: its map ${named} → ${map} is not in the package`);
}

const maps = [...shipped].filter((f) => f.endsWith('.map'));
let sources = 0;
let carried = 0;
for (const file of maps) {
  const map = JSON.parse(readFileSync(file, 'utf8'));
  (map.sources ?? []).forEach((source, i) => {
    sources += 1;
    const target = normalize(join(dirname(file), source));
    if (shipped.has(target)) return;
    if (!target.startsWith('src/') && typeof map.sourcesContent?.[i] === 'string') {
      carried += 1;
      return;
    }
    problems.push(`${file}: source "${source}" → ${target} is not in the package${target.startsWith('src/') ? '' : ', nor its text in the map'}`);
  });
}

if (problems.length > 0) {
  console.error(problems.join('\n'));
  console.error(`\n${problems.length} links, maps or map sources of the package don't resolve inside it.`);
  process.exit(1);
}
console.log(`${checked} relative links in ${markdown.length} packaged markdown files resolve inside the package (${pack.filename}).`);
console.log(
  maps.length > 0
    ? `${scripts.length} scripts in dist/ each name their shipped map; ${sources} sources named by ${maps.length} source maps are in the package (${carried} bundled dependencies' in their maps).`
    : 'No source maps in the package (dist/ not built): run npm run build to check them too.',
);
