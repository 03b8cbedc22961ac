// PurgeCSS over Material's stylesheets: keeps the rules the built pages use.
// node scripts/theme/trim_css.mjs OPTIONS.json  (written by scripts/theme/trim_css.py) -> the CSS on stdout.
import { readFileSync } from "node:fs";
import { PurgeCSS } from "purgecss";

const options = JSON.parse(readFileSync(process.argv[2], "utf8"));

// From HTML, only what selectors can match: tag names, attribute names, each class, and each other
// attribute's value whole (for selectors such as [dir=ltr]). The default extractor takes every word of
// the text, and the words of a description or a label ("note", "code", "mark"...) would keep rules
// that no page needs.
const markup = (content) => {
  const found = new Set();
  for (const [, tag, attributes] of content.matchAll(/<([a-zA-Z][\w-]*)([^>]*)>/g)) {
    found.add(tag.toLowerCase());
    for (const [, name, ...values] of attributes.matchAll(/([\w:-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
      found.add(name);
      const value = values.find((v) => v !== undefined);
      if (value === undefined) continue;
      if (name === "class") {
        for (const word of value.split(/\s+/)) if (word) found.add(word);
      } else {
        found.add(value);
      }
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
  blocklist: options.blocklist,
  safelist: {
    standard: options.safelist.map((pattern) => new RegExp(pattern)),
    greedy: options.greedy.map((pattern) => new RegExp(pattern)),
    variables: options.variables,
  },
});
process.stdout.write(results.map((result) => result.css).join("\n"));
