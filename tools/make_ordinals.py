"""Regenerate the ``ordinals`` key of resdiff/data/languages/*.json from units and tens.

The JSON tables stay the source of truth the package reads; this script only rewrites their
``ordinals`` mapping ("1" … "100" → written forms, lower-case) and leaves every other key as it
is. Run it after changing the word lists below, then review the diff of the JSON files:

    python3 tools/make_ordinals.py

Irregular forms (fr "vingt et unième", "soixante et onzième"; es "undécimo", "vigésimo primer";
ar "الحادية عشرة") are spelled out here on purpose, not derived.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path

TABLES = Path(__file__).resolve().parent.parent / "resdiff" / "data" / "languages"


def english(n: int) -> list[str]:
    units = "first second third fourth fifth sixth seventh eighth ninth".split()
    teens = ("tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth "
             "eighteenth nineteenth").split()
    tens = "twenty thirty forty fifty sixty seventy eighty ninety".split()
    tens_ord = ("twentieth thirtieth fortieth fiftieth sixtieth seventieth eightieth "
                "ninetieth").split()
    if n == 100:
        return ["one hundredth"]
    if n < 10:
        return [units[n - 1]]
    if n < 20:
        return [teens[n - 10]]
    t, u = divmod(n, 10)
    return [tens_ord[t - 2]] if u == 0 else [f"{tens[t - 2]}-{units[u - 1]}"]


def french(n: int) -> list[str]:
    units = ("unième deuxième troisième quatrième cinquième sixième septième huitième "
             "neuvième").split()
    teens = ("dixième onzième douzième treizième quatorzième quinzième seizième dix-septième "
             "dix-huitième dix-neuvième").split()
    tens = {2: "vingt", 3: "trente", 4: "quarante", 5: "cinquante", 6: "soixante"}
    if n == 1:
        return ["premier", "première"]
    if n == 100:
        return ["centième"]
    if n < 10:
        return [units[n - 1]]
    if n < 20:
        return [teens[n - 10]]
    if n < 70:
        t, u = divmod(n, 10)
        if u == 0:
            return [tens[t][:-1] + "ième" if tens[t].endswith("e") else tens[t] + "ième"]
        return [f"{tens[t]} et unième"] if u == 1 else [f"{tens[t]}-{units[u - 1]}"]
    if n < 80:  # soixante-dix…: 60 + 10…19
        return ["soixante et onzième"] if n == 71 else [f"soixante-{teens[n - 70]}"]
    if n == 80:
        return ["quatre-vingtième"]
    if n < 90:
        return [f"quatre-vingt-{units[n - 81]}"]
    return [f"quatre-vingt-{teens[n - 90]}"]


def spanish(n: int) -> list[str]:
    # Masculine forms (período de sesiones), the apocopated ones first, then feminine forms.
    masc = [["primer", "primero"], ["segundo"], ["tercer", "tercero"], ["cuarto"], ["quinto"],
            ["sexto"], ["séptimo"], ["octavo"], ["noveno"]]
    fem = "primera segunda tercera cuarta quinta sexta séptima octava novena".split()
    tens = ("décimo vigésimo trigésimo cuadragésimo quincuagésimo sexagésimo septuagésimo "
            "octogésimo nonagésimo").split()
    if n == 100:
        return ["centésimo", "centésima"]
    t, u = divmod(n, 10)
    if t == 0:
        return [*masc[u - 1], fem[u - 1]]
    if u == 0:
        return [tens[t - 1], tens[t - 1][:-1] + "a"]
    if t == 1:
        joined = {1: ["undécimo", "undécima", "decimoprimer", "decimoprimero", "decimoprimera"],
                  2: ["duodécimo", "duodécima", "decimosegundo", "decimosegunda"],
                  8: ["decimoctavo", "decimoctava"],
                  9: ["decimonoveno", "decimonovena", "decimonono", "decimonona"]}
        forms = joined.get(u, [f"decimo{m}" for m in masc[u - 1]] + [f"decimo{fem[u - 1]}"])
        spaced = [f"décimo {m}" for m in masc[u - 1]] + [f"décima {fem[u - 1]}"]
        return forms + spaced
    ten = tens[t - 1]
    return [f"{ten} {m}" for m in masc[u - 1]] + [f"{ten[:-1]}a {fem[u - 1]}"]


def russian(n: int) -> list[str]:
    # Feminine forms, as "сессия" takes them: nominative, genitive (= dative, instrumental,
    # prepositional), accusative. Only the last word of a compound ordinal declines.
    stems = {1: "перв", 2: "втор", 4: "четверт", 5: "пят", 6: "шест", 7: "седьм", 8: "восьм",
             9: "девят", 10: "десят", 11: "одиннадцат", 12: "двенадцат", 13: "тринадцат",
             14: "четырнадцат", 15: "пятнадцат", 16: "шестнадцат", 17: "семнадцат",
             18: "восемнадцат", 19: "девятнадцат", 20: "двадцат", 30: "тридцат",
             40: "сорок", 50: "пятидесят", 60: "шестидесят", 70: "семидесят",
             80: "восьмидесят", 90: "девяност", 100: "сот"}
    tens = {2: "двадцать", 3: "тридцать", 4: "сорок", 5: "пятьдесят", 6: "шестьдесят",
            7: "семьдесят", 8: "восемьдесят", 9: "девяносто"}

    def declined(k: int) -> list[str]:
        if k == 3:
            return ["третья", "третьей", "третью"]
        if k == 40:
            return ["сороковая", "сороковой", "сороковую"]
        forms = [stems[k] + end for end in ("ая", "ой", "ую")]
        return forms + [f.replace("четверт", "четвёрт") for f in forms] if k == 4 else forms

    if n in stems or n == 3:
        return declined(n)
    t, u = divmod(n, 10)
    return [f"{tens[t]} {form}" for form in declined(u)]


def chinese(n: int) -> list[str]:
    digits = "一二三四五六七八九"
    if n == 100:
        return ["第一百届"]
    t, u = divmod(n, 10)
    tens = "" if t == 0 else ("十" if t == 1 else digits[t - 1] + "十")
    return [f"第{tens}{digits[u - 1] if u else ''}届"]


def arabic(n: int) -> list[str]:
    # Feminine forms, as "الدورة" takes them: nominative, then genitive/accusative.
    units = "الأولى الثانية الثالثة الرابعة الخامسة السادسة السابعة الثامنة التاسعة".split()
    tens_nom = "العشرون الثلاثون الأربعون الخمسون الستون السبعون الثمانون التسعون".split()
    tens_gen = "العشرين الثلاثين الأربعين الخمسين الستين السبعين الثمانين التسعين".split()
    if n == 100:
        return ["المائة", "المئة"]
    t, u = divmod(n, 10)
    if t == 0:
        return [units[u - 1]]
    if n == 10:
        return ["العاشرة"]
    unit = "الحادية" if u == 1 else (units[u - 1] if u else "")
    if t == 1:
        return [f"{unit} عشرة"]
    if u == 0:
        return [tens_nom[t - 2], tens_gen[t - 2]]
    return [f"{unit} و{tens_nom[t - 2]}", f"{unit} و{tens_gen[t - 2]}"]


MAKERS: dict[str, Callable[[int], list[str]]] = {
    "en": english, "fr": french, "es": spanish, "ru": russian, "zh": chinese, "ar": arabic,
}


def render(table: dict[str, object]) -> str:
    """Pretty-print a table, one line per ordinal so that a reviewer reads 100 lines, not 500."""
    parts = []
    for key, value in table.items():
        if key == "ordinals":
            assert isinstance(value, dict)
            rows = ",\n".join(f"    {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}"
                               for k, v in value.items())
            text = "{\n" + rows + "\n  }"
        else:
            text = json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n  ")
        parts.append(f"  {json.dumps(key)}: {text}")
    return "{\n" + ",\n".join(parts) + "\n}\n"


def main() -> int:
    for code, make in MAKERS.items():
        path = TABLES / f"{code}.json"
        table = json.loads(path.read_text(encoding="utf-8"))
        table["ordinals"] = {str(n): make(n) for n in range(1, 101)}
        path.write_text(render(table), encoding="utf-8")
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
