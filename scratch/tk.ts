import { loadTokenizer } from '../src/text/tokenizer.ts';
const t = await loadTokenizer();
for (const s of ['𠮷野家でオール光ネットワーク（APN）を東京大学が', 'A  B\tC\nD']) console.log(t(s).map(x=>`${JSON.stringify(x.surface)}/${x.pos.join(',')}@${x.start}`).join(' '));
