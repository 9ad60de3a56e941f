#!/usr/bin/env node
/*
 * Fails when a text of the web client has no translation, or a translation no longer has a text.
 *
 *   node tools/i18n/check-translations.mjs <extracted source messages.json> <translation messages.xx.json>
 *
 * The source file comes from `nx run web:extract-i18n` (German, the source language); the translation file is
 * committed (apps/web/src/locale/messages.en.json). Both are Angular's JSON format: { locale, translations: { id: text } }.
 * A translation must also keep the placeholders of its text ({$INTERPOLATION}, {$START_TAG_STRONG}, …), or the
 * build would drop or invent content.
 */
import { readFileSync } from 'node:fs';

/** The placeholders of a message, sorted, each once: `{$NAME}` and the variable of an ICU expression. */
export function placeholdersOf(text) {
  const names = new Set();
  for (const match of text.matchAll(/\{\$([A-Za-z0-9_]+)\}/g)) names.add(match[1]);
  for (const match of text.matchAll(/\{(VAR_[A-Z0-9_]+),/g)) names.add(match[1]);
  return [...names].sort();
}

/** What is wrong with `translations` for the texts in `source`: missing, stale, empty and placeholder mismatches. */
export function translationProblems(source, translations) {
  const problems = [];
  for (const [id, text] of Object.entries(source)) {
    const translated = translations[id];
    if (translated === undefined) {
      problems.push({ id, problem: 'missing', source: text });
    } else if (typeof translated !== 'string' || translated.trim() === '') {
      problems.push({ id, problem: 'empty', source: text });
    } else if (placeholdersOf(text).join() !== placeholdersOf(translated).join()) {
      problems.push({ id, problem: 'placeholders differ', source: text, translation: translated });
    }
  }
  for (const id of Object.keys(translations)) {
    if (!(id in source)) problems.push({ id, problem: 'stale (no such text any more)', translation: translations[id] });
  }
  return problems;
}

function readMessages(path) {
  const parsed = JSON.parse(readFileSync(path, 'utf8'));
  if (typeof parsed !== 'object' || parsed === null || typeof parsed.translations !== 'object') {
    throw new Error(`${path} is not an Angular i18n JSON file ({ "locale": …, "translations": { … } })`);
  }
  return parsed.translations;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [sourcePath, translationPath] = process.argv.slice(2);
  if (!sourcePath || !translationPath) {
    console.error('usage: check-translations.mjs <source messages.json> <translation messages.xx.json>');
    process.exit(2);
  }
  const source = readMessages(sourcePath);
  const problems = translationProblems(source, readMessages(translationPath));
  if (problems.length === 0) {
    console.log(`${translationPath}: all ${Object.keys(source).length} texts translated.`);
  } else {
    console.error(`${translationPath}: ${problems.length} problem(s):`);
    for (const problem of problems) console.error(JSON.stringify(problem));
    const missing = problems.filter((problem) => problem.problem === 'missing');
    if (missing.length > 0) {
      console.error('\nTo translate (add to the "translations" of the file):');
      console.error(
        JSON.stringify(Object.fromEntries(missing.map((problem) => [problem.id, problem.source])), null, 2),
      );
    }
    process.exit(1);
  }
}
