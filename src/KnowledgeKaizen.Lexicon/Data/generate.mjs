// Regenerates the folding and pinyin tables from the npm packages named in README.md (run once per update):
//   npm pack opencc-js@1.4.2 pinyin-pro@3.29.4 && tar xzf ... (each into its own folder), then
//   node generate.mjs <opencc-js package folder> <pinyin-pro package folder>
// The portal reads only the generated text files; no JavaScript runs at run time.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

const [openccDir, pinyinDir] = process.argv.slice(2).map(p => resolve(p));
const dict = name => {
  const text = readFileSync(join(openccDir, 'dist/esm-lib/dict', name + '.js'), 'utf8');
  const body = text.slice(text.indexOf('"') + 1, text.lastIndexOf('"'));
  const map = new Map();
  for (const entry of body.split('|')) {
    const [from, to] = entry.split(' ');
    if (from && to && !map.has(from)) map.set(from, to);
  }
  return map;
};
const bmp = s => s.length === 1 && !(s.charCodeAt(0) >= 0xd800 && s.charCodeAt(0) <= 0xdfff);

// Traditional → Simplified, one character for one: regional variants (Taiwan, Hong Kong) to OpenCC's
// standard Traditional first, then its character table (the first candidate where it lists several).
const tw = dict('TWVariantsRev'), hk = dict('HKVariantsRev'), ts = dict('TSCharacters');
const step = (map, c) => (map.has(c) && bmp(map.get(c)) ? map.get(c) : c);
const keys = new Set([...tw.keys(), ...hk.keys(), ...ts.keys()].filter(bmp));
const fold = [];
for (const c of [...keys].sort()) {
  const s = step(ts, step(hk, step(tw, c)));
  if (s !== c) fold.push(`${c} ${s}`);
}
writeFileSync('t2s.txt', fold.join('\n') + '\n');

// Pinyin without tones (ü written v, as typed with an input method): every reading of each character, the
// usual one first; and the words whose reading differs from their characters' usual readings.
const require = createRequire(import.meta.url);
const { pinyin } = require(join(pinyinDir, 'dist/index.js'));
const plain = s => s.normalize('NFD').replace(/u\u0308/g, 'v').replace(/[\u0300-\u036f]/g, '').replace(/ü/g, 'v');
const chars = [];
const usual = new Map();
for (let code = 0x3400; code <= 0x9fff; code++) {
  if (code > 0x4dbf && code < 0x4e00) continue;
  const c = String.fromCharCode(code);
  const readings = [...new Set(pinyin(c, { multiple: true, type: 'array' }).map(plain))].filter(r => /^[a-z]+$/.test(r));
  if (readings.length === 0) continue;
  usual.set(c, readings[0]);
  chars.push(`${c} ${readings.join(' ')}`);
}
writeFileSync('pinyin.txt', chars.join('\n') + '\n');

const bundle = readFileSync(join(pinyinDir, 'dist/index.js'), 'utf8');
const phrases = new Set([...bundle.matchAll(/[{,]"?([\u4e00-\u9fff]{2,12})"?:"[a-zA-Z\u00c0-\u024f ]+"/g)].map(m => m[1]));
const words = [];
for (const phrase of [...phrases].sort()) {
  const read = pinyin(phrase, { type: 'array' }).map(plain);
  if (read.length === phrase.length && read.some((r, i) => r !== usual.get(phrase[i])) && read.every(r => /^[a-z]+$/.test(r))) {
    words.push(`${phrase} ${read.join(' ')}`);
  }
}
writeFileSync('pinyin-words.txt', words.join('\n') + '\n');
console.log(`t2s: ${fold.length}, pinyin: ${chars.length}, words: ${words.length}`);
