// PurgeCSS over Material's stylesheets: keeps the rules the built pages use.
// node scripts/theme/trim_css.mjs OPTIONS.json  (written by scripts/theme/trim_css.py) -> the CSS on stdout.
import { readFileSync } from "node:fs";
import { PurgeCSS } from "purgecss";

const options = JSON.parse(readFileSync(process.argv[2], "utf8"));

// From HTML, only what selectors can match: tag names, attribute names and the words of attribute
// values (classes, ids, data-*). The default extractor also takes every word of the text, and the
// text's words ("table", "code", "details"...) would keep rules that no page needs.
const markup = (content) => {
  const found = new Set();
  for (const [, tag, attributes] of content.matchAll(/<([a-zA-Z][\w-]*)([^>]*)>/g)) {
    found.add(tag.toLowerCase());
    for (const [, name, ...values] of attributes.matchAll(/([\w:-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
      found.add(name);
      const value = values.find((v) => v !== undefined);
      if (value !== undefined) for (const word of value.split(/\s+/)) if (word) found.add(word);
    }
  }
  return [...found];
};
const results = await new PurgeCSS().purge({
  content: options.content,
  extractors: [{ extractor: markup, extensions: ["html"] }],
  css: options.css,
  variables: true,
  keyframes: true,
  fontFace: true,
  safelist: {
    standard: options.safelist.map((pattern) => new RegExp(pattern)),
    greedy: options.greedy.map((pattern) => new RegExp(pattern)),
    variables: options.variables,
  },
});
process.stdout.write(results.map((result) => result.css).join("\n"));
