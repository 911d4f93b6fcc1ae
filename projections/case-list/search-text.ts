/**
 * Text as the search table holds it and queries ask for it. Chinese has no
 * spaces, and a word segmenter misses words its dictionary splits otherwise
 * (jieba cuts 路灯不亮 into 路/灯不亮, so 路灯 would never be found). So a
 * run of Chinese characters is indexed as its overlapping character pairs
 * (涵洞堵塞 → 涵洞 洞堵 堵塞) plus its last character, and a query asks for
 * its own pairs as a phrase: any word of two or more characters is found
 * wherever it stands, and a single character as the start of a pair. Other
 * text is left to FTS5's default tokenizer, which splits it into words and
 * folds case.
 */
const HAN_RUN = /\p{Script=Han}+/gu;

function pairsOf(run: string): string[] {
  const chars = [...run];
  if (chars.length === 1) return chars;
  const pairs: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) pairs.push(chars[i]! + chars[i + 1]!);
  return pairs;
}

/** The text to store in the search table for `text`. */
export function searchableText(text: string): string {
  return text.replace(HAN_RUN, (run) => {
    const pairs = pairsOf(run);
    // The last character alone too, so a one-character query finds it at the end of a run.
    const last = [...run].at(-1)!;
    return ` ${pairs.join(' ')}${pairs.length > 1 ? ` ${last}` : ''} `;
  });
}

const quoted = (phrase: string) => `"${phrase.replaceAll('"', '""')}"`;

/**
 * The FTS5 MATCH expression for what a person typed: every Chinese run and
 * every other word must occur (AND). Undefined when there is nothing to
 * search for.
 */
export function matchExpression(query: string): string | undefined {
  const terms: string[] = [];
  const rest = query.replace(HAN_RUN, (run) => {
    const chars = [...run];
    // One character: any pair starting with it, or it alone at a run's end.
    terms.push(chars.length === 1 ? `${quoted(run)}*` : quoted(pairsOf(run).join(' ')));
    return ' ';
  });
  for (const word of rest.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) terms.push(quoted(word));
  return terms.length === 0 ? undefined : terms.join(' AND ');
}
