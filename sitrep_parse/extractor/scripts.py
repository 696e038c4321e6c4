"""Unicode ranges of the scripts whose text the extractor reads differently, named once.

For regular-expression character classes ("[" + KANA + HAN + "]"). Kept apart from cjk.py
so that quotes.py can tell an article needs that module without importing it.
"""

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"  # CJK ideographs, extension A, compatibility
KANA = "\u3040-\u30ff"  # hiragana and katakana
HANGUL = "\uac00-\ud7a3"  # Korean syllables
SOUTHEAST_ASIAN = "\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff"  # Thai and Lao, Myanmar, Khmer: no spaces between words
