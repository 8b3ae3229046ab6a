#!/usr/bin/env python3
"""Builds resources/catalogue/questions.jsonl, the built-in example questions, from the team's sentences.

Each sentence of the source files (sentence<TAB>target ids, the first the best) becomes an example question of
its first target that the built-in catalogue has (the appointment system's internal entries are left out of it).
Duplicates (case-insensitive) are dropped. Run from the repository root:

    /usr/bin/python3 scripts/make-default-questions.py bench/data/sentences-team.tsv bench/data/situations-team.tsv ...
"""
import json
import sys

catalogue = [json.loads(line) for line in open('resources/catalogue/munich.jsonl', encoding='utf-8')]
order = [a['id'] for a in catalogue if 'id' in a and 'title' in a]
known = set(order)
questions = {}
seen = set()
for path in sys.argv[1:]:
    for line in open(path, encoding='utf-8'):
        cols = line.rstrip('\n').split('\t')
        if line.startswith('#') or len(cols) < 2 or not cols[0].strip():
            continue
        text = ' '.join(cols[0].split())
        target = next((t.strip() for t in cols[1].split(',') if t.strip() in known), None)
        if target is None or text.casefold() in seen:
            continue
        seen.add(text.casefold())
        questions.setdefault(target, []).append(text)
with open('resources/catalogue/questions.jsonl', 'w', encoding='utf-8') as out:
    for article_id in order:
        if article_id in questions:
            out.write(json.dumps({'id': article_id, 'questions': questions[article_id]}, ensure_ascii=False) + '\n')
print(f'{sum(len(q) for q in questions.values())} questions for {len(questions)} articles', file=sys.stderr)
