#!/usr/bin/env python3
"""Reference check for lexicon/<lang>/furniture.tsv against the sample pages.

Usage: python3 check_furniture.py [SEEDS_DIR] [GOLD_DIR]
Defaults: /work/shared/seeds and /work/shared/gold (or $KHABAR_SEEDS / $KHABAR_GOLD).

Implements the matching rules documented at the top of each furniture.tsv:
  fold both sides (diacritics, tatweel, أإآٱ->ا, ى->ي, ة->ه, ی->ي, ک->ك, ZWNJ/ZWJ/bidi marks removed,
  Latin lowercased, whitespace collapsed), then
  phrase = contains, ^phrase = starts with, phrase$ = ends with, =phrase = equals,
  leading punctuation ignored for ^ and =, trailing punctuation for $ and =.
  kind line: paragraph; line+next: paragraph + next paragraph if short (<= 40 folded chars);
  tail: the paragraph and everything after it.
A paragraph is a non-empty line of the page.
Prints the marked paragraphs of every page, then checks the gold:
  * every paragraph that mentions a gold furniture entity of that document is marked;
  * no paragraph that carries article facts (mentions one of the key body terms) is marked.
Exits 1 when a check fails.
"""
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
SHORT_NEXT = 40

DIACRITICS = re.compile('[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]')
INVISIBLE = re.compile('[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]')
PUNCT = ' \t:.…*|-–—_!?؟،,;؛()[]{}«»"\'“”‘’/\\•·>#<=+~'
FOLD = str.maketrans({'أ': 'ا', 'إ': 'ا', 'آ': 'ا', 'ٱ': 'ا', 'ى': 'ي', 'ة': 'ه',
                      'ی': 'ي', 'ک': 'ك', '\u00a0': ' '})


def fold(s):
    s = unicodedata.normalize('NFC', s)
    s = DIACRITICS.sub('', s)
    s = INVISIBLE.sub('', s)
    s = s.translate(FOLD).lower()
    return re.sub(r'\s+', ' ', s).strip()


def load_rules(path):
    rules = []
    header = None
    for n, raw in enumerate(open(path, encoding='utf-8'), 1):
        line = raw.rstrip('\n')
        if not line.strip() or line.startswith('#'):
            continue
        cols = line.split('\t')
        if header is None:
            header = cols
            continue
        if len(cols) != len(header) or any(not c for c in cols):
            sys.exit(f'{path}:{n}: expected {len(header)} non-empty TAB-separated columns: {line!r}')
        row = dict(zip(header, cols))
        kind, phrase = row['kind'], row['phrase']
        if kind not in ('line', 'line+next', 'line+teasers', 'tail'):
            sys.exit(f'{path}:{n}: unknown kind {kind!r}')
        mode = 'contains'
        if phrase.startswith('='):
            mode, phrase = 'exact', phrase[1:]
        elif phrase.startswith('^') and phrase.endswith('$') and len(phrase) > 2:
            mode, phrase = 'exact', phrase[1:-1]
        elif phrase.startswith('^'):
            mode, phrase = 'start', phrase[1:]
        elif phrase.endswith('$'):
            mode, phrase = 'end', phrase[:-1]
        f = fold(phrase)
        if mode in ('exact', 'start'):
            f = f.lstrip(PUNCT)
        if mode in ('exact', 'end'):
            f = f.rstrip(PUNCT)
        if not f:
            sys.exit(f'{path}:{n}: empty phrase')
        rules.append((kind, mode, f, row['phrase'], n))
    return rules


def matches(mode, f, para):
    if mode == 'contains':
        return f in para
    if mode == 'start':
        return para.lstrip(PUNCT).startswith(f)
    if mode == 'end':
        return para.rstrip(PUNCT).endswith(f)
    return para.strip(PUNCT) == f


def mark(paras, rules):
    """Return {index: reason} for furniture paragraphs."""
    folded = [fold(p) for p in paras]
    marked = {}
    for i, fp in enumerate(folded):
        if i in marked and marked[i].startswith('tail'):
            continue
        for kind, mode, f, orig, n in rules:
            if not matches(mode, f, fp):
                continue
            # a teaser heading is a heading, not a sentence (as src/text/furniture.rs)
            if kind == 'line+teasers' and (len(fp.split()) > 20 or fp.rstrip().endswith(('.', '!', '?', '\u061f', '\u06d4'))):
                continue
            marked.setdefault(i, f'{kind} {orig} (line {n})')
            if kind == 'line+next' and i + 1 < len(folded) and len(folded[i + 1]) <= SHORT_NEXT:
                marked.setdefault(i + 1, f'next of {orig}')
            if kind == 'tail':
                for j in range(i + 1, len(folded)):
                    marked.setdefault(j, f'tail after {orig}')
            break
    return marked


def paragraphs(text):
    return [l.strip() for l in text.split('\n') if l.replace('\u00a0', ' ').strip()]


# Surface forms of the gold furniture entities (seeds-documents.tsv, column furniture).
FURNITURE_SURFACE = {
    'Facebook': ['فيسبوك', 'facebook'],
    'Narges Mohammadi': ['نرجس محمدي'],
    'Mohammed bin Salman': ['محمد بن سلمان'],
    'Saudi Arabia': ['السعودي', 'السعودية'],
    'United States': ['الأمريكية', 'الأمريكي'],
    'Donald Trump': ['ترامب', 'دونالد'],
    'Bashar al-Assad': ['بشار الأسد'],
    'Syria': ['سوريا', 'السورية'],
    'Taliban': ['طالبان'],
    'International Criminal Court': ['لمحكمة الجنائية الدولية'],
    'Houthis': ['الحوثي'],
    'Yemen': ['اليمنية', 'اليمن'],
    'Damascus': ['دمشق'],
    'Turkish Airlines': ['لخطوط الجوية التركية'],
    'West Bank': ['الضفة الغربية'],
    'Joe Biden': ['بايدن'],
    'Riyadh': ['الرياض'],
    'Washington': ['واشنطن'],
    'White House': ['البيت الأبيض'],
    'Saudi Press Agency': ['وكالة الأنباء السعودية'],
    'Agence France-Presse': ['فرانس برس'],
    'Yousef Rajab': ['يوسف رجب'],
    'Abdel Rahim Ali': ['عبدالرحيم علي'],
    'Google News': ['google news'],
}

# Terms that every paragraph carrying a gold fact of the samples contains (titles included).
FACT_TERMS = {
    'ar': ['أذربيجان', 'لأذربيجان', 'باكو', 'إسرائيل', 'تركيا', 'أرمينيا', 'غانتس', 'جالانت', 'الأذربيجاني',
           'كازاخستان', 'جورجيا', 'أنقرة', 'الآذرى', 'الأذرية'],
    'fa': ['آذربایجان', 'ترکیه', 'اسرائیل', 'باکو', 'ارمنستان', 'آنکارا', 'گانس', 'ولی اف'],
}


# Prose that must never be marked: sentences that share words with furniture phrases.
PROSE_PROBES = {
    'ar': ['شارك الرئيس في القمة التي عقدت في باكو.',
           'شارك الخبراء في المؤتمر الذي نظمته وزارة الدفاع.',
           'اتصل بنا الوزير وأكد أن الزيارة ستتم في موعدها.',
           'وقال رئيس التحرير إن الصحيفة ستواصل تغطية الحرب.',
           'وأكد رئيس مجلس الإدارة أن الشركة ستسلم الطائرات في موعدها.',
           'وناقش الجانبان مواضيع ذات صلة بالأمن الإقليمي.',
           'وتابعنا على مدى سنوات تطور العلاقات بين البلدين.',
           'تابعنا على مدار الساعة تطورات المعارك.',
           'ونشر الموقع أخبارا ذات صلة بالصفقة.',
           'وأضاف أن محرك البحث عن المفقودين لا يزال يعمل.',
           'الرئيسية في هذه الصفقة هي الطائرات المسيرة.',
           'وقالت المصادر إن آخر الأخبار تشير إلى تقدم المفاوضات.'],
    'fa': ['به نظر شما آیا این سفر بر روابط دو کشور اثر دارد؟',
           'ما را در این مسیر تنها نگذاشتند.',
           'وی گفت: جستجو برای یافتن مفقودان ادامه دارد.',
           'رئیس مجلس ایران در این دیدار بر گسترش همکاری ها تاکید کرد.',
           'این نماینده مجلس ارسال سلاح به ارمنستان را محکوم کرد.',
           'کلیه حقوق ملت ایران باید رعایت شود.',
           'وی در کانال تلگرام خود نوشت که قرارداد امضا شده است.',
           'مطالب مرتبط با این موضوع در جلسه بررسی شد.',
           'به گزارش خبرگزاری فارس، آخرین اخبار از مذاکرات حاکی از پیشرفت است.'],
    'en': ['The two sides share this view of the region.',
           'Search teams were deployed after the strike.',
           'He said related articles of the treaty would be reviewed.',
           'More from the interview is expected next week.',
           'Officials at home and abroad welcomed the deal.',
           'Israel will follow us on this path, the minister said.',
           'The general public was not informed of the deal.',
           'Tags on the missiles showed they were made in Israel.'],
}


def main():
    seeds = sys.argv[1] if len(sys.argv) > 1 else os.environ.get('KHABAR_SEEDS', '/work/shared/seeds')
    gold = sys.argv[2] if len(sys.argv) > 2 else os.environ.get('KHABAR_GOLD', '/work/shared/gold')
    docs = {}
    for raw in open(os.path.join(gold, 'seeds-documents.tsv'), encoding='utf-8'):
        if raw.startswith('#') or raw.startswith('document\t') or not raw.strip():
            continue
        c = raw.rstrip('\n').split('\t')
        docs[c[0]] = (c[1], [] if c[5] == '-' else c[5].split('|'))
    rules = {l: load_rules(os.path.join(HERE, l, 'furniture.tsv')) for l in ('ar', 'fa', 'en')}
    failures = 0
    for name in sorted(os.listdir(seeds)):
        doc = name.rsplit('.', 1)[0]
        if doc not in docs:
            continue
        lang, furn = docs[doc]
        paras = paragraphs(open(os.path.join(seeds, name), encoding='utf-8').read())
        marked = mark(paras, rules[lang])
        print(f'== {doc} ({lang}): {len(paras)} paragraphs, {len(marked)} marked as furniture')
        for i in sorted(marked):
            print(f'   [{i:2}] {paras[i][:50]!r:55}  <- {marked[i]}')
        for ent in furn:
            forms = [fold(s) for s in FURNITURE_SURFACE.get(ent, [])]
            if not forms:
                print(f'   ?? no surface form known for gold furniture entity {ent}')
                continue
            hits = [i for i, p in enumerate(paras) if any(f in fold(p) for f in forms)]
            if not hits:
                print(f'   ?? gold furniture entity {ent} not found on the page')
            bad = [i for i in hits if i not in marked]
            if bad:
                failures += 1
                print(f'   FAIL furniture entity {ent} in unmarked paragraph(s) {bad}')
        # A paragraph that mentions a gold furniture entity is itself gold furniture (a teaser that
        # names "القوات الإسرائيلية" is not a fact paragraph), so it is left out of the fact check.
        furn_forms = [fold(s) for e in furn for s in FURNITURE_SURFACE.get(e, [])]
        terms = [fold(t) for t in FACT_TERMS[lang]]
        for i in sorted(marked):
            fp = fold(paras[i])
            if any(f in fp for f in furn_forms):
                continue
            if any(t in fp for t in terms):
                failures += 1
                print(f'   FAIL fact paragraph [{i}] marked: {paras[i][:70]!r}')
    for lang, probes in PROSE_PROBES.items():
        for probe in probes:  # each probe is a one-paragraph page of its own
            marked = mark([probe], rules[lang])
            if marked:
                failures += 1
                print(f'   FAIL prose probe ({lang}) marked: {probe!r} <- {marked[0]}')
    print(f'prose probes: {sum(len(v) for v in PROSE_PROBES.values())} sentences checked')
    print('furniture check:', 'OK' if not failures else f'{failures} failure(s)')
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
