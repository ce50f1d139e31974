// Reads the person name lists (first_name, last_name) and the city names of every
// Latin-script locale of @faker-js/faker and writes them as sorted, lower-case, unique word lists.
// Usage: node faker-names.mjs FAKER_PACKAGE_DIR OUT_DIR
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
const [, , pkg, out] = process.argv;
const { allLocales } = await import(join(pkg, 'dist', 'index.js'));
const latin = /^[\p{Script=Latin}][\p{Script=Latin}\p{M}'’-]*$/u;
const collect = (value, into) => {
  if (value == null) return;
  if (typeof value === 'string') {
    if (value.includes('{{')) return; // a pattern, not a name
    for (const part of value.normalize('NFC').split(/\s+/)) {
      if (latin.test(part) && part.length >= 2) into.add(part.toLowerCase());
    }
  } else if (Array.isArray(value)) value.forEach(v => collect(v, into));
  else if (typeof value === 'object') Object.values(value).forEach(v => collect(v, into));
};
const first = new Set(), last = new Set(), cities = new Set();
for (const [, locale] of Object.entries(allLocales)) {
  collect(locale.person?.first_name, first);
  collect(locale.person?.middle_name, first);
  collect(locale.person?.last_name, last);
  collect(locale.location?.city_name, cities);
}
const write = (name, set) => {
  const words = [...set].sort();
  writeFileSync(join(out, name), words.join('\n') + '\n');
  console.log(name, words.length);
};
write('first-names.txt', first);
write('surnames.txt', last);
write('cities.txt', cities);
