// Every link in the markdown the package ships (README.md, CHANGELOG.md, docs/*.md) must resolve
// inside the package: a relative link to a file the tarball holds (and, for a markdown file, to a
// heading it has). What `npm pack` would ship is read from `npm pack --dry-run --json`, so a file
// missing from package.json "files" fails here, not on the registry page. Web links are not fetched.
// Likewise every source a shipped source map names (dist/**/*.map → ../src/…) must be shipped.
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

const maps = [...shipped].filter((f) => f.endsWith('.map'));
let sources = 0;
for (const file of maps) {
  for (const source of JSON.parse(readFileSync(file, 'utf8')).sources ?? []) {
    sources += 1;
    const target = normalize(join(dirname(file), source));
    if (!shipped.has(target)) problems.push(`${file}: source "${source}" → ${target} is not in the package`);
  }
}

if (problems.length > 0) {
  console.error(problems.join('\n'));
  console.error(`\n${problems.length} links or map sources of the package don't resolve inside it.`);
  process.exit(1);
}
console.log(`${checked} relative links in ${markdown.length} packaged markdown files resolve inside the package (${pack.filename}).`);
console.log(
  maps.length > 0
    ? `${sources} sources named by ${maps.length} source maps are in the package.`
    : 'No source maps in the package (dist/ not built): run npm run build to check them too.',
);
