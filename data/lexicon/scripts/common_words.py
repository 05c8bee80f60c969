#!/usr/bin/env python3
"""Regenerates data/lexicon/<lang>/common-words.txt: the most frequent words of Arabic, Persian and
English, from the `wordfreq` package (pip install wordfreq==3.1.1; its data combines Wikipedia,
subtitles, news, books, web text and Twitter).

khabar uses the list to tell an unknown name from ordinary words: a person introduced by an office
("وزير الدفاع يوآف جالانت") is only accepted when at least one word of the name is not a common word,
so "الرئيس التركي يعلن دعمه" does not make "يعلن دعمه" a person.

Usage: python3 data/lexicon/scripts/common_words.py   (from the repository root)
"""
import os

from wordfreq import top_n_list

HERE = os.path.dirname(os.path.abspath(__file__))
COUNT = 15000

for lang in ("ar", "fa", "en"):
    words = [w for w in top_n_list(lang, COUNT) if any(c.isalpha() for c in w)]
    path = os.path.join(HERE, "..", lang, "common-words.txt")
    with open(path, "w", encoding="utf-8") as f:
        f.write(f"# The {COUNT} most frequent {lang} words (wordfreq 3.1.1, top_n_list); regenerate with scripts/common_words.py\n")
        for w in words:
            f.write(w + "\n")
    print(lang, len(words))
