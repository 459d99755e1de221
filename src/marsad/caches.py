"""The size of the per-word caches of the pipeline's stages.

Stages compute what they need of a word type once (normalized forms, clitic splits, trigger
candidates, cue flags, topic and place features) and keep it in a cache of at most
`WORD_TYPES` entries. 50,000 word types cover 95.5% of the tokens of 7,717 ANT news articles;
the cap, with batch memory zones, keeps 7,717 articles at a peak of 778 MiB, numba's 125 MiB
included, under the 1 GB budget (`bench/analyze_speed.py --articles 7717 --zone-every 5000`).
A word beyond it is computed again each time: a speed cost only, the analyses are the same.
The NER features keep their own limits (`ner/features.py`).
"""

WORD_TYPES = 50_000
