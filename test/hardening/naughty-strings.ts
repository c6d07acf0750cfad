/**
 * A compact, curated corpus of hostile and awkward text for account and contract fields.
 *
 * Curated by hand rather than pulled from the big "naughty strings" lists: each entry is here because it
 * attacks a specific way a renderer can go wrong (markup injection, attribute break-out, URL schemes,
 * template/expression evaluation, bidi and invisible characters, surrogate pairs, size, control chars).
 * The hostile-text tests render every entry and assert that it shows literally and executes nothing, so
 * payloads that *would* run call `window.__pwned(id)` to make any execution observable.
 */

/** Called by any payload that manages to run; the tests install it and fail if it is ever called. */
export const PWNED = '__pwned';

const p = (id: string) => `${PWNED}('${id}')`;

export interface NaughtyString {
  /** Short name for failure messages. */
  id: string;
  value: string;
  /** True when the entry would execute code if rendered as HTML or evaluated. */
  executable: boolean;
}

const executable: [string, string][] = [
  ['script-tag', `<script>${p('script-tag')}</script>`],
  ['script-tag-src', `<script src="data:text/javascript,${p('script-tag-src')}"></script>`],
  ['script-split', `</li></ul><script>${p('script-split')}</script>`],
  ['img-onerror', `<img src=x onerror="${p('img-onerror')}">`],
  ['img-onerror-upper', `<IMG SRC=x ONERROR=${p('img-onerror-upper')}>`],
  ['svg-onload', `<svg onload="${p('svg-onload')}"></svg>`],
  ['svg-script', `<svg><script>${p('svg-script')}</script></svg>`],
  ['svg-animate', `<svg><animate onbegin="${p('svg-animate')}" attributeName="x" dur="1s"/></svg>`],
  ['body-onload', `<body onload="${p('body-onload')}">`],
  ['iframe-srcdoc', `<iframe srcdoc="<script>parent.${p('iframe-srcdoc')}</script>"></iframe>`],
  ['iframe-js', `<iframe src="javascript:parent.${p('iframe-js')}"></iframe>`],
  ['a-javascript', `<a href="javascript:${p('a-javascript')}">click</a>`],
  ['javascript-url', `javascript:${p('javascript-url')}`],
  ['javascript-url-mixed-case', `JaVaScRiPt:${p('javascript-url-mixed-case')}`],
  ['javascript-url-entity', `jav&#x09;ascript:${p('javascript-url-entity')}`],
  ['data-url-html', `data:text/html,<script>${p('data-url-html')}</script>`],
  ['attr-breakout-double', `" onmouseover="${p('attr-breakout-double')}" x="`],
  ['attr-breakout-single', `' onfocus='${p('attr-breakout-single')}' autofocus x='`],
  ['attr-breakout-tag', `"><img src=x onerror=${p('attr-breakout-tag')}>`],
  ['details-ontoggle', `<details open ontoggle="${p('details-ontoggle')}">`],
  ['input-autofocus', `<input autofocus onfocus="${p('input-autofocus')}">`],
  ['video-source', `<video><source onerror="${p('video-source')}"></video>`],
  ['math-xlink', `<math><mtext><a xlink:href="javascript:${p('math-xlink')}">x</a></mtext></math>`],
  ['style-expression', `<div style="background:url(javascript:${p('style-expression')})">`],
  ['style-tag', `<style>@import 'javascript:${p('style-tag')}';</style>`],
  ['object-data', `<object data="javascript:${p('object-data')}"></object>`],
  ['meta-refresh', `<meta http-equiv="refresh" content="0;url=javascript:${p('meta-refresh')}">`],
  ['template-literal', `\${${p('template-literal')}}`],
  ['angular-expr', `{{constructor.constructor('${p('angular-expr')}')()}}`],
  ['lit-marker', `<?lit$1234$>\${${p('lit-marker')}}<!--?lit$1234$-->`],
  ['lit-marker-attr', `lit$123456$ <x .prop=\${${p('lit-marker-attr')}}>`],
  ['html-comment-breakout', `--><script>${p('html-comment-breakout')}</script><!--`],
  ['cdata', `<![CDATA[<script>${p('cdata')}</script>]]>`],
  ['noscript-mxss', `<noscript><p title="</noscript><img src=x onerror=${p('noscript-mxss')}>">`],
  ['template-tag', `<template><img src=x onerror=${p('template-tag')}></template>`],
  ['encoded-lt', `%3Cscript%3E${p('encoded-lt')}%3C/script%3E`],
  ['utf7', `+ADw-script+AD4-${p('utf7')}+ADw-/script+AD4-`],
  ['null-in-tag', `<scr\u0000ipt>${p('null-in-tag')}</scr\u0000ipt>`],
  ['proto-pollution', `{"__proto__":{"polluted":"${p('proto-pollution')}"}}`],
];

const inert: [string, string][] = [
  ['html-entities', '&lt;b&gt;not bold&lt;/b&gt; &amp; &quot;quoted&quot; &#39; &#x3C;'],
  ['bold-tag', '<b>bold?</b> <i>italic?</i>'],
  ['angle-brackets', '< > << >> <> </>'],
  ['ampersands', 'Smith & Sons &amp;&amp; Co &'],
  ['quotes', `O'Brien "The Best" \`backtick\``],
  ['backslashes', '\\ \\\\ \\n \\u0000 C:\\Windows\\'],
  ['rtl-override', '\u202Eevil.exe\u202C gpj.txt'],
  ['rtl-isolates', '\u2067مرحبا\u2069 \u2066left\u2069 \u200Fשלום\u200E'],
  ['arabic', 'شركة الأمل للتجارة'],
  ['hebrew', 'חברה בע״מ'],
  ['zero-width', 'Ac\u200Bme\u200C Co\u200Drp\uFEFF\u2060'],
  ['combining', 'Z\u0351\u036B\u0343\u036A\u0302\u036B\u033D\u034F\u0334\u0319\u0324\u031E\u0349\u035A\u032F\u031E\u0320\u034DA\u036B\u0357\u0334'],
  ['emoji', '🏦 Bank 👩‍👩‍👧‍👦 🇺🇸 🏳️‍🌈 ❤️'],
  ['astral', '𝕬𝖈𝖒𝖊 𠜎𠜱𠝹 𝌆 \uD83D\uDE00'],
  ['lone-surrogate', 'broken \uD800 surrogate \uDFFF end'],
  ['null-byte', 'null\u0000byte\u0000'],
  ['control-chars', '\u0001\u0002\u0007\u0008\u001B[31mred\u001B[0m\u007F'],
  ['newlines', 'line1\nline2\r\nline3\u2028line4\u2029line5'],
  ['tabs', '\tindented\t\tname'],
  ['whitespace-only', '   '],
  ['nbsp', '\u00A0\u00A0Acme\u00A0Corp\u00A0'],
  ['cjk', '株式会社テスト 테스트 회사 测试公司'],
  ['bom', '\uFEFFAcme'],
  ['sql', "'; DROP TABLE accounts; --"],
  ['format-string', '%s %d %n %x %%'],
  ['numbers-like', '0x41 1e309 NaN Infinity -0'],
  ['js-keywords', 'undefined null true false constructor __proto__ toString hasOwnProperty'],
  ['path', '../../../../etc/passwd'],
  ['url', 'https://example.com/?a=1&b=<2>#frag'],
  ['css-injection', '</style><style>*{display:none!important}</style>'],
  ['huge-10k', 'W'.repeat(10_000)],
  ['huge-10k-no-breaks', 'Averyveryverylongwordwithoutanybreaks'.repeat(280)],
  ['huge-markup', '<b>'.repeat(2_500)],
];

/** Every entry, executable payloads first. */
export const NAUGHTY_STRINGS: readonly NaughtyString[] = [
  ...executable.map(([id, value]) => ({ id, value, executable: true })),
  ...inert.map(([id, value]) => ({ id, value, executable: false })),
];

