"""Who said it in Japanese and Chinese, where no spaces separate the words, and in Korean.

The word lists and word shapes of `speakers` have nothing to hold on to in a language
written without spaces, but its grammar marks the parts of an attribution instead:

- Japanese quotes speech with the particle と after the closing mark ("「…」と述べた",
  "「…」と話した", "「…」とも述べました") and marks the speaker as the topic or subject
  of the sentence with は or が ("田所市長は「…」と述べた"), or after the quotation
  ("「…」と気象台は発表した"); "X によると / によれば / によりますと" is "according to X".
- Chinese puts a speech verb before a colon or comma ("市长田所浩二表示：「…」",
  "他说，“…”") or after the quotation ("……，田所说。").

The noun phrase found there is read by its last part (after the possessive の: "青潮市の
田所浩二市長" is about "田所浩二市長"): a title suffix or prefix of office ("市長", "知事",
"大臣", "氏", "市长", or any office ending in 員, 長, 官 or 師 before the name: "工程師陳志豪")
around two to four characters of name makes it a person, and the
name alone is the speaker ("田所浩二"); a shorter form ("田所市長") is the person the
article named in full. Nouns for unnamed people ("男性", "担当者", "住民") leave the
quotation without a named speaker. Anything else is a body, given as the fullest run of
characters the article writes that ends with it ("気象台" -> "青潮地方気象台").

Runs of Han and Katakana characters stand in for words: that is where Japanese writes its
nouns, between the kana of particles and endings.
"""

from __future__ import annotations

from typing import Optional

from ..patterns import regex
from .scripts import HAN, HANGUL, KANA
from .speakers import QUOTE_HOLE

# Han, Katakana (with the long-vowel mark and middle dot), Latin letters and digits: the stuff of nouns.
_NOUN_CHARS = "\u3005\u30a0-\u30ff" + HAN + "A-Za-z0-9\uff10-\uff19\uff21-\uff5a"
_NOUN_RUN = regex(f"[{_NOUN_CHARS}]+")
_HAN = regex("[" + HAN + "]")
# A noun phrase: noun runs joined by the possessive の (Japanese) or 的 (Chinese).
_PHRASE = regex(f"[{_NOUN_CHARS}]+(?:[の的][{_NOUN_CHARS}]+)*")

# Titles written after a name (Japanese; "市長" mayor, "知事" governor, "氏" Mr/Ms ...), longest first.
_TITLE_SUFFIXES = tuple(sorted("""
市長 町長 村長 区長 知事 首相 大臣 長官 副大臣 官房長官 大統領 首長 議長 委員長 会長 社長 理事長 総裁 幹事長 代表 党首
議員 教授 准教授 部長 課長 署長 局長 所長 本部長 院長 校長 監督 選手 弁護士 報道官 広報官 担当相 外相 防衛相 氏 さん
市长 总统 总理 部长 主席 发言人 先生 女士
""".split(), key=len, reverse=True))
# Chinese writes the office before the name: "市长田所浩二".
_TITLE_PREFIXES = tuple(sorted("市长 总统 总理 部长 主席 发言人 外长 局长 省长 议员 教授 市長 總統 總理 部長 發言人".split(),
                               key=len, reverse=True))
# Nouns for people the article does not name.
_UNNAMED = tuple(sorted("""
男性 女性 男子 女子 男の子 女の子 担当者 関係者 住民 市民 職員 幹部 専門家 目撃者 乗客 住人 店主 社員 作業員 生徒 学生 少年
少女 高齢者 被災者 遺族 母親 父親 人 方 者 居民 市民 官员 官員 消息人士 目击者 男子 女子 专家 專家 发言人士
""".split(), key=len, reverse=True))
_TOPIC = regex(f"([{_NOUN_CHARS}]+(?:[の的][{_NOUN_CHARS}]+)*)(?:は|が|も)(?!ら)")
_ACCORDING = regex(f"([{_NOUN_CHARS}]+(?:の[{_NOUN_CHARS}]+)*)(?:によると|によれば|によりますと)")
_ZH_VERBS = ("表示", "说道", "說道", "指出", "强调", "強調", "透露", "坦言", "称", "稱", "说", "說")
_ZH_BEFORE = regex(f"([{_NOUN_CHARS}]+)(?:{'|'.join(_ZH_VERBS)})[：:，,]?\\s*$")
_ZH_AFTER = regex(f"^[，,]?\\s*([{_NOUN_CHARS}]+?)(?:{'|'.join(_ZH_VERBS)})")
_PRONOUNS = {"他": "m", "她": "f", "彼": "m", "彼女": "f"}


_UNSPACED_CHAR = regex("[" + KANA + HAN + "]")


def has_unspaced(text: str) -> bool:
    """Mostly Japanese or Chinese: a name in Han characters inside an English sentence is not enough."""
    if _UNSPACED_CHAR.search(text) is None:
        return False
    letters = sum(1 for c in text if c.isalpha())
    return len(_UNSPACED_CHAR.findall(text)) >= 0.3 * max(letters, 1)


class Names:
    """The people and bodies a Japanese or Chinese article names, for expanding short forms."""

    __slots__ = ("runs", "people", "last")

    def __init__(self, texts: list[str]) -> None:
        self.runs: list[str] = []  # every noun run of the article, in order
        self.people: list[str] = []  # full names found before a title ("田所浩二" of "田所浩二市長")
        self.last: Optional[str] = None  # the latest person named
        for text in texts:
            for m in _NOUN_RUN.finditer(text):
                run = m.group(0)
                self.runs.append(run)
                name, title = _split_title(run)
                if title and name and _name_like(name) and name not in self.people:
                    self.people.append(name)

    def person(self, name: str) -> str:
        """The fullest name the article gives that starts with this one ("田所" -> "田所浩二")."""
        best = name
        for full in self.people:
            if full.startswith(name) and len(full) > len(best):
                best = full
        self.last = best
        return best

    def body(self, name: str) -> str:
        """The longest noun run of the article that ends with this one ("気象台" -> "青潮地方気象台")."""
        best = name
        for run in self.runs:
            if run.endswith(name) and len(run) > len(best) and not _split_title(run)[1]:
                best = run
        return best


def _split_title(run: str) -> tuple[str, str]:
    for t in _TITLE_SUFFIXES:
        if run.endswith(t) and len(run) > len(t):
            return run[: -len(t)], t
    for t in _TITLE_PREFIXES:  # "北滨市市长李明华": the place, the office, then the name
        k = run.rfind(t)
        if k >= 0 and _name_like(run[k + len(t):]):
            return run[k + len(t):], t
    for size in (3, 2):  # "水利署工程師陳志豪", "村長黃秀英": an office ending in 員, 長, 官 or 師, then the name
        k = len(run) - size
        if k >= 2 and run[k - 1] in _OFFICE_ENDINGS and _name_like(run[k:]):
            return run[k:], run[:k]
    return run, ""


# The last character of a Chinese office written before a name (工程師 engineer, 村長 village chief,
# 指揮官 commander, 預報員 forecaster).
_OFFICE_ENDINGS = frozenset("長长員员官師师")
# "受訪時說" (said when interviewed): the circumstance between the speaker and the verb.
_WHEN = regex("(?:接受採訪|接受采访|受訪|受访)?[時时]$")


def _name_like(text: str) -> bool:
    """Two to four Han characters (or a Katakana name): the length of a personal name."""
    return 2 <= len(text) <= 4 and all(_HAN.match(c) for c in text) or (
        2 <= len(text) <= 12 and all("\u30a0" <= c <= "\u30ff" for c in text))


_POSSESSIVE_PARTICLE = regex("[の的]")  # "外務省の報道官": the head noun comes after the last one


def _speaker(phrase: str, names: Names) -> tuple[bool, Optional[str]]:
    """What a noun phrase before は / が / によると names: a person, nobody named, or a body."""
    head = _POSSESSIVE_PARTICLE.split(phrase)[-1]
    if head in _PRONOUNS:
        return True, names.last
    if head.endswith(_UNNAMED) and not _split_title(head)[1]:
        return True, None  # "70代の男性", "市の担当者": someone the article does not name
    name, title = _split_title(head)
    if title:
        if _name_like(name):
            return True, names.person(name)
        if not name or not _HAN.search(name):
            return True, names.last  # "市長は": the mayor named before
    return True, names.body(head)


def attribute(sentence: str, hole: int, names: Names) -> tuple[bool, Optional[str]]:
    """(attributed, speaker) for the quotation at `hole` in a sentence written without spaces."""
    before, after = sentence[:hole], sentence[hole + 1:]
    quoted = after.startswith(("と", "って"))
    if quoted:
        m = _TOPIC.search(after)  # "「…」と田所市長は述べた"
        if m and m.start() <= 6:
            return _speaker(m.group(1), names)
    topics = list(_TOPIC.finditer(before))
    if topics and (quoted or before.rstrip().endswith(("：", ":"))):
        return _speaker(topics[-1].group(1), names)
    m = _ACCORDING.search(before)
    if m and quoted:
        return _speaker(m.group(1), names)
    m = _ZH_BEFORE.search(before)
    if m:
        return _speaker(_WHEN.sub("", m.group(1)) or m.group(1), names)
    m = _ZH_AFTER.match(after)
    if m:
        return _speaker(m.group(1), names)
    return False, None


# --------------------------------------------------------------------------- Korean
#
# Korean is written with spaces, but like Japanese it marks its parts with particles rather than
# word order: what was said ends in the quotative 고 / 라고 / 며 ("“…”고 말했다", "“…”며"), and
# the speaker is the noun phrase closed by a subject or topic particle (가 / 이 / 는 / 은 / 께서),
# after the quotation ("“…”고 김도윤 군수가 당부했다") or before it ("이순자(72) 씨는 “…”고 말했다").
# A person is a name of two to four syllables, with or without a title after it ("김도윤 해진군수",
# "이순자 씨"); a phrase ending in a noun of office alone ("군수가") names the person given that
# title before; anything else is a body, given as its last word ("행정안전부 중앙재난안전대책본부는").

_HANGUL = regex("[" + HANGUL + "]")
_QUOTATIVE = ("이라고", "라고", "라며", "이라며", "면서", "고", "며")
_SUBJECT = regex("([" + HANGUL + r"A-Za-z0-9·()]+?)(께서는|께서|에서는|은|는|이|가)(?=\s|$)")
_KO_TITLES = tuple(sorted("""
군수 시장 구청장 도지사 지사 장관 차관 총리 대통령 대변인 청장 서장 본부장 국장 과장 부장 소장 원장 위원장 의장 대표 회장
사장 교수 의원 씨 선생 기자 팀장 실장 관계자 주민 이장
""".split(), key=len, reverse=True))
# Nouns for people the article does not name ("관계자" an official, "주민" a resident).
_KO_UNNAMED = ("관계자", "주민", "시민", "목격자", "전문가", "직원", "당국자")


def has_hangul(text: str) -> bool:
    """Mostly Korean: its particles, not an English sentence's word order, say who spoke."""
    hangul = len(_HANGUL.findall(text))
    return hangul > 0 and hangul >= 0.3 * sum(1 for c in text if c.isalpha())


_IN_BRACKETS = regex(r"\([^)]*\)")  # "김 장관(외교부)": the bracketed gloss goes


def korean_speaker(phrase: str, titled: dict[str, str]) -> tuple[bool, Optional[str]]:
    """What the words before a subject or topic particle name: a person, nobody named, or a body."""
    words = _IN_BRACKETS.sub("", phrase).split()
    if not words:
        return False, None
    last = words[-1]
    for t in _KO_TITLES:
        if last.endswith(t):
            stem = last[: -len(t)]
            if last in _KO_UNNAMED:
                return True, None
            if 2 <= len(stem) <= 4 and len(words) == 1 and t in ("씨", "선생"):
                return True, stem  # "이순자씨"
            if len(words) >= 2 and 2 <= len(words[-2]) <= 4 and _HANGUL.match(words[-2]):
                titled[last] = words[-2]
                titled[t] = words[-2]
                return True, words[-2]  # "김도윤 해진군수", "이순자 씨"
            return (True, titled[last]) if last in titled else (True, titled[t]) if t in titled else (False, None)
    return True, last  # a body: "해진해양경찰서", "중앙재난안전대책본부"


def korean_subject(text: str, titled: dict[str, str]) -> tuple[bool, Optional[str]]:
    """The speaker a Korean clause names with its first subject or topic particle."""
    m = _SUBJECT.search(text)
    if m is None:
        return False, None
    start = m.start()
    # the noun phrase: the words before the particle's word, back to a break ("김도윤 해진군수가")
    head = text[:start].rstrip().split()[-1:] if start and not text[start - 1].isspace() else []
    phrase = " ".join(text[:m.end(1)].split()[-2:]) if not head else head[-1] + m.group(1)
    return korean_speaker(phrase, titled)


def attribute_korean(sentence: str, hole: int, titled: dict[str, str]) -> tuple[bool, Optional[str]]:
    """(attributed, speaker) for the quotation at `hole` in a Korean sentence."""
    before, after = sentence[:hole], sentence[hole + 1:]
    nxt = QUOTE_HOLE.search(after)
    clause = after[: nxt.start()] if nxt else after
    if clause.startswith(_QUOTATIVE):
        rest = clause[next(len(q) for q in _QUOTATIVE if clause.startswith(q)):]
        found = korean_subject(rest, titled)
        if found[0]:
            return found
    prev = max((m.end() for m in QUOTE_HOLE.finditer(before)), default=0)
    if prev == 0:
        found = korean_subject(before, titled)
        if found[0]:
            return found
    return False, None
