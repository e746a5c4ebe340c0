"""What a figure is about: flow, reporter, partner, period, direction, qualifier, role.

Each is read from the words around the figure in its sentence; flow, partner and period
carry over to the next sentence only when that sentence names no flow of its own (the
"It was ... in June" continuation). The reporter carries over for the whole document,
since a trade story is told from one country. What the text does not say stays None.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from tradestats.dates import MONTHS
from tradestats.extraction import skipping
from tradestats.extraction.folding import fold
from tradestats.extraction.refdata import country_names, trie_pattern
from tradestats.extraction.skipping import WHOLE

if TYPE_CHECKING:
    from tradestats.segment import Sentence

# The first words of the flow phrases below. Most words of a sentence begin none, and
# this one test rejects them before the phrases are tried one by one.
_FLOW_FIRST_WORDS = """
    deficit shortfall surplus trade merchandise goods current external balance re-export
    reexport export shipments outbound overseas sales import purchases inbound total foreign
    two-way bilateral overall turnover tariff duty duties levy levies tax gdp gross inflation
    utilis utiliz interest unemployment economy economic growth exchange depreciation
    appreciation devaluation productivity wage price stock share index rating orders output
    production profit revenue budget positive negative commercial services outgoing cover
    coverage ratio
"""
_CURRENCY_NAMES = "yen rupee yuan dollar euro won ringgit lira peso real sterling pound currency"
_FLOW_START = (
    rf"(?:{trie_pattern((_FLOW_FIRST_WORDS + _CURRENCY_NAMES).split())}"
    rf"|the\s+{trie_pattern(_CURRENCY_NAMES.split())})"
)
# Runs over the folded text (see folding.py). A digit may touch the word in scraped text:
# "extra-EU28exports".
_FLOW_BODY = r"""(?:
        (?P<deficit>(?:(?:trade|merchandise|goods|current[-\s]account|external)\s+)?(?:deficits?|shortfall)
            |negative\s+(?:trade\s+)?balance|imports\s+(?:exceeded|outstripped|outpaced)\s+exports)
      | (?P<surplus>(?:(?:trade|merchandise|goods|current[-\s]account|external)\s+)?surplus(?:es)?
            |positive\s+(?:trade\s+)?balance|exports\s+(?:exceeded|outstripped|outpaced)\s+imports)
      | (?P<balance>(?:trade\s+balance|balance\s+of\s+trade|merchandise\s+balance|(?<!current\saccount\s)balance))
      | (?P<sum>(?:exports?\s+(?:plus|and)\s+imports?|imports?\s+(?:plus|and)\s+exports?)(?=\s*(?:\)|combined|together))
            |exports?\s+plus\s+imports?|imports?\s+plus\s+exports?|commercial\s+exchange
            |import[-–]export|export[-–]import)
      | (?P<exports>(?:(?:goods\s+and\s+services|goods|services)\s+credits|export\s+(?:turnover|value|earnings|revenues?|receipts)|re-?exports?|exports?|exported|exporting
            |shipments|(?:outbound|outgoing)\s+(?:shipments|sales)|overseas\s+sales|sales\s+abroad))
      | (?P<imports>(?:(?:goods\s+and\s+services|goods|services)\s+debits|import\s+(?:turnover|value|bill)|imports?|imported|importing|purchases\s+from\s+abroad|inbound\s+shipments))
      | (?P<trade>(?:(?:total|foreign|two-way|bilateral|overall|external|merchandise|goods)\s+trade(?:\s+volume)?
            |trade(?:\s+volume|\s+turnover)|turnover|trade(?=\s+(?:between|with|in)\b)
            |(?<=['’]s\s)trade|(?<=,\s)trade(?=,|\s+and\s)|(?<=[a-z0-9]\s)trade(?![\s-](?:ministry|minister|data|figures|department|office|body|talks|war|deal|agreement|pact|dispute|representative|policy|barriers|tensions|relations|union|partner)))
          )
      | (?P<other>(?:(?:(?:export|import)[-\s])?cover(?:age)?\s+ratio|ratio\s+of\s+(?:[\w-]+\s+){0,2}?(?:exports?|imports?)\s+to\s+(?:[\w-]+\s+)?(?:exports?|imports?)
            # A ratio of two flows is neither: "the cover ratio", "the ratio of exports to imports".
            |tariffs?|duty|duties|levy|levies|taxe?s?|gdp|gross\s+domestic\s+product|inflation
            |utili[sz]ation|interest\s+rates?|unemployment|economy|economic\s+growth|growth\s+forecast
            |(?:the\s+)?(?:yen|rupee|yuan|dollar|euro|won|ringgit|lira|peso|real|sterling|pound|currency)(?:['’]s|\s+(?:has\s+)?(?:fell|rose|weakened|strengthened|depreciated|appreciated|lost|gained))
            |exchange\s+rates?|depreciation|appreciation|devaluation
            |productivity|wages?|prices?|stock|shares?\s+(?:fell|rose)|index|rating|orders|output|production|sales|profits?|revenues?|budget))
    )(?![\w])"""
# The letters that begin a first word above ("the" included).
_FLOW_FIRST = "".join(
    sorted({word[0] for word in (_FLOW_FIRST_WORDS + _CURRENCY_NAMES + " the").split()})
)
FLOW_PATTERN = skipping.after_other(
    _FLOW_FIRST, "A-Za-z_-", rf"(?={_FLOW_START}){_FLOW_BODY}", re.VERBOSE
)
# The groups of FLOW_PATTERN, in order, and the flow each stands for: "exports plus
# imports" is total trade, named before either flow alone can match.
_FLOW_NAMES = ("deficit", "surplus", "balance", "sum", "exports", "imports", "trade", "other")
_FLOW_OF_GROUP = {"sum": "trade"}


def _phrases(text: str) -> list[str]:
    """A comma-separated list written across lines -> its phrases, single-spaced."""
    return [" ".join(phrase.split()) for phrase in text.split(",")]


# Words of change, as written in lower case -> the direction they give a figure. Not the
# words that judge a change ("improved", "weakened", "stronger"): a deficit, a cost ratio
# or a currency's price improves by falling as often as by rising.
_DIRECTIONS = {
    **dict.fromkeys(
        _phrases("""
        negative growth, de-growth, degrowth, fell, fall, falls, falling, fallen, decline,
        declined, declines, declining, dropped, drop, drops, dropping, decrease, decreased,
        decreases, decreasing, slumped, slump, slumps, plunged, plunge, plunges, plummeted,
        down, lower, contract, contracted, contraction, contracts, contracting, shrank,
        shranks, shranking, shrink, shrinks, shrinking, shrunk, shrunks, shrunking, narrow,
        narrowed, narrowing, narrows, slid, slide, slides, sliding, dipped, dip, dips, tumble,
        tumbled, reduced, reduction, slowed, slipped, sank, eased, lost, loss, minus,
        slowdown, deceleration, decelerated, decelerating
        """),
        "down",
    ),
    **dict.fromkeys(
        _phrases("""
        positive growth, rose, rise, rises, rising, risen, increase, increased, increases,
        increasing, grew, grow, grows, growing, growth, jumped, jump, jumps, surge, surged,
        surges, surging, climbed, climb, climbs, gained, gain, gains, up, higher, expand,
        expanded, expands, expanding, expansion, widen, widened, widening, widens, soared, soar,
        soars, rebounded, rebound, rebounds, accelerated, advanced, boosted, spurt,
        spurted, hiked, added, spiked, spike, spikes, skyrocketed, leapt, leaped,
        recovered, edged up, inched up, picked up, acceleration, accelerating
        """),
        "up",
    ),
}

# Each qualifier as written -> what it says of the figure after it.
_QUALIFIERS = {
    "about": "about", "around": "about", "approximately": "about", "approx": "about",
    "approx.": "about", "roughly": "about", "some": "about", "an estimated": "about",
    "close to": "nearly", "nearly": "nearly", "almost": "nearly", "just under": "nearly",
    "just below": "nearly", "over": "over", "above": "over", "more than": "more than",
    "upwards of": "over", "in excess of": "over", "just over": "over", "at least": "at least",
    "exceeding": "over", "less than": "less than", "under": "less than",
    "below": "less than", "up to": "up to", "at most": "up to", "fewer than": "less than",
}  # fmt: skip
# Over the folded text. Opening with the words themselves lets the engine jump from one
# possible first letter to the next (see trie_pattern).
_IN_WORD = r"[\w-]"  # a word does not begin right after one of these
_SPACES = r"\s+"
QUALIFIER_PATTERN = re.compile(
    f"(?P<word>{trie_pattern(list(_QUALIFIERS), not_after=_IN_WORD, space=_SPACES)})"
    r"\s+(?:the\s+|a\s+)?$"
)
# Over the folded text, like the two below.
DIRECTION_PATTERN = re.compile(
    trie_pattern(list(_DIRECTIONS), not_after=_IN_WORD, space=_SPACES) + r"(?![\w-])"
)


def direction_of(word: str) -> str | None:
    """The direction, "up" or "down", of a word of change in any case ("Rose"), else None."""
    return _DIRECTIONS.get(" ".join(word.lower().split()))


_EXPECTATION_WORDS = """
    forecast forecasts forecasted forecasting expected expect expects expectation expectations
    projected projection projections target targets targeted targeting aim aims aiming goal
    poll consensus economists analysts predicted would will could should may might plan plans
    planned estimate_of_economists estimates_of_economists estimate_by_economists
    estimates_by_economists likely_to
"""
# "may" counts only where the source has it in lower case (see expectation_near).
_EXPECTATION = re.compile(
    trie_pattern(
        [word.replace("_", " ") for word in _EXPECTATION_WORDS.split()],
        not_after=r"\w",
        space=_SPACES,
    )
    + r"\b"
)

_SHARE_AFTER = re.compile(r"^\s*(?:of|to)\s+(?:the\s+|its\s+|their\s+|total\s+|all\s+|overall\s+)*")
# These two run over the folded text.
_RATE_BEFORE = re.compile(
    r"(?:tariffs?|duty|duties|levy|tax|rate|utili[sz]ation)\s+(?:of\s+|at\s+|to\s+|by\s+)?(?:about\s+|around\s+)?$"
)
_SHARE_BEFORE = re.compile(
    r"(?:share|accounts?\s+for|accounted\s+for|accounting\s+for|making\s+up|made\s+up|constitut\w+|comprising)"
    r"\s+(?:of\s+|for\s+|about\s+|around\s+|nearly\s+|over\s+|some\s+|almost\s+|roughly\s+)*$"
)
_CHANGE_AFTER = re.compile(
    # A word of change first, so that "5% year-on-year (y-o-y) increase" finds "increase".
    r"(?i)^\s*(?:(?:[\w-]+\s+|\([\w-]+\)\s+){0,3}(?:higher|lower|more|less|up|down|rise|increase|growth|gain|jump|fall|drop|decline|decrease|slump|contraction|expansion|surge|plunge"
    r"|increased|decreased|declined|rose|fell|grew|dropped|jumped)\b"
    r"|(?:on\s+|a\s+)?(?:year[-\s]on[-\s]year|y-?o-?y|month[-\s]on[-\s]month|m-?o-?m|on[-\s]year|annually)\b)"
)
_RATE_AFTER = re.compile(
    r"(?i)^\s*(?:[A-Z][\w.]*\s+)?(?:(?:reciprocal|retaliatory|additional|import|export|ad\s+valorem|customs|punitive|anti-dumping|basic)\s+)*"
    r"(?:tariffs?|duty|duties|levy|levies|tax|taxes|rate|utili[sz]ation|interest|inflation|stake|discount|margin|quota)\b"
)


# Not frozen, like the other records made for every candidate while reading a text: a
# frozen class sets each field through ``object.__setattr__``, which costs twice as much.
# Nothing changes one once it is made.
@dataclass(slots=True)
class Mention:
    start: int
    end: int
    value: str  # flow name, "other", or a country code
    how: str = ""  # for countries: "possessive", "reporter", "partner", "plain"


# --- stories ---------------------------------------------------------------------------

# A heading: one short line that closes no sentence. The line after it opens a body.
_HEADING_END = re.compile(r"[.!?:;,)\]”\"'’]\s*$")
_BODY_END = re.compile(r"[.!?][\"'”’)\]]*\s*$")
_HEADING_WORDS = range(2, 17)
# Lines a headline block may take before its body: kicker, byline, an advertisement.
_HEADLINE_BLOCK = 9
# Longer than any hard-wrapped line of wire copy: a paragraph written on one line.
_LONG_LINE = 90
# A photo caption: its dates and places are the picture's, not the story's.
CAPTION = re.compile(
    r"(?i)\((?:file\s+)?(?:photo|image|picture|pic)\b|^(?:file\s+)?(?:photo|image)s?\s*:"
)


def _headline_words(line: str) -> int:
    """Words of three letters or more that are no month name: a dateline has none."""
    return sum(
        1
        for word in re.findall(r"[A-Za-z]{3,}", line)
        if word[:3].lower() not in MONTHS or len(word) > 9
    )


def _next_filled(lines: Sequence[str], index: int) -> str:
    """The first line from ``index`` on that is not blank, or "". An index walk, not a
    search of ``lines[index:]``: that slice copied the rest of the text at every line,
    quadratic in a page of short capitalised lines (lists, tables)."""
    while index < len(lines):
        if lines[index].strip():
            return lines[index]
        index += 1
    return ""


def story_starts(text: str, sentences: Sequence[Sentence]) -> list[int]:
    """Indexes of the sentences that open a new story on a page that holds several.

    A scraped page stacks stories, each under its headline; a year, a country or a flow
    of the story above is none of the next one's. A headline is a short line that ends no
    sentence, after a blank line and after body text, with body text a few lines below
    (the lines between being more of the headline block: a kicker, a byline).
    """
    split = text.split("\n")
    if "\n\n" not in text and max(map(len, split), default=0) <= _LONG_LINE:
        # Hard-wrapped wire copy with indented paragraphs: one story a text.
        return []
    starts: list[int] = []
    offsets: list[int] = []
    offset = 0
    for line in split:
        offsets.append(offset)
        offset += len(line) + 1
    checked_to = 0  # lines before this one are known to hold no body text since a start
    body_seen = False
    sentence = 0
    for index, line in enumerate(split):
        # The cheap tests first: most lines of a text cannot be a headline at all.
        if not line[:1].isupper() or _HEADING_END.search(line):
            continue
        previous = split[index - 1] if index else ""
        if previous.strip():
            following = _next_filled(split, index + 1)
            # Web text with a paragraph a line: a heading sits between two of them.
            if not (len(following) > _LONG_LINE and _is_body(previous) and _is_body(following)):
                continue
        elif not any(_is_body(later) for later in split[index + 1 : index + _HEADLINE_BLOCK]):
            continue
        if not _is_heading(line):
            continue
        if not body_seen:
            body_seen = any(_is_body(earlier) for earlier in split[checked_to:index])
        checked_to = index
        if not body_seen:
            continue
        while sentence < len(sentences) and sentences[sentence].end <= offsets[index]:
            sentence += 1
        if sentence < len(sentences) and (not starts or starts[-1] != sentence):
            starts.append(sentence)
        body_seen = False
    return starts


def _is_heading(line: str) -> bool:
    return (
        line[:1].isupper()
        and not _HEADING_END.search(line)
        and len(line.split()) in _HEADING_WORDS
        and _headline_words(line) >= 2
    )


_BODY_LAST = frozenset(".!?\"'”’)]")


def _is_body(line: str) -> bool:
    """A line that ends a sentence of seven words or more: body text, no heading."""
    stripped = line.rstrip()
    # The last character first: most lines of wrapped text end no sentence.
    if not stripped or stripped[-1] not in _BODY_LAST or stripped.count(" ") < 6:
        return False
    return _BODY_END.search(stripped) is not None


# --- countries -----------------------------------------------------------------------

_WORD = re.compile(r"[A-Za-z][A-Za-z.]*")
# "US$1.2 billion", "U.S. dollars": the name of a currency, not a country.
_CURRENCY_AFTER = r"\s?(?:\$|(?i:dollars?|dlrs?)\b)"


# A name is no name inside a word, an abbreviation or a hyphenated compound.
_NAME_NOT_AFTER = r"[\w'’.-]"
# Enough for "\nDollars" after a name that ends a sentence.
_LOOK_PAST = 12


@cache
def _country_patterns() -> tuple[re.Pattern[str], re.Pattern[str] | None]:
    """Capitalized names, and names that begin in lower case ("euro area").

    Each is one trie, so a position whose letter starts no name fails at once. Where the
    longest name at a position is followed by a letter or a currency ("U.S. dollars"),
    the trie backs off to the next shorter name that fits.
    """
    capitalized = [name for name in country_names() if name[:1].isupper() and _WORD.match(name)]
    names = re.compile(
        rf"(?P<name>{trie_pattern(capitalized, not_after=_NAME_NOT_AFTER)})"
        rf"(?![^\W_]|&)(?!{_CURRENCY_AFTER})(?P<possessive>['’]s)?"
    )
    lower_initial = [name for name in country_names() if name[:1].islower()]
    if not lower_initial:
        return names, None
    pattern = trie_pattern(lower_initial, not_after=r"[\w-]") + r"(?![\w-])"
    return names, re.compile(pattern)


# These three run over the folded text.
_PARTNER_BEFORE = re.compile(
    r"(?:\bto|\bwith|\binto|\btowards|\bdestined\s+for|\bbound\s+for|\bfrom|\bvis-[aà]-vis|\bagainst|\bbetween)\s+(?:the\s+)?(?:[\w.]+\s+and\s+(?:the\s+)?)?$"
)
# "from" first, then the test that it begins a word: a literal opening is searched for
# quickly, a test of the character before is tried at every position.
_REPORTER_BEFORE_FROM = re.compile(r"from(?<!\wfrom)\s+(?:the\s+)?$")
# The statistics office speaks for its country: "the U.S. Census Bureau".
_OFFICE = (
    r"census|customs|statistic|bureau|department\s+of\s+commerce|commerce\s+department"
    r"|trade\s+ministry|ministry\s+of"
)
_REPORTER_AFTER = re.compile(
    r"^(?:'s|’s)?\s*(?:(?:merchandise|goods|overall|total|foreign|annual|monthly|non-oil|oil|international|external|current[-\s]account)\s+){0,2}"
    r"(?:exports?|imports?|trade|deficit|surplus|balance|shipments|exported|imported|posted|recorded|reported|registered|ran"
    rf"|{_OFFICE})"
)
# "data from the Korea Customs Service": an office is its country's voice, after "from" too.
_OFFICE_AFTER = re.compile(rf"^\s*(?:{_OFFICE})")
_BOUND_AFTER = re.compile(r"^-(?:bound|destined)")
_PAIR_AFTER = re.compile(r"[-–](?:[A-Z]|\s)")


@cache
def _lowercase_name_heads() -> frozenset[str]:
    """Each name up to three letters past its first capital or digit ("the Net", "the 27-"),
    or whole: the shortest part that common English rarely holds."""
    heads = set()
    for name in country_names():
        if name[:1].islower():
            marks = [i for i, char in enumerate(name) if char.isupper() or char.isdigit()]
            heads.add(name[: marks[0] + 4] if marks else name)
    return frozenset(heads)


@cache
def _lowercase_heads_pattern() -> re.Pattern[str]:
    """Any of the heads, as one trie: one pass over a text, where a search for each head
    took one pass a head."""
    return re.compile(trie_pattern(sorted(_lowercase_name_heads())))


def names_in_lower_case(text: str) -> bool:
    """Whether ``text`` may name a region in lower case ("euro area", "the Netherlands").

    Most texts hold none of their heads ("the Net", "euro area"), and then the pattern for
    them, whose first letters are the commonest of English, need not run at all.
    """
    return _lowercase_heads_pattern().search(text) is not None


def names_any_capitalized(text: str) -> bool:
    """Whether ``text`` holds any capitalized country name at all. Two documents in five
    with figures name none, and then no sentence of theirs need be searched for one."""
    capitalized, _lowercase = _country_patterns()
    return capitalized.search(text) is not None


def find_countries(
    text: str,
    start: int,
    end: int,
    folded: str | None = None,
    lowercase_names: bool = True,
) -> list[Mention]:
    """Country mentions in ``text[start:end]``, longest name first, with how they are used.

    ``lowercase_names=False`` skips the names that begin in lower case, for a text of which
    ``names_in_lower_case`` says it holds none.
    """
    capitalized, lowercase = _country_patterns()
    names = country_names()
    # The words after a name decide it too ("the U.S. / Dollar"), even past the sentence.
    found = [
        Mention(
            match.start(),
            match.end(),
            names[match.group("name")],
            "possessive" if match.group("possessive") else "",
        )
        for match in capitalized.finditer(text, start, min(len(text), end + _LOOK_PAST))
        if match.end("name") <= end
    ]
    if lowercase is not None and lowercase_names:
        for match in lowercase.finditer(text, start, end):
            found.append(Mention(match.start(), match.end(), names[match.group(0)], ""))
        found.sort(key=lambda m: m.start)
    if folded is None:
        folded = fold(text)
    if folded.find("other", start, end) >= 0 or folded.find("rest of", start, end) >= 0:
        found = _rest_of_world(folded, start, end, found)
    return [m if m.value == WORLD else _classify(text, folded, start, m) for m in found]


# The partner of "the rest of the world": no country, and no partner to inherit either.
WORLD = "WORLD"
# Over the folded text: "the rest of the world", "other non-EU countries", "countries
# other than the U.S." (the country after "than" is part of the phrase).
_REST_OF_WORLD = re.compile(
    r"\b(?:the\s+)?rest\s+of\s+the\s+world\b"
    r"|\bother\s+(?:non-eu\s+|foreign\s+|overseas\s+)?(?:countries|nations|economies|markets|trading\s+partners|partners|destinations)\b"
    r"|\b(?:countries|nations|economies|markets|partners|destinations)\s+other\s+than\s+(?:the\s+)?"
)


def _rest_of_world(folded: str, start: int, end: int, found: list[Mention]) -> list[Mention]:
    """``found`` with each rest-of-the-world phrase as one mention in place of the
    names inside it ("other non-EU countries", "countries other than the U.S.")."""
    for match in _REST_OF_WORLD.finditer(folded, start, end):
        phrase_end = match.end()
        if match.group(0).endswith(" "):
            # "other than the U.S.": the name after it is the one excluded.
            after = next((m for m in found if m.start == phrase_end), None)
            if after is None:
                continue
            phrase_end = after.end
        found = [m for m in found if m.end <= match.start() or m.start >= phrase_end]
        found.append(Mention(match.start(), phrase_end, WORLD, "partner"))
    found.sort(key=lambda m: m.start)
    return found


def _classify(text: str, folded: str, sentence_start: int, mention: Mention) -> Mention:
    how = mention.how
    if how != "possessive":
        before = folded[max(sentence_start, mention.start - 40) : mention.start]
        after = folded[mention.end : mention.end + 30]
        if _OFFICE_AFTER.match(after):
            how = "reporter"
        elif _REPORTER_BEFORE_FROM.search(before):
            how = "from"
        elif _PARTNER_BEFORE.search(before) or _BOUND_AFTER.match(after):
            how = "partner"
        elif _REPORTER_AFTER.match(after):
            how = "reporter"
        elif _PAIR_AFTER.match(text, mention.end) and not after.startswith(("- ", "– ")):
            how = "pair"
    return (
        mention if how == mention.how else Mention(mention.start, mention.end, mention.value, how)
    )


# --- flows ----------------------------------------------------------------------------


def find_flows(text: str, start: int, end: int, folded: str | None = None) -> list[Mention]:
    """Flow words in ``text[start:end]``; ``folded`` is ``fold(text)`` when the caller has it."""
    found = []
    lowered = fold(text) if folded is None else folded
    for match in skipping.finditer(FLOW_PATTERN, lowered, start, end):
        for name in _FLOW_NAMES:
            if match.group(name):
                break
        found.append(Mention(*match.span(WHOLE), _FLOW_OF_GROUP.get(name, name)))
    return found


def adjacent_after(text: str, end: int, mention: Mention, limit: int = 32) -> bool:
    """Whether ``mention`` follows a figure ending at ``end`` with only filler words between.

    "25% tariff", "90% of exports", "$5 billion trade deficit", "85% utilisation".
    """
    gap = text[end : mention.start]
    if len(gap) > limit or mention.start < end:
        return False
    return bool(_FILLER.fullmatch(gap) or _CHANGE_IN.fullmatch(gap))


# "a 5.4% increase in exports", "a 2% fall in the value of imports": the noun of change
# after a rate names what changed, whatever the clause before it was about.
_CHANGE_IN = re.compile(
    r"(?i)\s*(?:(?:year-on-year|annual|monthly|y-o-y)\s+)?(?:increase|rise|growth|gain|jump|surge|fall|drop|decline|decrease|dip|slump|contraction|expansion)"
    r"\s+(?:in|of)\s+(?:the\s+)?(?:(?:value|volume)\s+of\s+)?(?:\w+['’]s\s+)?(?:total\s+|merchandise\s+|goods\s+)?"
)


_FILLER = re.compile(
    r"(?:\s*(?:of|in|on|for|the|a|an|its|their|total|overall|annual|monthly|merchandise|goods"
    r"|non-oil|oil|[A-Z][\w.]*(?:['’]s)?|[Uu]\.?[Ss]\.?|reciprocal|retaliatory|additional|import|export))*\s*"
)


# Words after which a figure is a level or a comparison base, not the change itself:
# "rose 5% to $10 bn", "higher than $27.57 bn", "up from $4.8 bn", "stood at".
_LEVEL_BETWEEN = re.compile(
    r"(?i)\b(?:to|at|from|(?<!more\s)(?<!less\s)(?<!rather\s)than|against|versus|vs\.?|compared|stood|was|were|reached|totall?ed"
    r"|valued|worth|of\s+(?=[$€£¥₹]))\b"
)


_MONEY_CHANGE_AFTER = re.compile(r"(?i)^\s*(?:more|less|higher|lower|above|below)\s+than\b")
_MONEY_CHANGE_GAP = re.compile(
    r"(?i)(?:\s+in\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?of)?"  # "an increase in the goods deficit of"
    r"(?:\s+by)?(?:\s+(?:a|an|some|about|nearly|almost|around|over|more\s+than|just|only|of|to\s+the\s+tune\s+of))*\s*"
)


def direction_near(
    text: str,
    window_start: int,
    start: int,
    end: int,
    money: bool = False,
    folded: str | None = None,
) -> str | None:
    """Direction from the words just before (nearest wins) or just after the figure."""
    if folded is None:
        folded = fold(text)
    after = text[end : end + 40]
    # "5% higher", "a 3% decline"; an amount only in "$4.4 billion less than May".
    head = (_MONEY_CHANGE_AFTER if money else _CHANGE_AFTER).match(after)
    if head:
        words = DIRECTION_PATTERN.search(folded[end : end + head.end()])
        if words:
            return _DIRECTIONS[" ".join(words.group(0).split())]
    best = None
    for match in DIRECTION_PATTERN.finditer(folded, max(window_start, start - 90), start):
        best = match
    if best is not None and money and not _MONEY_CHANGE_GAP.fullmatch(text[best.end() : start]):
        # An amount is a change only as the object of the verb or noun: "rose $5 bn",
        # "fell by $2 bn", "an increase of $1 bn"; "years of growth, reaching $1.19
        # trillion" is a level.
        return None
    if best is not None:
        # A verb of change governs a figure directly ("rose 5%", "fell by $2 bn", "growth of
        # 6%"); after "to", "at" or "from" the figure is a level, not the change.
        between = text[best.end() : start]
        if _LEVEL_BETWEEN.search(between) and not _CHANGE_OF.search(folded[best.start() : start]):
            return None
        return _DIRECTIONS[" ".join(best.group(0).split())]
    return None


# Over the folded text: "growth of", "an increase of about".
_CHANGE_OF = re.compile(
    r"(?:growth|increase|decrease|decline|rise|fall|drop|expansion|contraction|gain|jump|loss)\s+of\s+(?:about\s+|around\s+|nearly\s+|over\s+)?$"
)
_COMPARATIVE = re.compile(r"(?i)(?:%|cent|pct|times|fold|\d)\s*$")


def qualifier_meaning(words: str) -> str | None:
    """What hedging words say of the figure after them, as ``qualifier_before`` names it:
    "around" and "an estimated" are "about", "in excess of" is "over"."""
    return _QUALIFIERS.get(" ".join(words.lower().split()))


# Verbs whose particle is "up": in "picked up to 7.5%" the "up to" is no bound.
_PARTICLE_UP = re.compile(
    r"(?i)\b(?:picked|edged|inched|ticked|crept|moved|went|shot|climbed|jumped|revised|"
    r"pushed|ramped|stepped|bounced|perked|firmed)\s+\Z"
)


def particle_up(before: str) -> bool:
    """Whether ``before`` ends with a verb that takes "up" as its particle ("picked")."""
    return _PARTICLE_UP.search(before) is not None


def qualifier_before(text: str, start: int, folded: str | None = None) -> str | None:
    window = (fold(text) if folded is None else folded)[max(0, start - 30) : start]
    match = QUALIFIER_PATTERN.search(window)
    if not match:
        return None
    if _COMPARATIVE.search(window[: match.start()]):
        return None  # "10.7% more than the $11.2 billion": a comparison, not a bound
    if match.group("word").startswith("up") and particle_up(window[: match.start()]):
        return None  # "picked up to 7.5%": a verb and its particle, then "to"
    return _QUALIFIERS[" ".join(match.group("word").split())]


def role_of(
    text: str,
    kind: str,
    start: int,
    end: int,
    direction: str | None,
    folded: str | None = None,
) -> str | None:
    after = text[end : end + 60]
    if kind in ("percent", "percentage_points"):
        before = (fold(text) if folded is None else folded)[max(0, start - 40) : start]
        if _RATE_AFTER.match(after) or _RATE_BEFORE.search(before):
            return "rate"
        if _SHARE_BEFORE.search(before) or (
            _SHARE_AFTER.match(after) and not _CHANGE_AFTER.match(after) and not direction
        ):
            return "share"
        if direction or _CHANGE_AFTER.match(after):
            return "change"
        return None
    if kind == "money":
        return "change" if direction else "level"
    return None


def expectation_near(text: str, window_start: int, start: int, folded: str | None = None) -> bool:
    for match in _EXPECTATION.finditer(
        fold(text) if folded is None else folded, max(window_start, start - 60), start
    ):
        # "may" the verb, not "May" the month.
        if match.group(0) != "may" or text.startswith("may", match.start()):
            return True
    return False
