"""The did-you-mean vocabulary: title and name words only, folded, counted over all the text, most frequent first."""

from __future__ import annotations

import random
from collections import Counter

from catalogue.search.analysis import fold, tokenize
from catalogue.search.documents import SearchDocument
from catalogue.search.suggest import MIN_SUGGEST_LENGTH, vocabulary

WORDS = ["Azylový", "azylový", "AZYLOVÝ", "dům", "Domov", "domov", "seniory", "senioři", "Praha", "praha", "Kolín",
         "kolin", "noclehárna", "nocleharna", "pomoc", "rodina", "rodiny", "2024", "A1b2", "krize", "krizové", "centrum"]


def reference(docs: list[SearchDocument], extra: list[str]) -> dict[int, list[list[str]]]:
    """The vocabulary as first written: fold every word of the text, keep the titles' ones at the end."""
    counts: Counter[str] = Counter()
    forms: dict[str, Counter[str]] = {}
    titles: set[str] = set()
    for doc in docs:
        titles.update(tokenize(doc.title))
        for word in tokenize(f"{doc.title}\n{doc.text}"):
            if len(word) >= MIN_SUGGEST_LENGTH and not any(c.isdigit() for c in word):
                folded = fold(word)
                counts[folded] += 1
                forms.setdefault(folded, Counter())[word] += 1
    titles.update(t for phrase in extra for t in tokenize(phrase))
    keep = {fold(t) for t in titles}
    shards: dict[int, list[list[str]]] = {}
    for folded, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        if folded in keep:
            word = sorted(forms[folded].items(), key=lambda item: (-item[1], item[0]))[0][0]
            shards.setdefault(len(folded), []).append([folded, word])
    return shards


def test_the_vocabulary_is_the_same_as_folding_every_word_of_the_text():
    rng = random.Random(15)
    docs = [
        SearchDocument(f"/s/{n}/", "service", str(n), " ".join(rng.choices(WORDS, k=3)), " ".join(rng.choices(WORDS, k=40)), [])
        for n in range(60)
    ]
    extra = ["Kolín", "Krizové centrum"]
    assert vocabulary(docs, extra) == reference(docs, extra)
    assert vocabulary(docs, extra)  # not empty: the case above compares something


def test_words_only_in_the_text_are_not_offered_and_the_most_frequent_form_is():
    docs = [SearchDocument("/a/", "service", "a", "Azylový dům", "azylový azylový Azylový noclehárna noclehárna", [])]
    words = {folded: word for shard in vocabulary(docs).values() for folded, word in shard}
    assert words == {"azylovy": "azylový"}  # "dům" is too short, "noclehárna" is in no title
