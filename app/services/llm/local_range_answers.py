"""Answers written as a range or in short form, and the answer a trade expects of a familiar
item (issue 20, round 36c).

Before the description is read (``ranges_listed``):

- a range of letter sizes in brackets ("size (XS-XXL)", "talla (S-XL)", "Größe (S bis XXL)")
  is the sizes themselves: "(XS, S, M, L, XL, XXL)", one to choose;
- a range of shoe sizes ("shoe size (38-45)", "número do sapato (30-36)", "Schuhgröße
  (36-46)") is the sizes, one a step (a half step when a bound is a half size); a dress or
  clothing size ("dress size (6-20)") goes up in twos. A count with bounds ("number of
  bedrooms (1-5)", "group size (2-8)") is no size to choose and stays a bounded number;
- a pupil's grade with its range on a school's form ("grade (9-12)", "Klasse (5-10)") is the
  grades to choose, never a rating;
- a range said with the word each answer carries ("class (Year 3-6)", "level (Grade 1-8)",
  "ability (Stage 1-7)") is those answers, "Year 3" to "Year 6"; a shoe or garment size with
  its sizing system ("shoe size (UK 4-12)") is the sizes, the system in the label.

On the draft (``expected_answers``):

- days named in the plural ("Betreuungstage", "jours de garde", "días de asistencia")
  offering weekdays take several answers; a single day ("Abholtag") stays one;
- a date word inside a compound, with its complement ("Geburtsdatum des Kindes",
  "Startdatum des Kurses"), is a date;
- the stock purchase timeline ("This month" … "Just researching") belongs to a buyer's
  form; a grant, a project or a sponsorship asks its timeline in words;
- a pupil's school year or grade ("year/grade", "year group", "Klassenstufe") is written
  ("Year 9", "Reception", "Grade 5"), never a count from 0.
"""

from __future__ import annotations

import re

from app.services.llm import local_catalog as catalog
from app.services.llm.local_choice_lists import _day_index

# ------------------------------------------------------------------ letter sizes "(XS-XXL)"
_LADDER = ["XXS", "XS", "S", "M", "L", "XL", "XXL", "XXXL", "4XL", "5XL"]
_YOUTH = ["YXS", "YS", "YM", "YL", "YXL"]  # a children's kit: "(YS-YL)"
_SAME = {"2XS": "XXS", "2XL": "XXL", "3XL": "XXXL"}
_NUMBERED = {same: short for short, same in _SAME.items()}  # "(S-3XL)": said with numbers
_LETTER = r"(?:[2-5]XL|2XS|X{0,3}[SL]|M|YX?[SL]|YM)"
_TO = r"(?:-|–|—|to|a|à|bis|até)"
LETTER_RANGE = re.compile(rf"\(\s*({_LETTER})\s*{_TO}\s*({_LETTER})\s*\)", re.I)


def _rung(size: str, ladder: list) -> int | None:
    size = size.upper()
    size = _SAME.get(size, size)
    return ladder.index(size) if size in ladder else None


def _letter_sizes(m: re.Match) -> str:
    ladder = _YOUTH if m.group(1).upper().startswith("Y") else _LADDER
    first, last = _rung(m.group(1), ladder), _rung(m.group(2), ladder)
    if first is None or last is None or last - first < 2:
        return m.group(0)  # "(S-M)": two sizes said as written
    numbered = any(re.match(r"\d", g) for g in m.groups())  # "(S-3XL)": the marketer's style
    sizes = ladder[first : last + 1]
    if numbered:
        sizes = [_NUMBERED.get(s, s) for s in sizes]
    return f"({', '.join(sizes)})"


# ------------------------------------------------------------------ shoe sizes "(38-45)"
_SHOE = re.compile(
    r"\b(?:shoes?|boots?|trainers?|sneakers?|footwear|wellies|calzado|zapat\w*|chaussures?|"
    r"pointure|sapat\w*|cal[çc]ado|t[êe]nis)\b|schuh\w*",
    re.I,
)
_GARMENT = re.compile(
    r"\b(?:dress|skirt|trousers?|clothing|clothes|vestido|falda|robe|jupe|kleid\w*|saia)\b|"
    r"kleider\w*|konfektion\w*",
    re.I,
)
# the item before the bracket: back to the last comma, colon, semicolon or full stop
_NUMBER_RANGE = re.compile(
    r"(?P<stem>[^,;:.()\n]{2,60}?)\s*\(\s*(?P<low>\d{1,2}(?:[.,]5)?)\s*"
    rf"{_TO}\s*(?P<high>\d{{1,2}}(?:[.,]5)?)\s*\)",
    re.I,
)


def _number(said: str) -> float:
    return float(said.replace(",", "."))


def _sizes_between(low: float, high: float, step: float) -> list[str]:
    sizes, at = [], low
    while at <= high + 1e-9:
        sizes.append(f"{at:g}")
        at += step
    return sizes


def _numbered_sizes(m: re.Match, school: bool) -> str:
    stem, low, high = m.group("stem"), _number(m.group("low")), _number(m.group("high"))
    if high <= low:
        return m.group(0)
    if school and _GRADE_STEM.search(stem) and low % 1 == 0 and high % 1 == 0:
        step = 1.0  # "grade (9-12)" of a pupil: 9, 10, 11, 12 to choose, no rating
    elif _SHOE.search(stem):
        step = 0.5 if (low % 1 or high % 1) else 1.0
    elif _GARMENT.search(stem) and not low % 2 and not high % 2:
        step = 2.0  # "dress size (6-20)": 6, 8, 10 …
    else:
        return m.group(0)
    sizes = _sizes_between(low, high, step)
    if len(sizes) > 30:
        return m.group(0)
    return f"{stem.rstrip()} ({', '.join(sizes)})"


# a pupil's grade or school year said last before the range; a school form says whose it is
_GRADE_STEM = re.compile(
    r"(?:\bgrade|\bklasse|\byear group|\bschool year|\byear level|\byear/grade|klassenstufe|"
    r"jahrgangsstufe|\bcurso|\bann[ée]e scolaire|\bano escolar|\bs[ée]rie)\s*$",
    re.I,
)
_SCHOOL = re.compile(
    r"\b(?:schools?|pupils?|students?|class(?:es)?|teachers?|tutor\w*|parents?|child\w*|kids?|"
    r"escuelas?|colegios?|alumn[oa]s?|[ée]coles?|[ée]l[èe]ves?|coll[èe]ges?|lyc[ée]es?|escolas?|"
    r"alun[oa]s?|kind(?:es|er)?|nachhilfe)\b|sch[üu]l\w*|schule\w*",
    re.I,
)

# "rate our tutor: grade (1-5)": a grade given, a rating
_RATED = re.compile(r"\b(?:rate|rating|ratings|score|stars?|feedback|review|evaluat\w*)\b", re.I)


# "(Year 3-6)", "(Grade 1-8)", "(Stage 1-7)", "(UK 4-12)": a range said with the word each
# answer carries, or the sizing system a shoe or garment size is in
_NAMED_RANGE = re.compile(
    r"(?P<stem>[^,;:.()\n]{2,60}?)\s*\(\s*(?P<word>year|grade|stage|level|band|step|book|"
    r"klasse|stufe|niveau|nivel|n[íi]vel|UK|EU|US)\s+(?P<low>\d{1,2})\s*"
    rf"{_TO}\s*(?:(?P=word)\s+)?(?P<high>\d{{1,2}})\s*\)",
    re.I,
)
_SIZING = re.compile(r"UK|EU|US", re.I)


def _named_steps(m: re.Match) -> str:
    word, low, high = m["word"], int(m["low"]), int(m["high"])
    if not 0 < high - low <= 15:
        return m[0]
    if _SIZING.fullmatch(word):  # "shoe size (UK 4-12)": the sizes, in the system said
        if not (_SHOE.search(m["stem"]) or _GARMENT.search(m["stem"])):
            return m[0]
        return f"{m['stem'].rstrip()} {word.upper()} ({', '.join(map(str, range(low, high + 1)))})"
    said = word[:1].upper() + word[1:]
    return f"{m['stem'].rstrip()} ({', '.join(f'{said} {n}' for n in range(low, high + 1))})"


def ranges_listed(text: str) -> str:
    """The sizes a range in brackets stands for, written out as the answers."""
    text = LETTER_RANGE.sub(_letter_sizes, text)
    text = _NAMED_RANGE.sub(_named_steps, text)
    school = bool(_SCHOOL.search(text)) and not _RATED.search(text)
    return _NUMBER_RANGE.sub(lambda m: _numbered_sizes(m, school), text)


# ------------------------------------------------------------------ on the draft
# days in the plural: "days", "Betreuungstage", "jours de garde", "días", "dias"
_DAYS_PLURAL = re.compile(r"\bdays\b|\w*tage\b|\bjours\b|\bd[ií]as\b|\bwochentage\b", re.I)
# a date word as the head of a compound: "Geburtsdatum", "Startdatum", "Abreisedatum"
_DATE_HEAD = re.compile(r"^\w*datum\b(?!s?format)", re.I)
# a pupil's place in school: "year/grade", "grade/year", "year group", "school year",
# "Klassenstufe", "année scolaire", "curso escolar", "ano escolar", "série"
_SCHOOL_YEAR = re.compile(
    r"\b(?:year|grade)\s*/\s*(?:year|grade|class)\b|\byear (?:group|level)\b|\bschool year\b|"
    r"\bgrade level\b|klassenstufe|jahrgangsstufe|\bschuljahr\b|ann[ée]e scolaire|"
    r"curso escolar|ano escolar|\b(?:current |child'?s? |pupil'?s? |student'?s? )grade\b",
    re.I,
)
_SALES = "sales"


def _weekdays(options: list) -> bool:
    return len(options) >= 2 and all(
        any(_day_index(str(o), lang) is not None for lang in ("en", "fr", "es", "de", "pt"))
        for o in options
    )


def expected_answers(config: dict) -> None:
    """The answer a familiar item asks for, in place (see the module's docstring)."""
    for f in config["fields"]:
        label = f.get("label") or ""
        options = f.get("options") or []
        if f["type"] == "select" and _weekdays(options) and _DAYS_PLURAL.search(label):
            f["type"] = "multiselect"  # "Betreuungstage (Mo, Di, Mi, Do, Fr)": several days
        elif f["type"] == "text" and _DATE_HEAD.match(label.strip()):
            f.update(type="date", max_length=None)  # "Geburtsdatum des Kindes"
        elif (
            f["type"] == "select" and options == catalog.TIMELINES and config.get("type") != _SALES
        ):  # a project's timeline, said in words
            f.update(type="text", options=[], max_length=300, help="")
        elif f["type"] == "number" and f.get("max") is None and _SCHOOL_YEAR.search(label):
            f.update(type="text", min=None, max=None, max_length=60)  # "Year 9", "Reception"
